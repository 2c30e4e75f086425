import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listMailbox } from "@/db/queries/mailbox";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { kindLabel } from "@/lib/notifications/labels";
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
        <ul className={styles.list} aria-label="Emails, newest first">
          {emails.map((e) => (
            <li key={e.outboxId} className={styles.item}>
              <Link href={`/dev/mailbox/${e.outboxId}`} className={styles.subject}>
                {e.subject}
              </Link>
              <span>
                {kindLabel(e.kind)} to {e.to}
              </span>
              <span className={styles.when}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
