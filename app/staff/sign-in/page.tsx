import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IDLE_MINUTES, MAX_SESSION_HOURS } from "@/db/queries/staff";
import { currentStaff } from "@/lib/staff/session";
import { SignInForm } from "../_components/sign-in-form";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string; signedOut?: string; reason?: string }> };

/** Why the last session ended, when the server sent the person here for it (requireStaff). */
const REASONS: Record<string, string> = {
  idle: `You were signed out after ${IDLE_MINUTES} minutes without activity. Sign in again to carry on.`,
  expired: `You were signed out because you signed in ${MAX_SESSION_HOURS} hours ago. Sign in again to carry on.`,
  second_factor: `Too many wrong codes. For your safety, sign in again with your password.`,
};

export default async function SignInPage({ searchParams }: Props) {
  const { next, signedOut, reason } = await searchParams;
  const target = typeof next === "string" && next.startsWith("/staff") && !next.startsWith("//") ? next : "/staff";
  if (await currentStaff()) redirect(target);
  const notice = signedOut ? "You are signed out." : typeof reason === "string" ? REASONS[reason] : undefined;
  return (
    <div className={styles.narrow}>
      <h1>Staff sign-in</h1>
      {notice ? (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      ) : null}
      <p>For clinic staff. Patients do not need an account: start at the home page.</p>
      <SignInForm next={target} />
      <p className={styles.muted}>
        You are signed out after {IDLE_MINUTES} minutes without activity (a page updating itself does not count), and
        after {MAX_SESSION_HOURS} hours in any case.
      </p>
    </div>
  );
}
