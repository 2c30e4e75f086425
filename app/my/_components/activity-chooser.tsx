import styles from "@/app/book/_components/book.module.css";
import { QuestionForm } from "@/app/my/[token]/_components/question-form";
import type { FormQuestion, QuestionFormState } from "@/app/my/form-model";
import { ACTIVITIES, ACTIVITY_SCALE, activityLabel, MAX_ACTIVITIES, ZERO_TO_TEN } from "@/lib/outcomes";

/** The activities a `pick` query parameter names (known ones, once each), and whether there are too many. */
export function parsePicks(raw: string | string[] | undefined): { picks: string[]; tooMany: boolean } {
  const picks = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) => activityLabel(id)))];
  return { picks, tooMany: picks.length > MAX_ACTIVITIES };
}

/**
 * Choosing up to three everyday things the back makes hard: first a plain GET form of ticks (to
 * `pickUrl`, so no JavaScript is needed), then how well the patient can do each now (posted to
 * `action` with `hidden` and the picks): the baseline the check-ins compare with.
 */
export function ActivityChooser({
  picks,
  tooMany,
  pickUrl,
  pickHidden = {},
  action,
  hidden,
}: {
  picks: string[];
  tooMany: boolean;
  pickUrl: string;
  /** Query parameters the pick form keeps (the result page's private key). */
  pickHidden?: Record<string, string>;
  action: (prev: QuestionFormState, form: FormData) => Promise<QuestionFormState>;
  hidden: Record<string, string>;
}) {
  if (picks.length && !tooMany) {
    const questions: FormQuestion[] = picks.map((id) => ({
      name: `rating.${id}`,
      label: `${activityLabel(id)}: how well can you do this now?`,
      hint: `${ACTIVITY_SCALE.low}, ${ACTIVITY_SCALE.high}.`,
      options: ZERO_TO_TEN,
    }));
    return (
      <>
        <h1>How well can you do these now?</h1>
        <p>Your answers now are the starting point: each check-in shows how they change.</p>
        <QuestionForm
          action={action}
          hidden={{ ...hidden, picked: picks.join(",") }}
          questions={questions}
          submitLabel="Save"
        />
      </>
    );
  }
  return (
    <>
      <h1>What does your back make hard?</h1>
      <p>Choose up to {MAX_ACTIVITIES} everyday things, and each check-in will ask how you are doing with them.</p>
      {tooMany ? (
        <div className={styles.errorSummary} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            <li>
              <a href={`#pick-${ACTIVITIES[0]!.id}`}>Choose up to {MAX_ACTIVITIES} things</a>
            </li>
          </ul>
        </div>
      ) : null}
      <form method="get" action={pickUrl}>
        {Object.entries(pickHidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset className={`${styles.waitlistField} ${tooMany ? styles.fieldError : ""}`}>
          <legend className={styles.question}>Choose up to {MAX_ACTIVITIES} everyday things</legend>
          <div className={styles.times}>
            {ACTIVITIES.map((a) => (
              <div key={a.id} className={styles.time}>
                <input
                  type="checkbox"
                  id={`pick-${a.id}`}
                  name="pick"
                  value={a.id}
                  defaultChecked={picks.includes(a.id)}
                />
                <label htmlFor={`pick-${a.id}`}>{a.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={styles.primary}>
          Continue
        </button>
      </form>
    </>
  );
}
