import { useId } from "react";
import styles from "./body-map.module.css";
import { VIEW_BOX, VIEWS, type Box } from "./figure-shapes";
import type { Region } from "@/lib/intake-form/regions";

type Props = {
  selected: ReadonlySet<Region>;
  onToggle: (region: Region) => void;
  /** False until hydrated (or for good, with JavaScript off): the picture then only mirrors the list. */
  interactive: boolean;
};

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/**
 * The back and front views of a body. A pointer convenience only: hidden from assistive technology
 * and out of the tab order, because the checkbox list says everything it says.
 */
export function BodyFigure({ selected, onToggle, interactive }: Props) {
  // An id unique to this instance, safe inside url(#…).
  const idBase = `bm${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div className={styles.figure} aria-hidden="true">
      <p className={cx(styles.hint, !interactive && styles.hintPending)}>Or tap the places on the body</p>
      <div className={styles.views}>
        {VIEWS.map((view) => {
          const hatch = `${idBase}-${view.id}-hatch`;
          return (
            <div key={view.id} className={styles.view}>
              <p className={styles.caption}>
                {view.title}
                <span className={styles.captionNote}>{view.note}</span>
              </p>
              <svg className={styles.svg} viewBox={VIEW_BOX} aria-hidden="true" focusable="false" data-view={view.id}>
                <defs>
                  <pattern id={hatch} patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)">
                    <line className={styles.hatchLine} x1="2" y1="0" x2="2" y2="9" />
                  </pattern>
                </defs>
                {view.plain.map((d) => (
                  <path key={d} className={styles.plain} d={d} />
                ))}
                {view.regions.map(({ region, d, hit }) => (
                  <g
                    key={region}
                    className={cx(styles.region, selected.has(region) && styles.selected)}
                    data-region={region}
                    data-selected={selected.has(region) ? "true" : undefined}
                    onClick={interactive ? () => onToggle(region) : undefined}
                  >
                    {(Array.isArray(hit) ? hit : [hit]).map((box: Box) => (
                      <rect key={`${box.x},${box.y}`} className={styles.hit} {...box} />
                    ))}
                    <path className={styles.base} d={d} />
                    <path className={styles.hatch} d={d} fill={`url(#${hatch})`} />
                  </g>
                ))}
                {view.marks.map((d) => (
                  <path key={d} className={styles.mark} d={d} />
                ))}
                {/* Outlines go last, so a chosen region's thick edge is not hidden under its neighbours. */}
                {view.regions.map(({ region, d }) => (
                  <path
                    key={region}
                    className={cx(styles.outline, selected.has(region) && styles.selected)}
                    data-region={region}
                    d={d}
                  />
                ))}
                {view.sides.map((side, i) => (
                  <text key={side} className={styles.side} x={i === 0 ? 60 : 140} y={628}>
                    <tspan x={i === 0 ? 60 : 140}>Your</tspan>
                    <tspan x={i === 0 ? 60 : 140} dy={24}>
                      {side}
                    </tspan>
                  </text>
                ))}
              </svg>
            </div>
          );
        })}
      </div>
    </div>
  );
}
