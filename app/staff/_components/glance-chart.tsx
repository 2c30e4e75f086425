import { duration, LEVEL_NAMES } from "@/lib/staff/format";
import type { GlanceView } from "@/lib/staff/at-a-glance";
import { GLANCE_SIZE } from "@/lib/staff/glance-svg";
import { LEVELS, type Level } from "@/lib/triage";
import styles from "./staff.module.css";

/** Intakes per day by level (a chart image; the numbers in a table for screen readers) and median time to acknowledge. */
export function GlanceChart({ glance }: { glance: GlanceView }) {
  const totals = Object.fromEntries(LEVELS.map((l) => [l, glance.days.reduce((s, d) => s + d.counts[l], 0)])) as Record<
    Level,
    number
  >;
  const all = LEVELS.reduce((s, l) => s + totals[l], 0);
  return (
    <section className={styles.glance} aria-labelledby="glance-heading">
      <h2 id="glance-heading">At a glance: the last {glance.days.length} days</h2>
      <p>
        {all} {all === 1 ? "intake" : "intakes"}:{" "}
        {LEVELS.map((l) => `${totals[l]} ${LEVEL_NAMES[l].toLowerCase()}`).join(", ")}.
      </p>
      <p data-testid="median-ack">
        Median time to acknowledge:{" "}
        {glance.medians.length
          ? glance.medians
              .map(
                (m) =>
                  `${LEVEL_NAMES[m.level].toLowerCase()} ${duration(m.minutes * 60_000)} (${m.cases} ${m.cases === 1 ? "case" : "cases"})`,
              )
              .join(", ")
          : "no cases acknowledged yet"}
        .
      </p>
      {/* The same numbers as the table below, drawn; the day in the URL makes each day a new image. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG made for this page, nothing to optimise */}
      <img
        className={styles.chart}
        src={`/staff/glance.svg?day=${glance.days.at(-1)?.day ?? ""}`}
        alt=""
        width={GLANCE_SIZE.width}
        height={GLANCE_SIZE.height}
      />
      {/*
        The numbers for screen readers: HTML made once a minute from our own numbers (lib/staff/glance-svg.ts).
        Hidden by a wrapper, not on the table itself: a table keeps its content's width whatever its own
        width says, so a hidden table still widened the page on a phone.
      */}
      <div className="visually-hidden">
        <table dangerouslySetInnerHTML={{ __html: glance.tableHtml }} />
      </div>
    </section>
  );
}
