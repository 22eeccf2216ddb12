import { CHART_PALETTE, REFERENCE_COLOR } from "../../src/workbook/palette";

type Rgb = [number, number, number];

function toLinear(hex: string): Rgb {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(toLinear(a)), luminance(toLinear(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, applied in linear RGB. */
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(rgb: Rgb, matrix: number[][]): Rgb {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return [0, 1, 2].map((row) =>
    clamp(matrix[row]![0]! * rgb[0] + matrix[row]![1]! * rgb[1] + matrix[row]![2]! * rgb[2]),
  ) as Rgb;
}

/** CIE L*a*b* (D65) from linear RGB, for perceptual distances. */
function toLab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function distance(a: Rgb, b: Rgb): number {
  const [la, lb] = [toLab(a), toLab(b)];
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

describe("the chart palette", () => {
  it.each([...CHART_PALETTE, REFERENCE_COLOR])(
    "%s keeps 3:1 contrast on a white sheet and on Office's dark grey",
    (colour) => {
      expect(contrast(colour, "#FFFFFF")).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, "#262626")).toBeGreaterThanOrEqual(3);
    },
  );

  it("keeps every pair of colours apart for normal vision and the three colour-vision deficiencies", () => {
    const close: string[] = [];
    const colours = CHART_PALETTE.map(toLinear);
    for (const [name, matrix] of [["normal", undefined], ...Object.entries(DEFICIENCIES)] as const) {
      const seen = colours.map((rgb) => (matrix ? simulate(rgb, matrix) : rgb));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          const d = distance(seen[i]!, seen[j]!);
          if (d < 12) close.push(`${name}: ${CHART_PALETTE[i]} vs ${CHART_PALETTE[j]} (ΔE ${d.toFixed(1)})`);
        }
      }
    }
    expect(close).toEqual([]);
  });
});
