import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityChooser, parsePicks } from "@/app/my/_components/activity-chooser";
import { chooseActivitiesAfterResultAction } from "@/app/my/actions";
import styles from "@/app/book/_components/book.module.css";
import { getIntake } from "@/db/queries/intakes";
import { episodeRootOf, getRecovery } from "@/db/queries/recovery";
import { getDb } from "@/lib/db";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { canSeeResult, RESULT_COOKIE } from "@/lib/intake-form/result-access";

export const metadata: Metadata = {
  title: "Track your recovery",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ key?: string; pick?: string | string[] }>;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Straight after the form, from the result page: the everyday things the back makes hard (up to
 * three, each rated now), the baseline of the recovery check-ins. Only for the patient who can see
 * the result (its cookie, or its private key).
 */
export default async function TrackPage({ params, searchParams }: Props) {
  const { key: id } = await params;
  const { key: linkKey, pick } = await searchParams;
  if (!UUID.test(id) || !canSeeResult(id, (await cookies()).get(RESULT_COOKIE)?.value, linkKey)) notFound();
  const db = await getDb();
  const intake = await getIntake(db, id);
  if (!intake || intake.erasedAt) notFound();
  const root = await episodeRootOf(db, id);
  const chosen = root ? (await getRecovery(db, root.id))?.activities : null;
  const keyQuery = linkKey ? `?key=${encodeURIComponent(linkKey)}` : "";
  const result = `/intake/${id}/result${keyQuery}`;
  const { picks, tooMany } = parsePicks(pick);
  return (
    <div className={styles.page}>
      <Link href={result}>Back to your result</Link>
      {chosen ? (
        <>
          <h1>You have chosen what to track</h1>
          <p>Each check-in will ask how you are doing with them. You can see them on My back.</p>
        </>
      ) : (
        <ActivityChooser
          picks={picks}
          tooMany={tooMany}
          pickUrl={`/intake/${id}/track`}
          pickHidden={linkKey ? { key: linkKey } : {}}
          action={chooseActivitiesAfterResultAction}
          hidden={{ intake: id, ...(linkKey ? { key: linkKey } : {}) }}
        />
      )}
    </div>
  );
}
