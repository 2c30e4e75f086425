import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { ACTIVITIES, ACTIVITY_SCALE, activityLabel, MAX_ACTIVITIES } from "@/lib/outcomes";
import { chooseActivitiesAction } from "../../actions";
import type { FormQuestion } from "../../form-model";
import { QuestionForm } from "../_components/question-form";
import { loadMyBack } from "../load";
import { NotOpen } from "../not-open";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ pick?: string | string[] }> };

export const metadata: Metadata = {
  title: "What to track",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

const ZERO_TO_TEN: [string, string][] = Array.from({ length: 11 }, (_, i) => [String(i), String(i)]);

/**
 * Choosing up to three everyday things the back makes hard (first a plain GET form of ticks, so no
 * JavaScript is needed), then how well the patient can do each now: the baseline the check-ins compare with.
 */
export default async function ActivitiesPage({ params, searchParams }: Props) {
  const { token } = await params;
  const raw = (await searchParams).pick;
  const load = await loadMyBack(token);
  if (load.status !== "ok") return <NotOpen status={load.status} />;
  const here = `/my/${encodeURIComponent(token)}`;
  const chosen = load.view.recovery?.activities as { id: string }[] | null;
  const picks = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) => activityLabel(id)))];
  const tooMany = picks.length > MAX_ACTIVITIES;

  if (chosen) {
    return (
      <div className={styles.page}>
        <Link href={here}>Back to My back</Link>
        <h1>What you are tracking</h1>
        <ul>
          {chosen.map((a) => (
            <li key={a.id}>{activityLabel(a.id) ?? a.id}</li>
          ))}
        </ul>
        <p>Each check-in asks how you are doing with these.</p>
      </div>
    );
  }

  if (picks.length && !tooMany) {
    const questions: FormQuestion[] = picks.map((id) => ({
      name: `rating.${id}`,
      label: `${activityLabel(id)}: how well can you do this now?`,
      hint: `${ACTIVITY_SCALE.low}, ${ACTIVITY_SCALE.high}.`,
      options: ZERO_TO_TEN,
    }));
    return (
      <div className={styles.page}>
        <Link href={`${here}/activities`}>Choose again</Link>
        <h1>How well can you do these now?</h1>
        <p>Your answers now are the starting point: each check-in shows how they change.</p>
        <QuestionForm
          action={chooseActivitiesAction}
          hidden={{ token, picked: picks.join(",") }}
          questions={questions}
          submitLabel="Save"
        />
      </div>
    );
  }

  return (
    <div className={styles.page}>
      <Link href={here}>Back to My back</Link>
      <h1>What does your back make hard?</h1>
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
      <form method="get" action={`${here}/activities`}>
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
    </div>
  );
}
