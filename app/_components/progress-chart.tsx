// A patient's progress since the form: pain, daily function and the chosen activities at the form
// and at each check-in, drawn as lines (an SVG with a title and a description in words) and given
// again as a table. The series differ by marker shape and dash as well as colour, so the chart
// reads in greyscale. No inline styles (the CSP blocks style=""): colours come from the CSS module.
import { useId } from "react";
import type { ProgressPoint } from "@/lib/outcomes";
import styles from "./progress-chart.module.css";

type Marker = "circle" | "square" | "triangle";

type Series = {
  /** The name in sentences and the table. */
  name: string;
  /** The name in the legend, with how to read it. */
  legend: string;
  column: string;
  /** The value as given (function: percent). */
  value: (p: ProgressPoint) => number | null;
  /** The value on the chart's 0-10 scale. */
  scaled: (n: number) => number;
  format: (n: number) => string;
  marker: Marker;
  dash?: string;
  className: string | undefined;
};

const SERIES: readonly Series[] = [
  {
    name: "Pain",
    legend: "Pain (0 to 10, lower is better)",
    column: "Pain (0 to 10)",
    value: (p) => p.pain,
    scaled: (n) => n,
    format: String,
    marker: "circle",
    className: styles.pain,
  },
  {
    name: "Daily function",
    legend: "Daily function (lower is better)",
    column: "Daily function (%, lower is better)",
    value: (p) => p.functionPercent,
    scaled: (n) => n / 10,
    format: (n) => `${n}%`,
    marker: "square",
    dash: "7 4",
    className: styles.function,
  },
  {
    name: "Chosen activities",
    legend: "Chosen activities (0 to 10, higher is better)",
    column: "Chosen activities (0 to 10)",
    value: (p) => p.activityMean,
    scaled: (n) => n,
    format: String,
    marker: "triangle",
    dash: "2 4",
    className: styles.activities,
  },
];

const WIDTH = 360;
const HEIGHT = 220;
const LEFT = 30;
const RIGHT = 40;
const TOP = 12;
const BOTTOM = 40;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** "Pain 6 at the form, 3 at 6 weeks": the first and the last answer of each series. */
function describe(points: readonly ProgressPoint[]): string {
  const sentences: string[] = [];
  for (const s of SERIES) {
    const given = points.filter((p) => s.value(p) !== null);
    const first = given[0];
    const last = given.at(-1);
    if (!first || !last) continue;
    const at = (p: ProgressPoint) => `${s.format(s.value(p)!)} ${p.label.charAt(0).toLowerCase()}${p.label.slice(1)}`;
    sentences.push(`${s.name} ${at(first)}${last === first ? "" : `, ${at(last)}`}.`);
  }
  return sentences.join(" ");
}

function MarkerShape({ shape, x, y }: { shape: Marker; x: number; y: number }) {
  if (shape === "circle") return <circle cx={x} cy={y} r={4.5} />;
  if (shape === "square") return <rect x={x - 4} y={y - 4} width={8} height={8} />;
  return <path d={`M${x} ${y - 5.5}L${x + 5} ${y + 3.5}L${x - 5} ${y + 3.5}Z`} />;
}

/** The series' line and marker, small, for the legend. */
function Swatch({ series }: { series: Series }) {
  return (
    <svg
      className={`${styles.swatch} ${series.className}`}
      viewBox="0 0 32 12"
      width="32"
      height="12"
      aria-hidden="true"
    >
      <line x1={1} x2={31} y1={6} y2={6} strokeDasharray={series.dash} />
      <MarkerShape shape={series.marker} x={16} y={6} />
    </svg>
  );
}

/** The progress since the form as a line chart and a table; a sentence when there is nothing to show. */
export function ProgressChart({ points, title }: { points: ProgressPoint[]; title: string }) {
  const id = useId();
  const shown = [...points].sort((a, b) => a.week - b.week);
  const anything = shown.some((p) => SERIES.some((s) => s.value(p) !== null));
  if (!anything)
    return (
      <figure className={styles.figure}>
        <figcaption className={styles.caption}>{title}</figcaption>
        <p className={styles.empty}>There are no answers to show yet.</p>
      </figure>
    );

  const maxWeek = Math.max(12, ...shown.map((p) => p.week));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (week: number) => round1(LEFT + (week / maxWeek) * plotWidth);
  const y = (n: number) => round1(TOP + plotHeight - (Math.min(10, Math.max(0, n)) / 10) * plotHeight);
  const weeks = [...new Set([0, 2, 6, 12, ...shown.map((p) => p.week)])].filter((w) => w <= maxWeek);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{describe(shown)}</desc>
        <g className={styles.grid}>
          {[0, 2, 4, 6, 8, 10].map((n) => (
            <g key={n}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(n)} y2={y(n)} />
              <text x={LEFT - 6} y={y(n) + 4} textAnchor="end">
                {n}
              </text>
              <text x={WIDTH - RIGHT + 6} y={y(n) + 4}>
                {n * 10}%
              </text>
            </g>
          ))}
          {weeks.map((w) => (
            <text key={w} x={x(w)} y={TOP + plotHeight + 16} textAnchor="middle">
              {w}
            </text>
          ))}
          <text x={LEFT + plotWidth / 2} y={HEIGHT - 6} textAnchor="middle">
            Weeks since the form
          </text>
        </g>
        {SERIES.map((s) => {
          const at = shown.flatMap((p) => {
            const v = s.value(p);
            return v === null ? [] : [{ x: x(p.week), y: y(s.scaled(v)), week: p.week }];
          });
          return (
            <g key={s.name} className={`${styles.series} ${s.className}`}>
              {at.length > 1 && <polyline points={at.map((p) => `${p.x},${p.y}`).join(" ")} strokeDasharray={s.dash} />}
              {at.map((p) => (
                <MarkerShape key={p.week} shape={s.marker} x={p.x} y={p.y} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend}>
        {SERIES.map((s) => (
          <li key={s.name}>
            <Swatch series={s} />
            {s.legend}
          </li>
        ))}
      </ul>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption>{title}: the numbers</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              {SERIES.map((s) => (
                <th key={s.name} scope="col">
                  {s.column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.week}>
                <th scope="row">{p.label}</th>
                {SERIES.map((s) => {
                  const v = s.value(p);
                  return <td key={s.name}>{v === null ? "Not answered" : s.format(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
