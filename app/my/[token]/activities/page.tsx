import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/app/book/_components/book.module.css";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { activityLabel } from "@/lib/outcomes";
import { chooseActivitiesAction } from "../../actions";
import { ActivityChooser, parsePicks } from "../../_components/activity-chooser";
import { loadMyBack } from "../load";
import { NotOpen } from "../not-open";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ pick?: string | string[] }> };

export const metadata: Metadata = {
  title: "What to track",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

/** Choosing the activities to track on My back (ActivityChooser), once per episode. */
export default async function ActivitiesPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { picks, tooMany } = parsePicks((await searchParams).pick);
  const load = await loadMyBack(token);
  if (load.status !== "ok") return <NotOpen status={load.status} />;
  const here = `/my/${encodeURIComponent(token)}`;
  const chosen = load.view.recovery?.activities as { id: string }[] | null;
  return (
    <div className={styles.page}>
      <Link href={picks.length && !tooMany && !chosen ? `${here}/activities` : here}>
        {picks.length && !tooMany && !chosen ? "Choose again" : "Back to My back"}
      </Link>
      {chosen ? (
        <>
          <h1>What you are tracking</h1>
          <ul>
            {chosen.map((a) => (
              <li key={a.id}>{activityLabel(a.id) ?? a.id}</li>
            ))}
          </ul>
          <p>Each check-in asks how you are doing with these.</p>
        </>
      ) : (
        <ActivityChooser
          picks={picks}
          tooMany={tooMany}
          pickUrl={`${here}/activities`}
          action={chooseActivitiesAction}
          hidden={{ token }}
        />
      )}
    </div>
  );
}
