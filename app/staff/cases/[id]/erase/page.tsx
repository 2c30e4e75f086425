import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/booking/format";
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { ERASE_ROLES, erasurePlan } from "@/lib/privacy/erase";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { requireStaff } from "@/lib/staff/session";
import { StaffForm } from "../../../_components/staff-form";
import styles from "../../../_components/staff.module.css";
import { eraseAction } from "./actions";

export const metadata: Metadata = {
  title: "Erase a patient's personal data",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

type Props = { params: Promise<{ id: string }> };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The confirmation step before erasing a patient's personal data (admins only): exactly what is
 * purged and what is kept, then a reason and the patient's last name typed out. Viewing it is
 * audited like the case page (it names the patient and their records).
 */
export default async function ErasePage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaff(ERASE_ROLES, `/staff/cases/${id}/erase`);
  const db = await getDb();
  const now = new Date();
  const plan = await erasurePlan(db, staff, id, now);
  if (!plan) notFound();
  const zone = await getClinicZone(db);
  const name = `${plan.patient.firstName} ${plan.patient.lastName}`;
  const back = (
    <p>
      <Link href={`/staff/cases/${id}`}>Back to the case</Link>
    </p>
  );

  if (plan.patient.erasedAt) {
    return (
      <div className={`${styles.page} ${styles.narrow}`}>
        {back}
        <h1>This patient&apos;s personal data is already erased</h1>
        <p>
          It was erased on {formatDateTime(plan.patient.erasedAt, zone)}. There is nothing more to erase: the case shows
          who did it and why.
        </p>
      </div>
    );
  }

  return (
    <div className={`${styles.page} ${styles.narrow}`}>
      {back}
      <h1>Erase {name}&apos;s personal data</h1>
      <p>
        Do this when the patient asks for their data to be erased, and nothing requires the clinic to keep their record.{" "}
        <strong>It cannot be undone.</strong> If they also asked for a copy,{" "}
        <a href={`/staff/cases/${id}/export`}>export their data</a> first.
      </p>

      <section className={styles.card} aria-labelledby="forms-title">
        <h2 id="forms-title">The patient&apos;s forms</h2>
        <p>
          Every form sent with the same email address and date of birth counts as this patient&apos;s and is erased
          together:
        </p>
        <ul>
          {plan.intakes.map((i) => (
            <li key={i.id}>
              Sent {formatDateTime(i.createdAt, zone)}, {LEVEL_NAMES[i.level]}
              {i.id === id ? " (this case)" : ""}
            </li>
          ))}
        </ul>
        {plan.openCases ? (
          <p>
            {plural(plan.openCases, "case is", "cases are")} still open in the queue. Erasing does not close{" "}
            {plan.openCases === 1 ? "it" : "them"}: resolve {plan.openCases === 1 ? "it" : "them"} when nothing more is
            needed.
          </p>
        ) : null}
      </section>

      <section className={styles.card} aria-labelledby="purged-title">
        <h2 id="purged-title">What is erased</h2>
        <ul>
          <li>
            Name, email address, phone number, date of birth and sex on {plural(plan.intakes.length, "form")}: replaced
            by a code, such as &ldquo;Erased patient 7F3K2Q&rdquo;.
          </li>
          <li>Every answer on those forms.</li>
          <li>
            The text of {plural(plan.notes, "note or call", "notes and calls")} (who wrote each one, and when, stays).
          </li>
          <li>Clinicians&apos; written reasons for changing a level or closing a case.</li>
          <li>
            {plural(plan.emails, "email")} to the patient: the address and contents are removed
            {plan.waitingEmails
              ? `, and ${plural(plan.waitingEmails, "email")} not sent yet ${plan.waitingEmails === 1 ? "is" : "are"} cancelled`
              : ""}
            . Nothing more is ever sent to them.
          </li>
          <li>{plural(plan.drafts, "unfinished form")} with their email address: deleted.</li>
          <li>Reasons the patient gave for cancelling appointments.</li>
          {plan.upcoming.length ? (
            <li>
              {plural(plan.upcoming.length, "upcoming appointment")} cancelled, so the time is free again (the patient
              is not emailed): {plan.upcoming.map((a) => formatDateTime(a.startsAt, zone)).join("; ")}.
            </li>
          ) : null}
        </ul>
      </section>

      <section className={styles.card} aria-labelledby="kept-title">
        <h2 id="kept-title">What is kept</h2>
        <ul>
          <li>The grade, the rules that fired, the scores and dates, and who handled each case.</li>
          <li>
            {plural(plan.appointments, "appointment")}: the times, clinician, type and status, under the code instead of
            the name.
          </li>
          <li>The audit trail, which shows the code instead of the name from now on.</li>
        </ul>
      </section>

      <section className={styles.card} aria-labelledby="confirm-title">
        <h2 id="confirm-title">Confirm</h2>
        <StaffForm
          errorSummary
          action={eraseAction}
          hidden={{ intakeId: id }}
          fields={[
            {
              name: "reason",
              label: "Why are you erasing this patient's data?",
              kind: "textarea",
              hint: "For example: The patient asked by email on 3 March. Leave out their name and contact details: the reason stays in the audit trail.",
            },
            {
              name: "confirm",
              label: `Type the patient's last name, ${plan.patient.lastName}, to confirm`,
              autoComplete: "off",
            },
          ]}
          submitLabel="Erase this patient's personal data"
        />
      </section>
    </div>
  );
}
