import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getIntake } from "@/db/queries/intakes";
import { getClinicInfo } from "@/lib/clinic";
import {
  emergencyCard, emergencyReason, LEVEL_COPY, selfCareAdvice, soonAdvice, urgentCallText, WARNING_SIGNS,
  type AdviceSection,
} from "@/lib/content";
import { getDb } from "@/lib/db";
import { canSeeResult, RESULT_COOKIE } from "@/lib/intake-form/result-access";
import { BOOKING_TOKEN_PURPOSE } from "@/lib/intakes/api";
import { env } from "@/lib/env";
import { signToken } from "@/lib/tokens";
import { RULES, type IntakeAnswers, type Level } from "@/lib/triage";
import styles from "./result.module.css";

export const metadata: Metadata = { title: "Your result", robots: { index: false } };

type Params = { params: Promise<{ key: string }>; searchParams: Promise<{ key?: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient's result: only for the person who sent the intake (cookie) or holds its private link. */
export default async function ResultPage({ params, searchParams }: Params) {
  const { key: id } = await params;
  const { key: linkKey } = await searchParams;
  if (!UUID.test(id) || !canSeeResult(id, (await cookies()).get(RESULT_COOKIE)?.value, linkKey)) notFound();
  const intake = await getIntake(await getDb(), id);
  if (!intake) notFound();
  const clinic = await getClinicInfo();
  const level = intake.level as Level;
  const copy = LEVEL_COPY[level];
  const answers = intake.answers as IntakeAnswers;
  const reasons = intake.firedRules.map((ruleId) => RULES.find((r) => r.id === ruleId)).filter((r) => r !== undefined);
  const canBook = level === "SOON" || level === "ROUTINE" || level === "SELF_CARE";
  const bookingUrl = `/book?token=${encodeURIComponent(signToken(env().AUTH_SECRET, BOOKING_TOKEN_PURPOSE, intake.id))}`;
  const advice: readonly AdviceSection[] =
    level === "SELF_CARE"
      ? selfCareAdvice({ isRunner: answers.running.isRunner })
      : level === "SOON"
        ? soonAdvice({ isRunner: answers.running.isRunner, stopRunning: intake.flags.includes("FLAG_STOP_RUNNING") })
        : [];
  const emergency = level === "EMERGENCY" ? emergencyCard(emergencyReason(intake.firedRules) ?? "nerve_compression", clinic.emergencyNumber) : null;

  return (
    <div className={styles.page}>
      <p className={styles.thanks}>Thank you, {intake.firstName}. We have your answers.</p>
      <section className={`${styles.card} ${styles[copy.card]}`} aria-labelledby="result-heading">
        <p className={styles.label}>
          <span className={styles.icon} aria-hidden="true">{copy.card === "non_urgent" ? "i" : "!"}</span>
          {copy.label}
        </p>
        <h1 id="result-heading">{emergency ? emergency.title : copy.heading}</h1>
        <p>{emergency ? emergency.why : copy.meaning}</p>
        {level === "URGENT" ? <p className={styles.strong}>{urgentCallText(intake.phone)}</p> : null}
        <h2>What to do now</h2>
        <ul>
          {(emergency ? emergency.whatToDo : copy.doNow).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {emergency ? <p className={styles.strong}>{emergency.clinicTold}</p> : null}
        {emergency && clinic.emergencyNumber ? (
          <p>
            <a className={styles.callButton} href={`tel:${clinic.emergencyNumber.replace(/[^\d+]/g, "")}`}>
              Call {clinic.emergencyNumber}
            </a>
          </p>
        ) : null}
        {canBook ? (
          <p>
            <Link className={styles.bookButton} href={bookingUrl}>
              Book your appointment
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="why-heading">
        <h2 id="why-heading">Why we said this</h2>
        {reasons.length ? (
          <ul>
            {reasons.map((r) => (
              <li key={r.id}>{r.summary}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {advice.map((section) => (
        <section key={section.id} aria-labelledby={`advice-${section.id}`}>
          <h2 id={`advice-${section.id}`}>{section.title}</h2>
          <ul>
            {section.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      ))}

      <section className={styles.warning} aria-labelledby="warning-heading">
        <h2 id="warning-heading">{WARNING_SIGNS.heading}</h2>
        <ul>
          {WARNING_SIGNS.signs.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p className={styles.strong}>{WARNING_SIGNS.action}</p>
        <p>
          {WARNING_SIGNS.refill} <Link href="/intake">Start a new back-pain check</Link>
        </p>
      </section>
    </div>
  );
}
