import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { appSetUpView, pendingAppSetUp, startAppSetUp } from "@/lib/staff/mfa";
import { signOutAction } from "../../actions";
import { AddSecondFactor } from "../../_components/add-second-factor";
import styles from "../../_components/staff.module.css";
import { onStep, safeNext } from "../step";

export const metadata: Metadata = { title: "Set up a second factor", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

/**
 * When the clinic requires a second factor and someone has none: they add one before anything
 * else (patients' health data is behind this sign-in).
 */
export default async function SetUpPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  const staff = await onStep("set_up", next);
  const db = await getDb();
  // The key being set up stays the same across reloads, until it is confirmed.
  const setUp = (await pendingAppSetUp(db, staff)) ?? (await startAppSetUp(db, staff, new Date()));
  const app = "secret" in setUp ? await appSetUpView(setUp) : null;
  return (
    <div className={styles.page}>
      <h1>Set up a second factor</h1>
      <p>
        The clinic asks everyone who signs in to confirm it’s them with something they have, as well as their password.
        Choose one; you can add more later on your account page.
      </p>
      <AddSecondFactor app={app} continueHref={next} continueLabel="Continue" />
      <form action={signOutAction}>
        <button type="submit" className={styles.linkButton}>
          Cancel and sign out
        </button>
      </form>
    </div>
  );
}
