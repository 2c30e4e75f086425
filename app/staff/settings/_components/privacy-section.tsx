// The privacy notice patients read (and agree to) before the form, published in versions, and how
// long patient records are kept before the daily purge erases them.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Clinic } from "@/db/schema";
import { formatDateTime } from "@/lib/booking/format";
import { getDb } from "@/lib/db";
import { NOTICE_FORMAT_HINT } from "@/lib/privacy/format";
import { BUILT_IN_NOTICE_ID, currentNotice, listNoticeVersions, noticeId } from "@/lib/privacy/notice";
import { publishNoticeAction, updateRetentionAction } from "../privacy-actions";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Props = { title: string; notice: ReactNode; clinic: Clinic | null; zone: string };

export async function PrivacySection({ title, notice, clinic, zone }: Props) {
  const db = await getDb();
  const [current, versions] = await Promise.all([currentNotice(db), listNoticeVersions(db)]);
  const next = noticeId((versions[0]?.version ?? 0) + 1);
  const latest = versions[0];
  return (
    <section id="privacy" className={styles.section} aria-labelledby="privacy-title">
      <h2 id="privacy-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        Patients read the privacy notice at <Link href="/privacy">/privacy</Link>: the form links to it beside the box
        they tick to agree, and every form they send records the version they were shown. A new version applies to forms
        sent from then on; earlier versions stay readable at their own address.
      </p>
      <h3>Current notice</h3>
      <p>
        {latest ? (
          <>
            Version {current.id}, published {formatDateTime(latest.publishedAt, zone)} by{" "}
            {latest.publishedBy ?? "a former colleague"}.{" "}
          </>
        ) : (
          <>
            The built-in notice (version {BUILT_IN_NOTICE_ID}), filled in with the clinic&apos;s details and retention
            period. Publish your own below.{" "}
          </>
        )}
        <a href="/privacy" target="_blank" rel="noopener noreferrer">
          Open the notice (new tab)
        </a>
      </p>

      <h3>Publish a new version</h3>
      <StaffForm
        errorSummary
        action={publishNoticeAction}
        fields={[
          {
            name: "body",
            label: "Notice text",
            kind: "textarea",
            hint: `${NOTICE_FORMAT_HINT} It starts as the current notice: change what needs changing.`,
            defaultValue: current.body,
            maxLength: 20_000,
            rows: 20,
          },
          {
            name: "summary",
            label: "What changed",
            hint: "One line for the list of versions, for example: Added the company that sends our text messages.",
          },
        ]}
        submitLabel={`Publish as version ${next}`}
      />

      <h3>All versions</h3>
      <div className={staff.tableWrap}>
        <table className={staff.table}>
          <caption className="visually-hidden">Privacy notice versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">By</th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  <Link href={`/privacy/${v.id}`}>
                    <span className="visually-hidden">Privacy notice version </span>
                    {v.id}
                  </Link>
                  {v.version === latest?.version ? " (current)" : null}
                </th>
                <td>{formatDateTime(v.publishedAt, zone)}</td>
                <td>{v.publishedBy ?? "a former colleague"}</td>
                <td>{v.summary ?? "Not recorded"}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <Link href={`/privacy/${BUILT_IN_NOTICE_ID}`}>
                  <span className="visually-hidden">Privacy notice version </span>
                  {BUILT_IN_NOTICE_ID}
                </Link>
                {latest ? null : " (current)"}
              </th>
              <td>Built in</td>
              <td>BackTrack</td>
              <td>The standard notice, used until the clinic publishes its own.</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h3>How long patient records are kept</h3>
      {clinic ? null : <p>Set up the clinic&apos;s details and policies first.</p>}
      <StaffForm
        errorSummary
        action={updateRetentionAction}
        fields={[
          {
            name: "retentionYears",
            label: "Keep patient records for (years)",
            kind: "number",
            min: 1,
            max: 100,
            short: true,
            defaultValue: String(clinic?.retentionYears ?? 8),
            hint: "1 to 100 years, counted from the patient's last contact (their last form, appointment or note). Once a day the purge erases the personal data of every patient past it: contact details, answers, notes and emails; appointments and the audit trail stay under a code. Cases still open in the queue are never purged. The notice tells patients this period. Check how long the law where you work requires health records to be kept (often 8 years for adults).",
          },
        ]}
        submitLabel="Save the retention period"
      />
    </section>
  );
}
