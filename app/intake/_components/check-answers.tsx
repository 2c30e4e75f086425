import Link from "next/link";
import { submitIntakeAction } from "@/app/intake/actions";
import { FORM_TEXT, NOTES_QUESTION } from "@/lib/content";
import type { DraftAnswers, FieldView } from "@/lib/intake-form/model";
import { changeHref, reviewRowId } from "@/lib/intake-form/return-to";
import { reviewSections } from "@/lib/intake-form/review";
import type { DistanceUnit } from "@/lib/intake-form/units";
import { FocusChangedRow } from "./focus-changed-row";
import { fieldId } from "./ids";
import styles from "./intake.module.css";
import { StepForm } from "./step-form";

// The privacy notice was agreed on the first page (before any health question), so it is not asked again.
const FINAL_FIELDS: FieldView[] = [
  {
    kind: "textarea",
    name: "notes",
    label: `${NOTES_QUESTION.label} ${FORM_TEXT.optional}`,
    hint: NOTES_QUESTION.hint,
    maxLength: 2000,
  },
];

/** Every question asked, with its answer and a Change link, then notes and Send. */
export function CheckAnswers({
  answers,
  timeZone,
  distanceUnit,
}: {
  answers: DraftAnswers;
  timeZone: string;
  distanceUnit: DistanceUnit;
}) {
  return (
    <>
      <FocusChangedRow />
      {reviewSections(answers, { timeZone, distanceUnit }).map((section) => (
        <section key={section.step} aria-labelledby={`review-${section.step}`}>
          <h2 id={`review-${section.step}`}>{section.title}</h2>
          <dl className={styles.summary}>
            {section.skipped ? (
              <div id={reviewRowId(section.step)} className={styles.summaryRow}>
                <dt>This section</dt>
                <dd>Skipped</dd>
                <dd>
                  <Link href={changeHref(section.step, section.step)}>
                    {FORM_TEXT.change}
                    <span className="visually-hidden"> {section.title}</span>
                  </Link>
                </dd>
              </div>
            ) : (
              section.rows.map((row) => (
                <div key={row.key} id={reviewRowId(row.key)} className={styles.summaryRow}>
                  <dt>{row.question}</dt>
                  <dd>{row.answer ?? <span className={styles.missing}>Not answered yet</span>}</dd>
                  <dd>
                    <Link href={changeHref(row.step, row.key, fieldId(row.fieldName))}>
                      {row.answer === null ? "Answer" : FORM_TEXT.change}
                      <span className="visually-hidden"> {row.question}</span>
                    </Link>
                  </dd>
                </div>
              ))
            )}
          </dl>
        </section>
      ))}
      <h2>Send your form</h2>
      <StepForm fields={FINAL_FIELDS} initial={{}} action={submitIntakeAction} submitLabel={FORM_TEXT.send} />
    </>
  );
}
