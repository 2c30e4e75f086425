import type { Metadata } from "next";
import Link from "next/link";
import { ProgressChart } from "@/app/_components/progress-chart";
import { PhoneLink } from "@/app/appointments/manage/[token]/_components/phone-link";
import styles from "@/app/book/_components/book.module.css";
import { formatDay } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { resultToken } from "@/lib/intake-form/result-access";
import { checkinQuestions } from "@/lib/outcomes";
import { checkinAction } from "../../actions";
import my from "../../my.module.css";
import { QuestionForm } from "../_components/question-form";
import { loadMyBack } from "../load";
import { NotOpen } from "../not-open";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ answered?: string; refill?: string; regraded?: string }>;
};

export const metadata: Metadata = { title: "Your check-in", robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };

const GROUPS = {
  pain: "Your pain",
  overall: "Overall",
  activities: "The things you chose to track",
  function: "Everyday life",
  safety: "Safety questions",
};

/** The open recovery check-in (a plain form: no JavaScript needed), then what it found. */
export default async function CheckinPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { answered, refill, regraded } = await searchParams;
  const load = await loadMyBack(token);
  if (load.status !== "ok") return <NotOpen status={load.status} />;
  const { view } = load;
  const clinic = await getClinicInfo();
  const here = `/my/${encodeURIComponent(token)}`;
  const activityIds = ((view.recovery?.activities as { id: string }[] | null) ?? []).map((a) => a.id);

  if (view.open && answered !== "1") {
    return (
      <div className={styles.page}>
        <Link href={here}>Back to My back</Link>
        <h1>Your {view.open.week}-week check-in</h1>
        <p>
          Please tell us how you are now. It takes about 2 minutes. If anything has got worse, we will tell you straight
          away what to do.
        </p>
        <QuestionForm
          action={checkinAction}
          hidden={{ token, checkin: view.open.id }}
          questions={checkinQuestions(activityIds)}
          groups={GROUPS}
          folded={{
            function: "(10 questions, optional: how your back affects everyday things; skip any that do not apply)",
          }}
          submitLabel="Send my answers"
        />
      </div>
    );
  }

  const latestAnswered = [...view.checkins].reverse().find((c) => c.answeredAt);
  const regradeId = latestAnswered?.regradeIntakeId ?? null;
  return (
    <div className={styles.page}>
      <Link href={here}>Back to My back</Link>
      <h1>{answered === "1" ? "Thank you for your answers" : "No check-in is open now"}</h1>
      {answered === "1" && regraded === "1" && regradeId ? (
        <div className={my.attention}>
          <p>
            <strong>Your answers have changed our advice.</strong> Please read it now: it tells you what to do next.
          </p>
          <p>
            <Link
              href={`/intake/${regradeId}/result?key=${encodeURIComponent(resultToken(regradeId))}`}
              className={styles.primary}
            >
              See your advice
            </Link>
          </p>
        </div>
      ) : null}
      {answered === "1" && refill === "1" ? (
        <div className={my.attention}>
          <p>
            Something has got worse, and our form has changed since you filled it in. Please fill it in again with how
            things are now, so that we can tell you what to do. If you have new numbness between your legs, new problems
            passing or holding urine or stools, or weakness in both legs, go to an emergency department now.
          </p>
          <p>
            <Link href="/intake" className={styles.primary}>
              Start the back-pain check
            </Link>
          </p>
        </div>
      ) : null}
      {view.recovery?.notImprovingAt && !view.recovery.dischargedAt ? (
        <div className={my.attention}>
          <h2>We would like to see you</h2>
          <p>
            Your answers suggest your back is not getting better as quickly as we would expect. A clinician will look at
            them. <Link href={`${here}#appointments`}>Book an appointment on My back</Link>, or call us on{" "}
            <PhoneLink phone={clinic.phone} />.
          </p>
        </div>
      ) : null}
      {view.scores.length ? (
        <ProgressChart points={view.series} title="How your back has changed since the form" />
      ) : null}
      {view.next ? (
        <p>Your next check-in is on {formatDay(view.next.dueAt, clinic.timeZone)}. We will email you.</p>
      ) : null}
      <p>
        <Link href={here}>Back to My back</Link>
      </p>
    </div>
  );
}
