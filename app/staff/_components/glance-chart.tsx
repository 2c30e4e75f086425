import { duration, LEVEL_NAMES } from "@/lib/staff/format";
import type { Glance } from "@/lib/staff/at-a-glance";
import { LEVELS, type Level } from "@/lib/triage";
import styles from "./staff.module.css";

// Each level has its own fill pattern as well as its own colour, so the bars read in greyscale and
// for colour-blind staff: solid, stripes, dots, cross-hatch, outline. Most urgent at the bottom.
const FILLS: Record<Level, { color: string; pattern: "solid" | "stripes" | "dots" | "hatch" | "outline" }> = {
  EMERGENCY: { color: "#9b1c13", pattern: "solid" },
  URGENT: { color: "#8a4b00", pattern: "stripes" },
  SOON: { color: "#00587a", pattern: "dots" },
  ROUTINE: { color: "#2f4f2f", pattern: "hatch" },
  SELF_CARE: { color: "#4b5a66", pattern: "outline" },
};

function Pattern({ level }: { level: Level }) {
  const { color, pattern } = FILLS[level];
  const id = `glance-${level}`;
  if (pattern === "solid") return <pattern id={id} width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill={color} /></pattern>;
  if (pattern === "stripes")
    return (
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fff4e0" />
        <rect width="3" height="6" fill={color} />
      </pattern>
    );
  if (pattern === "dots")
    return (
      <pattern id={id} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#e3f1f6" />
        <circle cx="2.5" cy="2.5" r="1.4" fill={color} />
      </pattern>
    );
  if (pattern === "hatch")
    return (
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#eef5ee" />
        <path d="M0 0L6 6M6 0L0 6" stroke={color} strokeWidth="1" />
      </pattern>
    );
  return <pattern id={id} width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#ffffff" /></pattern>;
}

const shortDay = (day: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));

/** Intakes per day by level (stacked bars; a table for screen readers) and median time to acknowledge. */
export function GlanceChart({ glance }: { glance: Glance }) {
  const width = 720;
  const height = 200;
  const left = 32;
  const bottom = 22;
  const top = 8;
  const max = Math.max(4, ...glance.days.map((d) => d.total));
  const step = max <= 8 ? 2 : max <= 20 ? 5 : Math.ceil(max / 4 / 10) * 10;
  const yMax = Math.ceil(max / step) * step;
  const plot = height - bottom - top;
  const y = (n: number) => top + plot - (n / yMax) * plot;
  const slot = (width - left) / glance.days.length;
  const barWidth = Math.max(4, slot - 4);
  const totals = Object.fromEntries(LEVELS.map((l) => [l, glance.days.reduce((s, d) => s + d.counts[l], 0)])) as Record<Level, number>;
  const all = LEVELS.reduce((s, l) => s + totals[l], 0);

  return (
    <section className={styles.glance} aria-labelledby="glance-heading">
      <h2 id="glance-heading">At a glance: the last {glance.days.length} days</h2>
      <p>
        {all} {all === 1 ? "intake" : "intakes"}: {LEVELS.map((l) => `${totals[l]} ${LEVEL_NAMES[l].toLowerCase()}`).join(", ")}.
      </p>
      <p data-testid="median-ack">
        Median time to acknowledge:{" "}
        {glance.medians.length
          ? glance.medians.map((m) => `${LEVEL_NAMES[m.level].toLowerCase()} ${duration(m.minutes * 60_000)} (${m.cases} ${m.cases === 1 ? "case" : "cases"})`).join(", ")
          : "no cases acknowledged yet"}
        .
      </p>
      <svg viewBox={`0 0 ${width} ${height}`} className={styles.chart} aria-hidden="true" focusable="false">
        <defs>
          {LEVELS.map((l) => (
            <Pattern key={l} level={l} />
          ))}
        </defs>
        {Array.from({ length: yMax / step + 1 }, (_, i) => i * step).map((n) => (
          <g key={n}>
            <line x1={left} x2={width} y1={y(n)} y2={y(n)} stroke="#c9d3da" strokeWidth="1" />
            <text x={left - 6} y={y(n) + 4} textAnchor="end" fontSize="12" fill="#4b5a66">
              {n}
            </text>
          </g>
        ))}
        {glance.days.map((d, i) => {
          const x = left + i * slot + 2;
          let base = 0;
          return (
            <g key={d.day}>
              <title>{`${shortDay(d.day)}: ${d.total} (${LEVELS.filter((l) => d.counts[l]).map((l) => `${d.counts[l]} ${LEVEL_NAMES[l].toLowerCase()}`).join(", ") || "none"})`}</title>
              {LEVELS.map((l) => {
                const n = d.counts[l];
                if (!n) return null;
                const y0 = y(base + n);
                const h = y(base) - y0;
                base += n;
                return <rect key={l} x={x} y={y0} width={barWidth} height={h} fill={`url(#glance-${l})`} stroke={FILLS[l].color} strokeWidth="1" />;
              })}
              {(glance.days.length - 1 - i) % 7 === 0 ? (
                <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" fontSize="12" fill="#4b5a66">
                  {shortDay(d.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {LEVELS.map((l) => (
          <li key={l}>
            <svg width="16" height="16" viewBox="0 0 16 16">
              <rect x="1" y="1" width="14" height="14" fill={`url(#glance-${l})`} stroke={FILLS[l].color} strokeWidth="1.5" />
            </svg>
            {LEVEL_NAMES[l]}
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>Intakes per day by level, the last {glance.days.length} days</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {LEVELS.map((l) => (
              <th key={l} scope="col">
                {LEVEL_NAMES[l]}
              </th>
            ))}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {glance.days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{shortDay(d.day)}</th>
              {LEVELS.map((l) => (
                <td key={l}>{d.counts[l]}</td>
              ))}
              <td>{d.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
