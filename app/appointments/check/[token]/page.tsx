import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import styles from "@/app/book/_components/book.module.css";
import { PhoneLink } from "@/app/appointments/manage/[token]/_components/phone-link";
import { formatDateTime, zoneName } from "@/lib/booking/format";
import {
  answerRows,
  CHECK_QUESTIONS,
  manageLinkOf,
  readCheck,
  type CheckView,
  type PreVisitAnswers,
} from "@/lib/booking/pre-visit";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { resultToken } from "@/lib/intake-form/result-access";
import { giveTimeBackAction } from "../actions";
import { CheckForm } from "./check-form";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ answered?: string; kept?: string; error?: string }>;
};

const load = cache(async (token: string) => readCheck(await getDb(), token, new Date()));

function titleOf(view: Exclude<CheckView, { status: "not_found" }>, kept: boolean): string {
  if (view.status === "open") return "A short check before your visit";
  if (view.status === "closed")
    return view.why === "moved"
      ? "Your appointment has changed"
      : view.why === "cancelled"
        ? "This appointment was cancelled"
        : "This check has closed";
  if (view.check.gaveBackAt) return "You gave this time back";
  if (view.check.regradeIntakeId || view.refill) return "Thank you for your answers";
  if (view.canGiveBack && !kept) return "Do you still need this appointment?";
  return "Thank you: see you soon";
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const view = await load((await params).token);
  const { kept } = await searchParams;
  return {
    title: view.status === "not_found" ? "Check not found" : titleOf(view, kept === "1"),
    robots: { index: false },
    referrer: PRIVATE_PAGE_REFERRER,
  };
}

/**
 * The pre-visit check's private page: the questions (plain forms: no JavaScript needed), then what
 * happens next; a used link shows the answers already given and how things stand, calmly.
 */
export default async function CheckPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { answered, kept, error } = await searchParams;
  const view = await load(token);
  if (view.status === "not_found") notFound();
  const { check } = view;
  const clinic = await getClinicInfo();
  const when = `${formatDateTime(check.startsAt, clinic.timeZone)} (${zoneName(clinic.timeZone)})`;
  const title = titleOf(view, kept === "1");
  const call = (
    <>
      call us on <PhoneLink phone={clinic.phone} />
    </>
  );

  if (view.status === "open") {
    return (
      <div className={styles.page}>
        <h1>{title}</h1>
        <p>
          Your appointment is on <strong>{when}</strong>, with {check.clinicianName}, {check.clinicianRole}.
        </p>
        <p>
          Please tell us how you are now. If anything has got worse, your answers may mean you should be seen sooner,
          and we will tell you what to do.
        </p>
        <CheckForm token={token} questions={CHECK_QUESTIONS} />
      </div>
    );
  }

  if (view.status === "closed") {
    return (
      <div className={styles.page}>
        <h1>{title}</h1>
        {view.why === "moved" ? (
          <p>This check was for your old appointment time. We will send you a new one before your new time.</p>
        ) : view.why === "cancelled" ? (
          <p>
            There is nothing to answer. If you still need to see us,{" "}
            <Link href="/intake">fill in the back-pain check</Link> or {call}.
          </p>
        ) : (
          <p>The time of this appointment has passed. If you need us, {call}.</p>
        )}
      </div>
    );
  }

  const manageLink = await manageLinkOf(await getDb(), check);
  const resultHref = check.regradeIntakeId
    ? `/intake/${check.regradeIntakeId}/result?key=${encodeURIComponent(resultToken(check.regradeIntakeId))}`
    : null;
  const stillBooked = check.status === "booked";

  return (
    <div className={styles.page}>
      <h1>{title}</h1>
      {answered === "1" ? (
        <p className={styles.notice} role="status">
          We have your answers.
        </p>
      ) : null}
      {error === "too_late" ? (
        <p className={styles.warning} role="status">
          It is now too late to give the time back online. If you no longer need it, please {call}.
        </p>
      ) : null}

      {check.gaveBackAt ? (
        <>
          <p>
            Thank you for letting us know. Your appointment on {when} is cancelled, and someone who is waiting can have
            the time. We have emailed you to confirm.
          </p>
          <p>
            If you need us again, <Link href="/intake">fill in the back-pain check</Link>.
          </p>
        </>
      ) : resultHref ? (
        <>
          <p>
            <strong>Your answers have changed our advice.</strong> Please read it now: it tells you what to do next.
          </p>
          <p>
            <Link href={resultHref} className={styles.primary}>
              See your advice
            </Link>
          </p>
          {stillBooked ? <p>Your appointment on {when} stays booked unless we tell you otherwise.</p> : null}
        </>
      ) : view.refill ? (
        <>
          <p>
            Our form has changed since you filled it in, and it now asks some new safety questions. Please fill it in
            again with how things are now, so that we can tell you how soon you should be seen. Your appointment stays
            booked.
          </p>
          <p>
            If you have new numbness between your legs, new problems passing or holding urine or stools, or weakness in
            both legs, do not wait: go to an emergency department now.
          </p>
          <p>
            <Link href="/intake" className={styles.primary}>
              Start the back-pain check
            </Link>
          </p>
        </>
      ) : view.canGiveBack && kept !== "1" ? (
        <>
          <p>
            We are glad you are much better. If you no longer need your appointment on <strong>{when}</strong>, you can
            give the time back so that someone who is waiting can have it. Your appointment is then cancelled.
          </p>
          <div className={styles.actions}>
            <form action={giveTimeBackAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={styles.primary}>
                Give this time back
              </button>
            </form>
            <form action={`/appointments/check/${encodeURIComponent(token)}`} method="get">
              <input type="hidden" name="kept" value="1" />
              <button type="submit" className={styles.secondary}>
                Keep my appointment
              </button>
            </form>
          </div>
        </>
      ) : stillBooked ? (
        <>
          <p>
            See you on <strong>{when}</strong>, with {check.clinicianName}, {check.clinicianRole}.
          </p>
          {view.tooLate ? (
            <p>It is too late to give the time back online. If you no longer need it, please {call}.</p>
          ) : null}
          <p>
            {manageLink ? (
              <Link href={manageLink}>View, move or cancel your appointment</Link>
            ) : (
              <>To move or cancel it, use the link in your booking email, or {call}.</>
            )}
          </p>
          <p className={styles.hint}>
            If anything gets worse before then, do not wait for your appointment: {call}, or if you think it is an
            emergency, go to an emergency department.
          </p>
        </>
      ) : (
        <p>This appointment is no longer booked. If you need us, {call}.</p>
      )}

      {view.answers ? (
        <YourAnswers answers={view.answers} answeredAt={check.answeredAt!} zone={clinic.timeZone} />
      ) : null}
    </div>
  );
}

/** What the patient told us, in the check's words. */
function YourAnswers({ answers, answeredAt, zone }: { answers: PreVisitAnswers; answeredAt: Date; zone: string }) {
  return (
    <section className={styles.summary} aria-labelledby="your-answers">
      <h2 id="your-answers" className={styles.summaryTitle}>
        Your answers
      </h2>
      <p className={styles.hint}>Sent on {formatDateTime(answeredAt, zone)}.</p>
      <dl>
        {answerRows(answers).map((row) => (
          <div key={row.name}>
            <dt>{row.question}</dt>
            <dd>{row.answer}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
