import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getMailboxEmail } from "@/db/queries/mailbox";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { kindLabel } from "@/lib/notifications/labels";
import styles from "../mailbox.module.css";

export const metadata: Metadata = { title: "Email | Development mailbox", robots: { index: false } };

type Attachment = { filename: string; contentType: string; content: string };

/** One email as it was sent: the HTML (sandboxed), the plain text and its attachments. */
export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!env().DEV_MAILBOX) notFound();
  const { id } = await params;
  const email = await getMailboxEmail(await getDb(), id);
  if (!email) notFound();
  const attachments = email.attachments as Attachment[];
  return (
    <div className={styles.page}>
      <p>
        <Link href="/dev/mailbox">Back to the mailbox</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl className={styles.meta}>
        <dt>Kind</dt>
        <dd>{kindLabel(email.kind)}</dd>
        <dt>From</dt>
        <dd>{email.from}</dd>
        <dt>To</dt>
        <dd>{email.to}</dd>
        {email.replyTo ? (
          <>
            <dt>Reply to</dt>
            <dd>{email.replyTo}</dd>
          </>
        ) : null}
        <dt>Sent</dt>
        <dd>{email.createdAt.toISOString()}</dd>
      </dl>
      <h2>As the recipient sees it</h2>
      {/* Served from its own address with a policy that runs no script; the sandbox blocks the rest. */}
      <iframe
        className={styles.frame}
        title={`Email: ${email.subject}`}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        src={`/api/dev/mailbox/${email.outboxId}/html`}
      />
      <h2>Plain text</h2>
      <pre className={styles.text} data-testid="email-text">
        {email.text}
      </pre>
      {attachments.length > 0 ? (
        <>
          <h2>Attachments</h2>
          {attachments.map((a, n) => (
            <section key={a.filename}>
              <h3>
                <a href={`/api/dev/mailbox/${email.outboxId}/attachments/${n}`} download={a.filename}>
                  {a.filename}
                </a>
              </h3>
              {a.contentType.startsWith("text/") ? (
                <pre className={styles.text} data-testid="attachment-text">
                  {Buffer.from(a.content, "base64").toString("utf8")}
                </pre>
              ) : null}
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
