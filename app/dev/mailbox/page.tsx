import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listMailbox } from "@/db/queries/mailbox";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { kindLabel } from "./labels";
import styles from "./mailbox.module.css";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };


/** Every email the app sent while no RESEND_API_KEY is set; not available in production. */
export default async function MailboxPage() {
  if (!env().DEV_MAILBOX) notFound();
  const emails = await listMailbox(await getDb());
  return (
    <div className={styles.page}>
      <h1>Development mailbox</h1>
      <p className={styles.notice}>
        No email provider is set up (RESEND_API_KEY), so emails are kept here instead of being sent. The worker delivers
        them within a few seconds; reload to see new ones.
      </p>
      {emails.length === 0 ? (
        <p>No emails yet. Book an appointment or fill in the form to make one.</p>
      ) : (
        <table className={styles.table}>
          <caption className="visually-hidden">Emails, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.outboxId}>
                <td>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</td>
                <td>{e.to}</td>
                <td>
                  <Link href={`/dev/mailbox/${e.outboxId}`}>{e.subject}</Link>
                </td>
                <td>{kindLabel(e.kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
