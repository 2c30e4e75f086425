// A read-only body map for staff: the places the patient marked, drawn on the same figure the intake
// uses, with the same places as a text list beside it (the picture is hidden from screen readers).
import { VIEW_BOX, VIEWS } from "@/app/intake/_components/body-map/figure-shapes";
import type { Region } from "@/lib/intake-form/regions";
import styles from "./body-map-view.module.css";

type Props = {
  marked: readonly Region[];
  /** Places of which the patient marked one, the stored answers not saying which (a leg's side). */
  sideUnknown: readonly Region[];
  /** The same places in words. */
  list: readonly string[];
};

/** "Where it hurts" for the case page: the figure's back and front views, and the list in words. */
export function BodyMapView({ marked, sideUnknown, list }: Props) {
  const classOf = (region: Region) =>
    marked.includes(region) ? styles.marked : sideUnknown.includes(region) ? styles.maybe : styles.region;
  return (
    <div className={styles.map} data-testid="body-map">
      <div className={styles.views} aria-hidden="true">
        {VIEWS.map((view) => (
          <div key={view.id} className={styles.view}>
            <p className={styles.caption}>
              {view.title} <span className={styles.note}>({view.note})</span>
            </p>
            <svg className={styles.svg} viewBox={VIEW_BOX} focusable="false" data-view={view.id}>
              {view.plain.map((d) => (
                <path key={d} className={styles.plain} d={d} />
              ))}
              {view.regions.map(({ region, d }) => (
                <path key={region} className={classOf(region)} data-region={region} d={d} />
              ))}
              {view.sides.map((side, i) => (
                <text key={side} className={styles.side} x={i === 0 ? 60 : 140} y={640}>
                  {side}
                </text>
              ))}
            </svg>
          </div>
        ))}
      </div>
      <div>
        {list.length ? (
          <ul className={styles.list}>
            {list.map((place) => (
              <li key={place}>{place}</li>
            ))}
          </ul>
        ) : (
          <p>No place marked.</p>
        )}
        {sideUnknown.length ? (
          <p className={styles.key}>Dashed outline: one of these; the answers do not say which side.</p>
        ) : null}
      </div>
    </div>
  );
}
