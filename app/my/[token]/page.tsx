import type { Metadata } from "next";
import Link from "next/link";
import { ProgressChart } from "@/app/_components/progress-chart";
import { PhoneLink } from "@/app/appointments/manage/[token]/_components/phone-link";
import styles from "@/app/book/_components/book.module.css";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { formatDateTime, formatDay, zoneName } from "@/lib/booking/format";
import { getClinicInfo } from "@/lib/clinic";
import { resultContent, type StoredAnswers } from "@/lib/content";
import { SILENT_RESULT } from "@/lib/content/silent";
import { env } from "@/lib/env";
import { patientSeesGrade } from "@/lib/governance/silent";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { resultToken } from "@/lib/intake-form/result-access";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { activityLabel } from "@/lib/outcomes";
import { stageAt } from "@/lib/programme";
import { signToken } from "@/lib/tokens";
import my from "../my.module.css";
import { loadMyBack } from "./load";
import { NotOpen } from "./not-open";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const load = await loadMyBack((await params).token);
  return {
    title: load.status === "ok" ? "My back" : "This link does not work",
    robots: { index: false },
    referrer: PRIVATE_PAGE_REFERRER,
  };
}

/**
 * The patient's private page: their appointments (with the manage links), a check-in when one is
 * open, their progress, their running plan, and the advice for their level.
 */
export default async function MyBackPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { done } = await searchParams;
  const load = await loadMyBack(token);
  if (load.status !== "ok") return <NotOpen status={load.status} />;
  const { view } = load;
  const clinic = await getClinicInfo();
  const zone = clinic.timeZone;
  const here = `/my/${encodeURIComponent(token)}`;
  const { latest, recovery } = view;
  const level = latest.effectiveLevel;
  const advice = resultContent({
    version: latest.rulesetVersion,
    level,
    firedRuleIds: latest.firedRules,
    answers: latest.answers as StoredAnswers,
    age: latest.ageAtGrading,
    phone: "",
    clinicPhone: clinic.phone,
    emergencyNumber: clinic.emergencyNumber,
    safetyNet: null,
    seen: null,
  });
  const canBook = eligibilityFor({
    level: latest.level,
    effectiveLevel: level,
    firedRules: latest.firedRules,
    silent: latest.silent,
  }).canSelfBook;
  // The silent pilot: a grade the patient was never told is not shown here either (no advice by level).
  const seesGrade = patientSeesGrade({
    silent: latest.silent,
    level: latest.level,
    effectiveLevel: level,
    overrideLevel: level !== latest.level ? level : null,
  });
  const bookingUrl = canBook
    ? `/book?token=${encodeURIComponent(signToken(env().AUTH_SECRET, BOOKING_TOKEN_PURPOSE, latest.id))}`
    : null;
  const upcoming = view.appointments.filter((a) => a.upcoming);
  const past = view.appointments.filter((a) => !a.upcoming).slice(0, 5);
  const activities = (recovery?.activities as { id: string; rating: number }[] | null) ?? null;
  const plan = view.plan?.plan ?? null;
  const resultHref = `/intake/${latest.id}/result?key=${encodeURIComponent(resultToken(latest.id))}`;

  return (
    <div className={styles.page}>
      <h1>My back</h1>
      <p>
        Hello {view.contact.firstName}. This page is private to you: please do not share its link. It shows your
        appointments, your progress and what to do next.
      </p>
      {done === "activities" ? (
        <p className={styles.notice} role="status">
          Saved. Each check-in will ask how you are doing with these.
        </p>
      ) : null}
      <nav aria-label="On this page">
        <ul className={my.nav}>
          <li>
            <a href="#appointments">Appointments</a>
          </li>
          <li>
            <a href="#progress">Progress</a>
          </li>
          {view.planAccess.open || plan ? (
            <li>
              <a href="#running">Running plan</a>
            </li>
          ) : null}
          <li>
            <a href="#advice">Advice</a>
          </li>
        </ul>
      </nav>

      {view.open ? (
        <div className={my.callout}>
          <h2>Your {view.open.week}-week check-in is ready</h2>
          <p>
            A few short questions tell us how you are doing and add to your progress chart. It takes about 2 minutes.
          </p>
          <p>
            <Link href={`${here}/check-in`} className={styles.primary}>
              Answer the check-in
            </Link>
          </p>
        </div>
      ) : null}

      {recovery?.notImprovingAt && !recovery.dischargedAt ? (
        <div className={my.attention}>
          <h2>We would like to see you</h2>
          <p>
            Your check-ins suggest your back is not getting better as quickly as we would expect. A clinician will look
            at your answers, and we would like to offer you an appointment.
          </p>
          <p>
            {bookingUrl && upcoming.length === 0 ? (
              <Link href={bookingUrl} className={styles.primary}>
                Book an appointment
              </Link>
            ) : upcoming.length ? (
              <>Your appointment below is booked.</>
            ) : (
              <>
                Please call us on <PhoneLink phone={clinic.phone} /> to find a time.
              </>
            )}
          </p>
        </div>
      ) : null}

      <section className={my.section} aria-labelledby="appointments">
        <h2 id="appointments">Your appointments</h2>
        {upcoming.length ? (
          <ul className={my.list}>
            {upcoming.map((a) => (
              <li key={a.id}>
                <strong>
                  {formatDateTime(a.startsAt, zone)} ({zoneName(zone)})
                </strong>
                <br />
                With {a.clinicianName}, {a.clinicianRole}
                <br />
                {a.manageUrl ? (
                  <Link href={a.manageUrl}>View, move or cancel</Link>
                ) : (
                  <span className={my.muted}>To change it, use the link in your booking email.</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            You have no appointment booked.{" "}
            {bookingUrl && !recovery?.notImprovingAt ? <Link href={bookingUrl}>Book an appointment</Link> : null}
          </p>
        )}
        {past.length ? (
          <details>
            <summary>Earlier and cancelled appointments</summary>
            <ul className={my.list}>
              {past.map((a) => (
                <li key={a.id}>
                  {formatDateTime(a.startsAt, zone)}, {a.clinicianName}
                  {a.status === "cancelled" ? " (cancelled)" : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section className={my.section} aria-labelledby="progress">
        <h2 id="progress">Your progress</h2>
        {view.scores.length ? (
          <ProgressChart points={view.series} title="How your back has changed since the form" />
        ) : view.open ? (
          <p>Your progress will show here once you have answered your check-in.</p>
        ) : (
          <p>
            Your progress will show here after your first check-in
            {view.next ? <>, on {formatDay(view.next.dueAt, zone)}. We will email you when it is ready</> : null}.
          </p>
        )}
        {view.next && view.scores.length ? (
          <p className={my.muted}>Your next check-in is on {formatDay(view.next.dueAt, zone)}.</p>
        ) : null}
        {recovery?.dischargedAt ? (
          <p className={my.muted}>
            The clinic has finished your care for this episode, so there are no more check-ins.
          </p>
        ) : null}
        {activities ? (
          <p>
            The things you told us your back makes hard: {activities.map((a) => activityLabel(a.id) ?? a.id).join(", ")}
            . Each check-in asks how you are doing with them.
          </p>
        ) : (
          <div className={my.card}>
            <h3>What does your back make hard?</h3>
            <p>
              Choose up to 3 everyday things your back makes hard, and each check-in will ask how you are doing with
              them. It helps you and us see real progress.
            </p>
            <p>
              <Link href={`${here}/activities`}>Choose what to track</Link>
            </p>
          </div>
        )}
      </section>

      {view.planAccess.open || plan ? (
        <section className={my.section} aria-labelledby="running">
          <h2 id="running">Your running plan</h2>
          {plan?.status === "active" ? (
            <p>
              You are on stage {plan.stage}: <strong>{stageAt(plan.stage).title}</strong>.{" "}
              <Link href={`${here}/plan`}>Open your plan and this week&apos;s check-in</Link>
            </p>
          ) : plan?.status === "completed" ? (
            <p>
              You finished the plan. Well done. <Link href={`${here}/plan`}>See your plan</Link>
            </p>
          ) : plan?.status === "stopped" ? (
            <p>
              Your plan is paused until a clinician has looked at your answers.{" "}
              <Link href={`${here}/plan`}>See why</Link>
            </p>
          ) : (
            <p>
              A step-by-step plan to get back to running, week by week, with simple pain rules that tell you when to
              move on and when to wait. <Link href={`${here}/plan`}>See the plan and start</Link>
            </p>
          )}
        </section>
      ) : null}

      <section className={my.section} aria-labelledby="advice">
        <h2 id="advice">Your advice</h2>
        {seesGrade ? (
          <>
            <h3>{advice.heading}</h3>
            <p>{advice.meaning}</p>
            {advice.doNow.length ? (
              <ul>
                {advice.doNow.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            {advice.advice.slice(0, 4).map((section) => (
              <details key={section.title}>
                <summary>{section.title}</summary>
                <ul>
                  {section.points.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </details>
            ))}
            <p>
              <Link href={resultHref}>Read all your advice and the warning signs</Link>
            </p>
          </>
        ) : (
          <>
            <p>{SILENT_RESULT.lead}</p>
            <p className={styles.warning}>{SILENT_RESULT.emergency(clinic.emergencyNumber)}</p>
            <p>
              <Link href={resultHref}>Read the warning signs</Link>
            </p>
          </>
        )}
      </section>

      <section className={my.section} aria-labelledby="emails">
        <h2 id="emails">Emails</h2>
        <p>
          {view.contact.stoppedAt
            ? "You have stopped check-in emails. Your check-ins still open here."
            : "We email you when a check-in is ready."}{" "}
          <Link href={`${here}/emails`}>{view.contact.stoppedAt ? "Start them again" : "Stop check-in emails"}</Link>
        </p>
        <p className={my.muted}>
          Every email we send you has a new link to this page. If you have a question, call us on{" "}
          <PhoneLink phone={clinic.phone} />.
        </p>
      </section>
    </div>
  );
}
