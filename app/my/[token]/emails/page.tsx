import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { restartEmailsAction, stopEmailsAction } from "../../actions";
import { loadMyBack } from "../load";
import { NotOpen } from "../not-open";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ stopped?: string; restarted?: string }> };

export const metadata: Metadata = {
  title: "Check-in emails",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

/**
 * Stopping recovery emails (check-ins and running-plan steps): one button, honoured at once. A
 * link alone never stops them (mail scanners open links); emails about appointments still go.
 */
export default async function EmailsPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { stopped, restarted } = await searchParams;
  const load = await loadMyBack(token);
  if (load.status !== "ok") return <NotOpen status={load.status} />;
  const off = !!load.view.contact.stoppedAt;
  const here = `/my/${encodeURIComponent(token)}`;
  return (
    <div className={styles.page}>
      <Link href={here}>Back to My back</Link>
      <h1>{off ? "Check-in emails are stopped" : "Stop check-in emails?"}</h1>
      {stopped === "1" && off ? (
        <p className={styles.notice} role="status">
          Done. We will not send you any more check-in or running plan emails.
        </p>
      ) : null}
      {restarted === "1" && !off ? (
        <p className={styles.notice} role="status">
          Done. We will email you when your next check-in is ready.
        </p>
      ) : null}
      {off ? (
        <>
          <p>
            Your check-ins still open on My back when they are due, and emails about your appointments still come. If
            you change your mind, you can start the emails again.
          </p>
          <form action={restartEmailsAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className={styles.secondary}>
              Start check-in emails again
            </button>
          </form>
        </>
      ) : (
        <>
          <p>
            We email you when a check-in or your running plan&apos;s next step is ready. If you stop them, they stop
            straight away. Emails about your appointments still come.
          </p>
          <form action={stopEmailsAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className={styles.primary}>
              Stop check-in emails
            </button>
          </form>
        </>
      )}
      <p>
        <Link href={here}>Back to My back</Link>
      </p>
    </div>
  );
}
