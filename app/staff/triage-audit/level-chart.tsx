// The share of each level per period as 100 % stacked bars: drawn with SVG attributes only (no
// inline styles under the strict CSP). Each level has a pattern as well as a colour, so it reads in
// greyscale; the same numbers are in the table beside it, which screen readers use instead.
import { LEVELS, type Level } from "@/common/vocabulary";
import type { TrendPeriod } from "@/lib/governance/audit";
import { LEVEL_NAMES } from "@/lib/staff/format";
import styles from "../_components/staff.module.css";

const FILLS: Record<Level, { color: string; pattern: React.ReactNode }> = {
  EMERGENCY: { color: "#9b1c13", pattern: <rect width="6" height="6" fill="#9b1c13" /> },
  URGENT: {
    color: "#8a4b00",
    pattern: (
      <>
        <rect width="6" height="6" fill="#fff4e0" />
        <path d="M-1 1L1 -1M0 6L6 0M5 7L7 5" stroke="#8a4b00" strokeWidth="2" />
      </>
    ),
  },
  SOON: {
    color: "#00587a",
    pattern: (
      <>
        <rect width="6" height="6" fill="#e3f1f6" />
        <circle cx="3" cy="3" r="1.5" fill="#00587a" />
      </>
    ),
  },
  ROUTINE: {
    color: "#2f4f2f",
    pattern: (
      <>
        <rect width="6" height="6" fill="#eef5ee" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#2f4f2f" strokeWidth="1" />
      </>
    ),
  },
  SELF_CARE: { color: "#4b5a66", pattern: <rect width="6" height="6" fill="#ffffff" /> },
};

const WIDTH = 720;
const HEIGHT = 220;

/** Periods' level shares as stacked bars, labelled by month ("2026-11") or week start ("11-30"). */
export function LevelChart({ periods, unit }: { periods: readonly TrendPeriod[]; unit: "week" | "month" }) {
  const left = 36;
  const top = 8;
  const legend = 28;
  const bottom = 20 + legend;
  const plot = HEIGHT - top - bottom;
  const slot = (WIDTH - left - 8) / Math.max(1, periods.length);
  const bar = Math.max(3, slot - 3);
  const labelEvery = Math.ceil(periods.length / 12);
  // Each period's bar, stacked from the bottom: each level's piece as "move, then a closed box".
  const round = (x: number) => Math.round(x * 100) / 100;
  const paths = Object.fromEntries(LEVELS.map((l) => [l, ""])) as Record<Level, string>;
  periods.forEach((p, i) => {
    let y = top + plot;
    const x = round(left + i * slot + 1);
    for (const l of LEVELS) {
      const h = p.total ? (p.counts[l] / p.total) * plot : 0;
      y -= h;
      if (h > 0) paths[l] += `M${x} ${round(y)}h${round(bar)}v${round(h)}h${round(-bar)}z`;
    }
  });
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      aria-hidden="true"
      focusable="false"
      fontFamily="system-ui, sans-serif"
      fontSize="11"
    >
      <defs>
        {LEVELS.map((l) => (
          <pattern key={l} id={`audit-p-${l}`} width="6" height="6" patternUnits="userSpaceOnUse">
            {FILLS[l].pattern}
          </pattern>
        ))}
      </defs>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={WIDTH - 8} y1={top + plot * (1 - f)} y2={top + plot * (1 - f)} stroke="#d0d5da" />
          <text x={left - 4} y={top + plot * (1 - f) + 4} textAnchor="end" fill="#333">
            {f * 100} %
          </text>
        </g>
      ))}
      {LEVELS.map((l) => (
        // One path per level, a rectangle per period: 5 elements instead of one per bar piece.
        <path key={l} d={paths[l]} fill={`url(#audit-p-${l})`} stroke={FILLS[l].color} strokeWidth="0.5" />
      ))}
      {periods.map((p, i) =>
        i % labelEvery === 0 ? (
          <text key={p.start} x={left + i * slot + 1} y={top + plot + 14} fill="#333">
            {unit === "month" ? p.start.slice(0, 7) : p.start.slice(5)}
          </text>
        ) : null,
      )}
      {LEVELS.map((l, i) => (
        <g key={l} transform={`translate(${left + i * 130}, ${HEIGHT - legend + 8})`}>
          <rect width="14" height="14" fill={`url(#audit-p-${l})`} stroke={FILLS[l].color} />
          <text x="20" y="11" fill="#333">
            {LEVEL_NAMES[l]}
          </text>
        </g>
      ))}
    </svg>
  );
}
