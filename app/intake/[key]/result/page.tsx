import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import type { Db } from "@/db/client";
import { getIntake } from "@/db/queries/intakes";
import { episodeRootOf, getRecovery } from "@/db/queries/recovery";
import { activityLabel } from "@/lib/outcomes";
import { getClinicInfo } from "@/lib/clinic";
import { patientClinicHours } from "@/lib/clinic-hours";
import {
  parseCardIds,
  resultContent,
  safetyNetContent,
  telHref,
  type AdviceSection,
  type CareCard,
  type ResultContent,
  type SafetyNetContent,
  type StoredAnswers,
} from "@/lib/content";
import { getDb } from "@/lib/db";
import { canSeeResult, RESULT_COOKIE } from "@/lib/intake-form/result-access";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { eligibilityFor } from "@/lib/booking/eligibility";
import { getClinicCached } from "@/lib/clinic-settings";
import { patientSeesGrade } from "@/lib/governance/silent";
import { env } from "@/lib/env";
import { signToken } from "@/lib/tokens";
import { RULESET_VERSION, safetyNet, type IntakeAnswers, type Level, type SafetyNet } from "@/lib/triage";
import { EmergencyAdviceView } from "../../_components/emergency-advice";
import styles from "./result.module.css";
import { SilentResult } from "./silent-result";

export const metadata: Metadata = { title: "Your result", robots: { index: false } };

type Params = {
  params: Promise<{ key: string }>;
  /** `seen`: the cards the emergency page showed before an early submission (X1), comma-separated. */
  searchParams: Promise<{ key?: string; seen?: string | string[]; tracked?: string }>;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient's result: only for the person who sent the intake (cookie) or holds its private link. */
export default async function ResultPage({ params, searchParams }: Params) {
  const { key: id } = await params;
  const { key: linkKey, seen, tracked } = await searchParams;
  if (!UUID.test(id) || !canSeeResult(id, (await cookies()).get(RESULT_COOKIE)?.value, linkKey)) notFound();
  const db = await getDb();
  const intake = await getIntake(db, id);
  if (!intake) notFound();
  if (intake.erasedAt) return <ErasedResult />;
  const [clinic, hours] = await Promise.all([getClinicInfo(), hoursNow(db, new Date())]);
  // The level that acts: a clinician's change after reviewing the answers, else the grade.
  const level = intake.effectiveLevel as Level;
  const reviewed = intake.overrideLevel !== null && intake.overrideLevel !== intake.level;
  // Stored answers follow the contract of the version that graded them (2026.11 or 2026.12).
  const answers = intake.answers as StoredAnswers;
  const content = resultContent({
    version: intake.rulesetVersion,
    level,
    firedRuleIds: intake.firedRules,
    answers,
    age: intake.ageAtGrading,
    phone: intake.phone,
    clinicPhone: clinic.phone,
    emergencyNumber: clinic.emergencyNumber,
    safetyNet:
      level === "EMERGENCY" ? null : safetyNetFor(intake.rulesetVersion, answers, intake.createdAt, clinic.timeZone),
    seen: seen === undefined ? null : parseCardIds(seen),
    hours: hours?.hours ?? null,
    outOfHoursPhone: hours?.outOfHoursPhone ?? null,
  });
  // The activities the patient chose to track (straight after the form, or later on My back).
  const root = await episodeRootOf(db, intake.id);
  const activities = root
    ? ((await getRecovery(db, root.id))?.activities as { id: string }[] | null | undefined)
    : null;
  const bookingLink = () =>
    `/book?token=${encodeURIComponent(signToken(env().AUTH_SECRET, BOOKING_TOKEN_PURPOSE, intake.id))}`;

  // The silent pilot (issue 22): a neutral thank-you, no level, booking not limited by grade.
  if (!patientSeesGrade(intake)) {
    const row = await getClinicCached(db);
    return (
      <SilentResult
        firstName={intake.firstName}
        clinic={{ name: clinic.name, phone: clinic.phone, address: clinic.address, email: row?.email ?? null }}
        emergencyNumber={clinic.emergencyNumber}
        early={content.kind === "urgent" ? content.early : null}
        bookingUrl={eligibilityFor(intake).canSelfBook ? bookingLink() : null}
      >
        <WarningSigns warnings={safetyNetContent(null, hours?.outOfHoursPhone ?? null)} />
      </SilentResult>
    );
  }
  const bookingUrl = content.canBook ? bookingLink() : null;

  return (
    <div className={styles.page}>
      {reviewed ? (
        <p className={styles.thanks} role="status">
          The clinic has reviewed your answers, {intake.firstName}. This page now shows their advice.
        </p>
      ) : content.kind === "emergency" ? null : (
        <p className={styles.thanks}>Thank you, {intake.firstName}. We have your answers.</p>
      )}
      <LevelPage content={content} bookingUrl={bookingUrl} emergencyNumber={clinic.emergencyNumber} />

      {content.advice.map((section) => (
        <Advice key={section.id} section={section} />
      ))}

      {reviewed ? (
        <section aria-labelledby="why-heading">
          <h2 id="why-heading">Why we said this</h2>
          <p>A clinician at the clinic read your answers and changed the advice.</p>
        </section>
      ) : content.reasons.length ? (
        <section aria-labelledby="why-heading">
          <h2 id="why-heading">Why we said this</h2>
          <ul>
            {content.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {content.kind === "advice" && !intake.erasedAt ? (
        <section aria-labelledby="track" id="track">
          <h2 id="track">Track your recovery</h2>
          {tracked === "1" || activities ? (
            <p role={tracked === "1" ? "status" : undefined}>
              Saved: you are tracking {activities?.map((a) => activityLabel(a.id) ?? a.id).join(", ")}. We will email
              you a short check-in in a few weeks; your progress will show on My back, the private page every email
              links to.
            </p>
          ) : (
            <p>
              What does your back make hard right now? Choose up to 3 everyday things and each check-in will show how
              they improve.{" "}
              <Link href={`/intake/${intake.id}/track${linkKey ? `?key=${encodeURIComponent(linkKey)}` : ""}`}>
                Choose what to track
              </Link>
            </p>
          )}
        </section>
      ) : null}

      <WarningSigns warnings={content.warnings} />
    </div>
  );
}

/**
 * Whether the clinic is open as the page is shown, so EMERGENCY and URGENT pages promise no call
 * while it is closed; null (both URGENT routes, the NHS 111 wording) when its hours cannot be read.
 */
async function hoursNow(db: Db, now: Date) {
  try {
    return await patientClinicHours(db, now);
  } catch (error) {
    console.error("result page: clinic hours failed", error);
    return null;
  }
}

/**
 * The rule-aware safety net is graded by the engine of the intake's ruleset; only the current
 * version's engine is here (2026.11 had no safety net), so other versions list the fixed signs only.
 */
function safetyNetFor(version: string, answers: StoredAnswers, createdAt: Date, timeZone: string): SafetyNet | null {
  if (version !== RULESET_VERSION) return null;
  try {
    return safetyNet(answers as IntakeAnswers, { now: createdAt, timeZone });
  } catch (error) {
    // Never lose the page (and its fixed warning signs) over one stored intake.
    console.error("result page: safety net failed", error);
    return null;
  }
}

function LevelPage({
  content,
  bookingUrl,
  emergencyNumber,
}: {
  content: ResultContent;
  bookingUrl: string | null;
  emergencyNumber: string | null;
}) {
  if (content.kind === "emergency" && content.emergency) {
    return (
      <>
        <EmergencyAdviceView advice={content.emergency} headingLevel={1} />
        {content.under16AfterEmergency ? (
          <section aria-labelledby="under16-heading">
            <h2 id="under16-heading">Under 16</h2>
            {content.under16AfterEmergency.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
        ) : null}
      </>
    );
  }

  if (content.kind === "urgent" && content.urgent) {
    const { urgent, early, under16 } = content;
    const H = early ? "h2" : "h1";
    const tel = telHref(emergencyNumber);
    return (
      <>
        {early ? (
          <section className={styles.early} aria-labelledby="early-heading">
            <h1 id="early-heading">{early.heading}</h1>
            {early.lines.map((line) => (
              <p key={line} className={styles.strong}>
                {line}
              </p>
            ))}
            {early.cards ? <EmergencyAdviceView advice={early.cards} headingLevel={2} idPrefix="seen" /> : null}
          </section>
        ) : null}
        <Card card="urgent" label={content.label} labelledBy="result-heading">
          <H id="result-heading">{content.heading}</H>
          {under16?.lines.map((line) => (
            <p key={line} className={styles.strong}>
              {line}
            </p>
          ))}
          <p>{content.meaning}</p>
          {urgent.maternity ? <List items={urgent.maternity.points} strong /> : null}
          {urgent.now ? (
            <>
              <h2 className={styles.route}>{urgent.now.title}</h2>
              <List items={urgent.now.points} strong={urgent.now.id === "closed_now"} />
            </>
          ) : (
            <>
              <h2 className={styles.route}>{urgent.ifOpen.title}</h2>
              <List items={urgent.ifOpen.points} />
              <h2 className={styles.route}>{urgent.ifClosed.title}</h2>
              <List items={urgent.ifClosed.points} strong />
            </>
          )}
          {urgent.ambulance ? (
            <div className={styles.ambulance}>
              <h2>{urgent.ambulance.title}</h2>
              <List items={urgent.ambulance.points} />
              {tel ? (
                <p>
                  <a className={styles.callButton} href={tel}>
                    Call {emergencyNumber?.trim()} for an ambulance
                  </a>
                </p>
              ) : null}
            </div>
          ) : null}
        </Card>
        {urgent.specific.map((section) => (
          <Advice key={section.id} section={section} />
        ))}
      </>
    );
  }

  if (content.kind === "under16" && content.under16) {
    return (
      <Card card="non_urgent" label={content.label} labelledBy="result-heading">
        <h1 id="result-heading">{content.heading}</h1>
        {content.under16.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className={styles.strong}>{content.under16.signs}</p>
      </Card>
    );
  }

  return (
    <Card card={content.card} label={content.label} labelledBy="result-heading">
      <h1 id="result-heading">{content.heading}</h1>
      <p>{content.meaning}</p>
      <h2>What to do now</h2>
      <List items={content.doNow} />
      {bookingUrl ? (
        <p>
          <Link className={styles.bookButton} href={bookingUrl}>
            Book your appointment
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

/** A care card with its level as text above it (the level never depends on colour alone). */
function Card({
  card,
  label,
  labelledBy,
  children,
}: {
  card: CareCard;
  label: string;
  labelledBy: string;
  children: ReactNode;
}) {
  return (
    <div className={styles.cardWrap}>
      <p className={`${styles.label} ${styles[`label_${card}`]}`}>
        <span className={card === "non_urgent" ? `${styles.icon} ${styles.iconInfo}` : styles.icon} aria-hidden="true">
          {card === "non_urgent" ? "i" : "!"}
        </span>
        {label}
      </p>
      <section className={`${styles.card} ${styles[card]}`} aria-labelledby={labelledBy}>
        {children}
      </section>
    </div>
  );
}

function List({ items, strong = false }: { items: readonly string[]; strong?: boolean }) {
  return (
    <ul className={strong ? styles.strong : undefined}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Advice({ section }: { section: AdviceSection }) {
  return (
    <section aria-labelledby={`advice-${section.id}`}>
      <h2 id={`advice-${section.id}`}>{section.title}</h2>
      <List items={section.points} />
    </section>
  );
}

/** The fixed nerve-compression signs and the go-now safety-net symptoms, then the same-day ones. */
function WarningSigns({ warnings }: { warnings: SafetyNetContent }) {
  return (
    <>
      <section className={styles.warning} aria-labelledby="warning-heading">
        <p className={styles.warningTag}>
          <span className={styles.icon} aria-hidden="true">
            !
          </span>
          {warnings.goNow.tag}
        </p>
        <h2 id="warning-heading">{warnings.goNow.heading}</h2>
        <p>{warnings.goNow.lead}</p>
        <List items={warnings.goNow.items} />
        <p className={styles.strong}>{warnings.action}</p>
      </section>
      {warnings.sameDay ? (
        <section className={styles.sameDay} aria-labelledby="same-day-heading">
          <p className={styles.warningTag}>
            <span className={`${styles.icon} ${styles.iconUrgent}`} aria-hidden="true">
              !
            </span>
            {warnings.sameDay.tag}
          </p>
          <h2 id="same-day-heading">{warnings.sameDay.heading}</h2>
          <p>{warnings.sameDay.lead}</p>
          <List items={warnings.sameDay.items} />
        </section>
      ) : null}
      <p className={styles.refill}>
        {warnings.refill} <Link href="/intake">Start a new back-pain check</Link>
      </p>
    </>
  );
}

/** The result of answers whose details were erased: nothing about them, and the next step. */
function ErasedResult() {
  return (
    <div className={styles.page}>
      <h1>These answers were erased</h1>
      <p>
        The answers and personal details behind this page have been erased, as the clinic&apos;s privacy notice
        explains.
      </p>
      <p>
        If you still have back pain, <Link href="/intake">fill in the back-pain check again</Link>. If you feel very
        unwell, go to an emergency department or call the emergency number.
      </p>
    </div>
  );
}
