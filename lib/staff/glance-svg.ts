// The at-a-glance chart as an SVG image: stacked bars of intakes per day by level, with its
// legend. An image (not inline markup) so the queue page, which refreshes every 30 s, stays light;
// the numbers are also in a table on the page for screen readers. Each level has a pattern as well
// as a colour (solid, stripes, dots, cross-hatch, outline), so it reads in greyscale too.
import { formatShortDate } from "@/lib/booking/format";
import { LEVEL_NAMES } from "./format";
import { LEVELS, type Level } from "@/lib/triage";

const FILLS: Record<Level, { color: string; pattern: string }> = {
  EMERGENCY: { color: "#9b1c13", pattern: `<rect width="6" height="6" fill="#9b1c13"/>` },
  URGENT: {
    color: "#8a4b00",
    pattern: `<rect width="6" height="6" fill="#fff4e0"/><path d="M-1 1L1 -1M0 6L6 0M5 7L7 5" stroke="#8a4b00" stroke-width="2"/>`,
  },
  SOON: {
    color: "#00587a",
    pattern: `<rect width="6" height="6" fill="#e3f1f6"/><circle cx="3" cy="3" r="1.5" fill="#00587a"/>`,
  },
  ROUTINE: {
    color: "#2f4f2f",
    pattern: `<rect width="6" height="6" fill="#eef5ee"/><path d="M0 0L6 6M6 0L0 6" stroke="#2f4f2f" stroke-width="1"/>`,
  },
  SELF_CARE: { color: "#4b5a66", pattern: `<rect width="6" height="6" fill="#ffffff"/>` },
};

/** The at-a-glance numbers (lib/staff/at-a-glance.ts reads them): intakes per day by level, and median times to acknowledge. */
export type Glance = {
  days: { day: string; counts: Record<Level, number>; total: number }[];
  medians: { level: Level; minutes: number; cases: number }[];
};

export const GLANCE_SIZE = { width: 720, height: 240 };

/** Gridline spacing for about four lines: 1, 2 or 5 times a power of ten (at least 1). */
export function niceStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return power * (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10);
}

/** The chart as an SVG document (every text in it is ours: numbers, dates, level names). */
export function glanceSvg(glance: Glance): string {
  const { width, height } = GLANCE_SIZE;
  const left = 40;
  const right = 24; // room for the last day's label
  const top = 8;
  const legendHeight = 30;
  const bottom = 22 + legendHeight;
  const max = Math.max(4, ...glance.days.map((d) => d.total));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const plot = height - bottom - top;
  const y = (n: number) => top + plot - (n / yMax) * plot;
  const slot = (width - left - right) / glance.days.length;
  const barWidth = Math.max(4, slot - 4);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<defs>${LEVELS.map((l) => `<pattern id="p-${l}" width="6" height="6" patternUnits="userSpaceOnUse">${FILLS[l].pattern}</pattern>`).join("")}</defs>`,
  ];
  for (let n = 0; n <= yMax; n += step) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(n)}" y2="${y(n)}" stroke="#c9d3da"/><text x="${left - 6}" y="${y(n) + 4}" text-anchor="end" fill="#4b5a66">${n}</text>`,
    );
  }
  glance.days.forEach((d, i) => {
    const x = left + i * slot + 2;
    let base = 0;
    for (const l of LEVELS) {
      const n = d.counts[l];
      if (!n) continue;
      const y0 = y(base + n);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(base) - y0).toFixed(1)}" fill="url(#p-${l})" stroke="${FILLS[l].color}"/>`,
      );
      base += n;
    }
    if ((glance.days.length - 1 - i) % 7 === 0)
      parts.push(
        `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - legendHeight - 6}" text-anchor="middle" fill="#4b5a66">${formatShortDate(d.day)}</text>`,
      );
  });
  let lx = left;
  for (const l of LEVELS) {
    parts.push(
      `<rect x="${lx}" y="${height - 18}" width="14" height="14" fill="url(#p-${l})" stroke="${FILLS[l].color}" stroke-width="1.5"/><text x="${lx + 20}" y="${height - 6}" fill="#1f2a33" font-size="13">${LEVEL_NAMES[l]}</text>`,
    );
    lx += 30 + LEVEL_NAMES[l].length * 8;
  }
  parts.push("</svg>");
  return parts.join("");
}

/**
 * The same numbers as a table, for screen readers (the page hides it visually), as HTML made once
 * per minute with the chart's numbers rather than hundreds of React elements on every refresh of
 * the queue. Every text in it is ours: numbers, dates, level names.
 */
export function glanceTableHtml(glance: Glance): string {
  const head = LEVELS.map((l) => `<th scope="col">${LEVEL_NAMES[l]}</th>`).join("");
  const rows = glance.days
    .map(
      (d) =>
        `<tr><th scope="row">${formatShortDate(d.day)}</th>${LEVELS.map((l) => `<td>${d.counts[l]}</td>`).join("")}<td>${d.total}</td></tr>`,
    )
    .join("");
  return `<caption>Intakes per day by level, the last ${glance.days.length} days</caption><thead><tr><th scope="col">Day</th>${head}<th scope="col">All</th></tr></thead><tbody>${rows}</tbody>`;
}
