/**
 * Draws the add-in's icon (a Gantt mark: three staggered bars on a rounded teal tile) at every size the
 * manifest and the Office store ask for, as PNG files in assets/. Run with `npm run icons` after changing the
 * design; the PNGs are committed so a build needs nothing but the files.
 *
 * The shapes are described in a 0..1 unit square and rasterized with 4x4 supersampling so small sizes stay crisp.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];
const TILE: Rgb = [0x0e, 0x6e, 0x55];
const BAR: Rgb = [0xff, 0xff, 0xff];
const MILESTONE: Rgb = [0xf2, 0xb7, 0x05];

interface RoundedRect {
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
}

const tile: RoundedRect = { x: 0.03, y: 0.03, width: 0.94, height: 0.94, radius: 0.2 };
/** Three plan initiatives, each starting later than the one above: the picture of an execution plan. */
const bars: RoundedRect[] = [
  { x: 0.17, y: 0.2, width: 0.42, height: 0.15, radius: 0.05 },
  { x: 0.32, y: 0.425, width: 0.5, height: 0.15, radius: 0.05 },
  { x: 0.49, y: 0.65, width: 0.34, height: 0.15, radius: 0.05 },
];
/** A milestone diamond at the end of the first bar. */
const milestone = { cx: 0.74, cy: 0.275, half: 0.1 };

function insideRoundedRect(px: number, py: number, r: RoundedRect): boolean {
  if (px < r.x || px > r.x + r.width || py < r.y || py > r.y + r.height) return false;
  const cx = Math.min(Math.max(px, r.x + r.radius), r.x + r.width - r.radius);
  const cy = Math.min(Math.max(py, r.y + r.radius), r.y + r.height - r.radius);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r.radius ** 2;
}

function insideMilestone(px: number, py: number): boolean {
  return Math.abs(px - milestone.cx) + Math.abs(py - milestone.cy) <= milestone.half;
}

/** The colour of one point of the unit square, or undefined where the icon is transparent. */
function colourAt(px: number, py: number): Rgb | undefined {
  if (insideMilestone(px, py)) return MILESTONE;
  if (bars.some((bar) => insideRoundedRect(px, py, bar))) return BAR;
  if (insideRoundedRect(px, py, tile)) return TILE;
  return undefined;
}

export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (y * size + x) * 4;
      png.data[offset] = covered ? Math.round(r / covered) : 0;
      png.data[offset + 1] = covered ? Math.round(g / covered) : 0;
      png.data[offset + 2] = covered ? Math.round(b / covered) : 0;
      png.data[offset + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return png;
}

if (require.main === module) {
  const assets = path.resolve(__dirname, "..", "assets");
  for (const size of ICON_SIZES) {
    const file = path.join(assets, `icon-${size}.png`);
    writeFileSync(file, PNG.sync.write(drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
