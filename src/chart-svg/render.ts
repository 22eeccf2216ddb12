/**
 * Draws a chart of the WorkbookSpec as a standalone SVG document, in pure TypeScript (no DOM, no browser), so the
 * Gantt and the other charts can be looked at on a machine without Excel: in the task pane's preview outside Excel,
 * in tests, and as files written by `npm run charts`.
 *
 * The drawing follows Excel's semantics for the spec: bar-type charts list categories bottom-up unless the category
 * axis is reversed (then the first category is on top, as the Gantt wants); the Gantt's first series is the invisible
 * start offset and the second the duration; values come from the series' cached values.
 *
 * Geometry is exposed on the elements for tests and tools: bars are `<rect class="bar" data-series data-category
 * data-value>`, gridlines `<line class="gridline" data-value>`, milestones `<path class="milestone" data-category>`.
 */
import type { ChartSpec } from "../workbook/spec";
import { paletteColor, REFERENCE_COLOR } from "../workbook/palette";
import { XML_FORBIDDEN_CHARACTERS, xmlEscaped } from "../workbook/xml-text";

export interface SvgRenderOptions {
  /** Width in pixels (default 960 for a Gantt, 640 otherwise). */
  readonly width?: number;
  /** Height in pixels (default: a Gantt grows with its rows; other charts 360). */
  readonly height?: number;
  readonly theme?: "light" | "dark";
  /** Locale for numbers and dates on the axes (default en-US). */
  readonly locale?: string;
}

interface Theme {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly gridline: string;
  readonly axis: string;
  readonly milestoneOutline: string;
}

const THEMES: Record<"light" | "dark", Theme> = {
  light: {
    background: "#FFFFFF",
    text: "#242424",
    mutedText: "#616161",
    gridline: "#E0E0E0",
    axis: "#8A8A8A",
    milestoneOutline: "#242424",
  },
  dark: {
    background: "#262626",
    text: "#F0F0F0",
    mutedText: "#C8C8C8",
    gridline: "#454545",
    axis: "#8A8A8A",
    milestoneOutline: "#F0F0F0",
  },
};

const FONT_FAMILY = "Segoe UI, Helvetica, Arial, sans-serif";
const FONT_SIZE = 12;
const TITLE_SIZE = 15;
/** Average glyph width of the UI font relative to its size, used to keep labels from overlapping. */
const CHAR_WIDTH = 0.56;
const MARGIN = 12;

/** Text for an SVG element or attribute: well-formed, a character XML forbids shown as a space. */
export function escapeXml(text: string): string {
  return xmlEscaped(text.replace(XML_FORBIDDEN_CHARACTERS, " "));
}

/** Estimated rendered width of a label in pixels. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return text.length * fontSize * CHAR_WIDTH;
}

/** Shortens a label to fit `maxWidth` pixels, ending with an ellipsis when cut. */
export function fitLabel(text: string, maxWidth: number, fontSize = FONT_SIZE): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Math.max(1, Math.floor(maxWidth / (fontSize * CHAR_WIDTH)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build; a chart formats dozens of values with the same few. */
function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** Formats an axis value: dates for date formats (value is an Excel serial), percentages, otherwise compact numbers. */
export function formatAxisValue(value: number, numberFormat: string | undefined, locale: string): string {
  const format = numberFormat ?? "";
  if (/[dy]{2}|mmm/i.test(format)) {
    const dates = cached(
      dateFormatters,
      locale,
      () => new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" }),
    );
    return dates.format(new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000));
  }
  const percent = format.includes("%");
  const numbers = cached(
    numberFormatters,
    `${percent}|${locale}`,
    () =>
      new Intl.NumberFormat(
        locale,
        percent ? { style: "percent", maximumFractionDigits: 1 } : { notation: "compact", maximumFractionDigits: 1 },
      ),
  );
  return numbers.format(value);
}

/** "Nice" axis ticks (1, 2, 2.5 or 5 × 10^n steps) from at or below `min` to at or above `max`. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? rough;
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step - 1e-9);
  return Array.from({ length: last - first + 1 }, (_, i) => Math.round((first + i) * step * 1e6) / 1e6);
}

class SvgWriter {
  private readonly parts: string[] = [];
  add(element: string): void {
    this.parts.push(element);
  }
  text(x: number, y: number, content: string, attributes: Record<string, string | number> = {}, title?: string): void {
    const attrs = Object.entries(attributes)
      .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
      .join("");
    const tooltip = title !== undefined && title !== content ? `<title>${escapeXml(title)}</title>` : "";
    this.add(`<text x="${round(x)}" y="${round(y)}"${attrs}>${tooltip}${escapeXml(content)}</text>`);
  }
  toString(width: number, height: number, title: string, background: string): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}">`,
      `<title>${escapeXml(title)}</title>`,
      `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="${background}"/>`,
      ...this.parts,
      "</svg>",
    ].join("\n");
  }
}

interface Frame {
  readonly svg: SvgWriter;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
  readonly locale: string;
  /** Top of the plot area, below the title. */
  readonly top: number;
}

function drawTitle(frame: Frame, title: string): void {
  frame.svg.text(
    frame.width / 2,
    MARGIN + TITLE_SIZE,
    fitLabel(title, frame.width - 2 * MARGIN, TITLE_SIZE),
    {
      class: "title",
      "text-anchor": "middle",
      "font-size": TITLE_SIZE,
      "font-weight": 600,
      fill: frame.theme.text,
    },
    title,
  );
}

function seriesColor(chart: ChartSpec, index: number): string {
  return chart.series[index]?.color ?? paletteColor(index);
}

interface KeyEntry {
  readonly label: string;
  readonly color: string;
  /** `data-series` of a series entry, absent for a colour-key entry. */
  readonly series?: number;
}

/**
 * Draws key entries (a swatch and a label each) in rows above `bottom`, wrapping to a new row when one is full, and
 * returns the top of the rows.
 */
function drawKey(frame: Frame, entries: readonly KeyEntry[], bottom: number, className: string): number {
  if (entries.length === 0) return bottom;
  const widths = entries.map((entry) => 14 + textWidth(fitLabel(entry.label, 180)) + 18);
  const rows: KeyEntry[][] = [[]];
  let used = 0;
  entries.forEach((entry, index) => {
    if (used + widths[index]! > frame.width - 2 * MARGIN && rows[rows.length - 1]!.length > 0) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(entry);
    used += widths[index]!;
  });
  const lineHeight = FONT_SIZE + 8;
  rows.forEach((row, r) => {
    const y = bottom - FONT_SIZE - (rows.length - 1 - r) * lineHeight;
    let x = MARGIN;
    for (const entry of row) {
      const label = fitLabel(entry.label, 180);
      const series = entry.series === undefined ? "" : ` data-series="${entry.series}"`;
      frame.svg.add(
        `<rect class="${className}-swatch"${series} x="${round(x)}" y="${round(y - 9)}" width="10" height="10" fill="${entry.color}"/>`,
      );
      frame.svg.text(x + 14, y, label, { class: `${className}-label`, fill: frame.theme.text }, entry.label);
      x += 14 + textWidth(label) + 18;
    }
  });
  return bottom - FONT_SIZE - (rows.length - 1) * lineHeight - 14;
}

/** The legend (visible series only, unless the chart has none) and the colour key (what point colours mean). */
function drawLegend(frame: Frame, chart: ChartSpec, bottom: number): number {
  const colorKey = (chart.colorKey ?? []).map((entry) => ({ label: entry.label, color: entry.color }));
  const afterKey = drawKey(frame, colorKey, bottom, "key");
  if (chart.legend === "none") return afterKey;
  const entries = chart.series
    .map((series, index) => ({ label: series.name, color: seriesColor(chart, index), series: index }))
    .filter((entry) => !chart.series[entry.series]!.invisible);
  return drawKey(frame, entries, afterKey, "legend");
}

/** Horizontal bar-type charts: Gantt, bar and funnel. */
function drawHorizontal(frame: Frame, chart: ChartSpec): void {
  const { svg, theme } = frame;
  const labels = chart.categories.labels;
  const rows = labels.length;
  const isGantt = chart.kind === "gantt";
  const isFunnel = chart.kind === "funnel";
  const firstOnTop = isFunnel || chart.categoryAxis.reversed === true;
  const bottom = drawLegend(frame, chart, frame.height - MARGIN) - (isFunnel ? 0 : FONT_SIZE + 10);
  const labelWidth = Math.min(
    Math.max(...labels.map((label) => textWidth(label)), 40) + 8,
    Math.round(frame.width * (isGantt ? 0.4 : 0.3)),
  );
  const left = MARGIN + labelWidth;
  const right = frame.width - MARGIN - (isFunnel ? 0 : 8);
  const rowHeight = (bottom - frame.top) / Math.max(rows, 1);
  const rowTop = (index: number): number => frame.top + (firstOnTop ? index : rows - 1 - index) * rowHeight;

  const visible = chart.series.filter((series) => !series.invisible);
  const starts = isGantt ? (chart.series[0]?.values ?? []) : labels.map(() => 0);
  const lengths = isGantt ? (chart.series[1]?.values ?? []) : undefined;
  const dataMax = isGantt
    ? Math.max(...starts.map((start, i) => start + (lengths?.[i] ?? 0)))
    : Math.max(...visible.flatMap((series) => series.values), 0);
  const dataMin = isGantt ? Math.min(...starts) : 0;
  // Excel may start a Gantt's axis a fraction of a day after its first quarter (so its evenly spaced gridlines fall in
  // each quarter's first days); the picture starts at the first quarter itself, whose gridline it places exactly.
  const firstGridline = chart.valueAxis.gridlineValues?.[0];
  const axisMin = chart.valueAxis.min ?? (isGantt ? dataMin : 0);
  const min = firstGridline !== undefined ? Math.min(axisMin, firstGridline) : axisMin;
  const max = chart.valueAxis.max ?? (dataMax > min ? dataMax : min + 1);
  const scale = (value: number): number =>
    left + ((Math.min(Math.max(value, min), max) - min) / (max - min)) * (right - left);

  if (!isFunnel) {
    const gridValues = chart.valueAxis.gridlineValues ?? niceTicks(min, max);
    const gridLabels = chart.valueAxis.gridlineLabels;
    // Labels that do not fit their span are shown for every n-th gridline only, n as small as lets them fit.
    const spans = gridValues.map((value, index) => scale(Math.min(gridValues[index + 1] ?? max, max)) - scale(value));
    const narrowest = Math.min(...spans.filter((span) => span > 0));
    const widest = Math.max(0, ...(gridLabels ?? []).map((label) => textWidth(label)));
    const labelStep = gridLabels ? Math.max(1, Math.ceil((widest + 8) / narrowest)) : 1;
    gridValues.forEach((value, index) => {
      if (value < min || value > max) return;
      const x = scale(value);
      svg.add(
        `<line class="gridline" data-value="${value}" x1="${round(x)}" y1="${round(frame.top)}" x2="${round(x)}" y2="${round(bottom)}" stroke="${theme.gridline}" stroke-width="1"/>`,
      );
      const label = gridLabels?.[index];
      if (label !== undefined) {
        if (index % labelStep !== 0) return;
        // A quarter's label sits in the middle of the span it names, so the axis reads as quarters.
        const next = Math.min(gridValues[index + 1] ?? max, max);
        const span = scale(next) - x;
        svg.text(
          x + span / 2,
          bottom + FONT_SIZE + 4,
          fitLabel(label, labelStep * span - 4),
          {
            class: "axis-label",
            "text-anchor": "middle",
            fill: theme.mutedText,
          },
          label,
        );
      } else {
        svg.text(x, bottom + FONT_SIZE + 4, formatAxisValue(value, chart.valueAxis.numberFormat, frame.locale), {
          class: "axis-label",
          "text-anchor": "middle",
          fill: theme.mutedText,
        });
      }
    });
    svg.add(
      `<line class="axis" x1="${left}" y1="${round(bottom)}" x2="${round(right)}" y2="${round(bottom)}" stroke="${theme.axis}"/>`,
    );
  }

  labels.forEach((label, index) => {
    const y = rowTop(index) + rowHeight / 2 + FONT_SIZE * 0.35;
    svg.text(
      left - 8,
      y,
      fitLabel(label, labelWidth - 8),
      { class: "category-label", "text-anchor": "end", fill: theme.text },
      label,
    );
  });

  const barHeight = Math.max(4, Math.min(rowHeight * 0.62, 28));
  labels.forEach((label, index) => {
    const top = rowTop(index) + (rowHeight - barHeight) / 2;
    if (isGantt) {
      const start = starts[index] ?? 0;
      const end = start + (lengths?.[index] ?? 0);
      const colour = chart.series[1]?.pointColors?.[index] ?? seriesColor(chart, 1);
      if (chart.milestones?.includes(index)) {
        const cx = scale(end);
        const cy = top + barHeight / 2;
        const r = barHeight / 2 + 1;
        svg.add(
          `<path class="milestone" data-category="${index}" data-value="${end}" d="M${round(cx)} ${round(cy - r)} L${round(cx + r)} ${round(cy)} L${round(cx)} ${round(cy + r)} L${round(cx - r)} ${round(cy)} Z" fill="${colour}" stroke="${theme.milestoneOutline}" stroke-width="1"><title>${escapeXml(label)}</title></path>`,
        );
        return;
      }
      const x = scale(start);
      svg.add(
        `<rect class="bar" data-series="1" data-category="${index}" data-start="${start}" data-value="${end - start}" x="${round(x)}" y="${round(top)}" width="${round(Math.max(scale(end) - x, 1))}" height="${round(barHeight)}" rx="2" fill="${colour}"><title>${escapeXml(label)}</title></rect>`,
      );
      return;
    }
    const seriesIndex = chart.series.findIndex((series) => !series.invisible);
    const value = chart.series[seriesIndex]?.values[index] ?? 0;
    const colour = chart.series[seriesIndex]?.pointColors?.[index] ?? seriesColor(chart, seriesIndex);
    const width = scale(value) - scale(0);
    const x = isFunnel ? left + (right - left - width) / 2 : scale(0);
    svg.add(
      `<rect class="bar" data-series="${seriesIndex}" data-category="${index}" data-value="${value}" x="${round(x)}" y="${round(top)}" width="${round(Math.max(width, 0))}" height="${round(barHeight)}" fill="${colour}"/>`,
    );
    const valueLabel = formatAxisValue(value, chart.valueAxis.numberFormat, frame.locale);
    const inside = width > textWidth(valueLabel) + 8;
    svg.text(inside ? x + width / 2 : x + width + 4, top + barHeight / 2 + FONT_SIZE * 0.35, valueLabel, {
      class: "value-label",
      "text-anchor": inside ? "middle" : "start",
      fill: inside ? "#FFFFFF" : theme.text,
    });
  });
}

/** Vertical charts: columns (clustered or stacked), lines, and columns with lines. */
function drawVertical(frame: Frame, chart: ChartSpec): void {
  const { svg, theme } = frame;
  const labels = chart.categories.labels;
  const count = Math.max(labels.length, 1);
  const stacked = chart.kind === "stackedColumn";
  const drawAs = (index: number): "column" | "line" => {
    const series = chart.series[index]!;
    if (series.drawAs === "line" || chart.kind === "line") return "line";
    return "column";
  };
  const columnSeries = chart.series
    .map((_, index) => index)
    .filter((index) => drawAs(index) === "column" && !chart.series[index]!.invisible);
  const totals = labels.map((_, c) =>
    stacked ? columnSeries.reduce((sum, s) => sum + Math.max(chart.series[s]!.values[c] ?? 0, 0), 0) : 0,
  );
  const allValues = [...chart.series.flatMap((series) => series.values), ...totals];
  const max = chart.valueAxis.max ?? Math.max(...allValues, 0);
  const min = chart.valueAxis.min ?? Math.min(0, ...allValues);
  const ticks = niceTicks(min, max > min ? max : min + 1);
  const top = frame.top;
  const axisLabelWidth =
    Math.max(...ticks.map((t) => textWidth(formatAxisValue(t, chart.valueAxis.numberFormat, frame.locale)))) + 8;
  const left = MARGIN + axisLabelWidth;
  const right = frame.width - MARGIN;
  const slot = (right - left) / count;
  const rotate = labels.some((label) => textWidth(label) > slot - 4);
  const labelBand = rotate ? Math.min(Math.max(...labels.map((l) => textWidth(l))) * 0.72 + 8, 90) : FONT_SIZE + 10;
  const bottom = drawLegend(frame, chart, frame.height - MARGIN) - labelBand;
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const y = (value: number): number => bottom - ((value - low) / (high - low || 1)) * (bottom - top);

  for (const tick of ticks) {
    svg.add(
      `<line class="gridline" data-value="${tick}" x1="${left}" y1="${round(y(tick))}" x2="${round(right)}" y2="${round(y(tick))}" stroke="${theme.gridline}"/>`,
    );
    svg.text(left - 6, y(tick) + FONT_SIZE * 0.35, formatAxisValue(tick, chart.valueAxis.numberFormat, frame.locale), {
      class: "axis-label",
      "text-anchor": "end",
      fill: theme.mutedText,
    });
  }
  labels.forEach((label, c) => {
    const cx = left + slot * (c + 0.5);
    const ly = bottom + FONT_SIZE + 4;
    const shown = rotate ? fitLabel(label, 120) : fitLabel(label, slot - 4);
    svg.text(
      cx,
      ly,
      shown,
      {
        class: "category-label",
        "text-anchor": rotate ? "end" : "middle",
        fill: theme.text,
        ...(rotate ? { transform: `rotate(-40 ${round(cx)} ${round(ly)})` } : {}),
      },
      label,
    );
  });

  const groupWidth = slot * 0.72;
  const barWidth = stacked ? groupWidth : groupWidth / Math.max(columnSeries.length, 1);
  labels.forEach((_, c) => {
    let stackBase = 0;
    columnSeries.forEach((s, position) => {
      const value = chart.series[s]!.values[c] ?? 0;
      const x = left + slot * c + (slot - groupWidth) / 2 + (stacked ? 0 : position * barWidth);
      const from = stacked ? stackBase : 0;
      const to = from + value;
      stackBase = stacked ? to : 0;
      const [yTop, yBottom] = [y(Math.max(from, to)), y(Math.min(from, to))];
      svg.add(
        `<rect class="bar" data-series="${s}" data-category="${c}" data-value="${value}" x="${round(x)}" y="${round(yTop)}" width="${round(barWidth)}" height="${round(Math.max(yBottom - yTop, 0))}" fill="${seriesColor(chart, s)}"/>`,
      );
    });
  });
  chart.series.forEach((series, s) => {
    if (drawAs(s) !== "line" || series.invisible) return;
    const points = series.values.map((value, c) => `${round(left + slot * (c + 0.5))},${round(y(value))}`);
    const colour = series.color ?? (chart.kind === "columnLine" ? REFERENCE_COLOR : seriesColor(chart, s));
    svg.add(
      `<polyline class="line" data-series="${s}" points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="2.5"/>`,
    );
    series.values.forEach((value, c) => {
      svg.add(
        `<circle class="marker" data-series="${s}" data-category="${c}" data-value="${value}" cx="${round(left + slot * (c + 0.5))}" cy="${round(y(value))}" r="3.5" fill="${colour}"/>`,
      );
    });
  });
  svg.add(
    `<line class="axis" x1="${left}" y1="${round(y(0))}" x2="${round(right)}" y2="${round(y(0))}" stroke="${theme.axis}"/>`,
  );
}

/** Default size: a Gantt gets 24 px per row so 5 to 60 initiatives stay readable. */
function defaultHeight(chart: ChartSpec): number {
  if (chart.kind === "gantt") return Math.max(220, 90 + chart.categories.labels.length * 24);
  if (chart.kind === "funnel" || chart.kind === "bar") return Math.max(240, 90 + chart.categories.labels.length * 34);
  return 360;
}

/** Renders one chart of a WorkbookSpec as an SVG document. */
export function renderChartSvg(chart: ChartSpec, options: SvgRenderOptions = {}): string {
  const width = options.width ?? (chart.kind === "gantt" ? 960 : 640);
  const height = options.height ?? defaultHeight(chart);
  const theme = THEMES[options.theme ?? "light"];
  const frame: Frame = {
    svg: new SvgWriter(),
    theme,
    width,
    height,
    locale: options.locale ?? "en-US",
    top: MARGIN + TITLE_SIZE + 14,
  };
  drawTitle(frame, chart.title);
  if (chart.kind === "gantt" || chart.kind === "bar" || chart.kind === "funnel") drawHorizontal(frame, chart);
  else drawVertical(frame, chart);
  return frame.svg.toString(width, height, chart.title, theme.background);
}
