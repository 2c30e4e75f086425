import type { Level } from "@/common/vocabulary";
import { formatLongDate } from "@/lib/booking/format";
import { LEVEL_NAMES } from "@/lib/staff/format";
import styles from "./staff.module.css";

/** A patient's last intake in a search result: its date, and the level it was graded. */
export function LastIntake({ at, level, zone }: { at: Date | null; level: Level | null; zone: string }) {
  return (
    <>
      {at ? formatLongDate(at, zone) : "—"}
      {level ? (
        <div>
          <span className={`${styles.level} ${styles[level]}`}>{LEVEL_NAMES[level]}</span>
        </div>
      ) : null}
    </>
  );
}
