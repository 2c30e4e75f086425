import { recheckAction } from "@/app/book/actions";
import styles from "@/app/book/_components/book.module.css";
import { CAUDA_QUESTIONS, LEGS_QUESTIONS, PAIN_QUESTIONS, YES_NO_UNSURE } from "@/lib/content";

type Choice = { name: string; label: string; options: [string, string][] };

const entries = (o: Record<string, { label: string }>) =>
  Object.entries(o).map(([v, x]) => [v, x.label] as [string, string]);

const QUESTIONS: Choice[] = [
  ...(["saddleNumbness", "bladderChange", "bowelChange", "sexualFunctionChange"] as const).map((k) => ({
    name: `cauda.${k}`,
    label: CAUDA_QUESTIONS[k].label,
    options: entries(YES_NO_UNSURE),
  })),
  { name: "legs.weakness", label: LEGS_QUESTIONS.weakness.label, options: entries(LEGS_QUESTIONS.weakness.options) },
  {
    name: "legs.difficultyWalking",
    label: LEGS_QUESTIONS.difficultyWalking.label,
    options: [
      ["yes", "Yes"],
      ["no", "No"],
    ],
  },
  { name: "pain.pattern", label: PAIN_QUESTIONS.pattern.label, options: entries(PAIN_QUESTIONS.pattern.options) },
  {
    name: "pain.intensity",
    label: PAIN_QUESTIONS.intensity.label,
    options: Array.from({ length: 11 }, (_, i) => [String(i), String(i)] as [string, string]),
  },
];

/** The red-flag questions again, answered as things are now; the answers re-grade the intake. */
export function Recheck({ token, invalid }: { token: string; invalid: boolean }) {
  return (
    <div className={styles.page}>
      <h1>Tell us how things are now</h1>
      <p>Your answers update your result. They may mean you should be seen sooner.</p>
      {invalid ? (
        <p className={styles.warning} role="alert">
          Please answer every question.
        </p>
      ) : null}
      <form action={recheckAction.bind(null, token)}>
        {QUESTIONS.map((q) => (
          <fieldset key={q.name} className={styles.field}>
            <legend>{q.label}</legend>
            <div className={styles.times}>
              {q.options.map(([value, label]) => {
                const id = `${q.name.replace(".", "-")}-${value}`;
                return (
                  <div key={value} className={styles.time}>
                    <input type="radio" id={id} name={q.name} value={value} required />
                    <label htmlFor={id}>{label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        <button type="submit" className={styles.primary}>
          Continue
        </button>
      </form>
    </div>
  );
}
