import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentStaff } from "@/lib/staff/session";
import { SignInForm } from "../_components/sign-in-form";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next, signedOut } = await searchParams;
  const target = typeof next === "string" && next.startsWith("/staff") && !next.startsWith("//") ? next : "/staff";
  if (await currentStaff()) redirect(target);
  return (
    <div className={styles.narrow}>
      <h1>Staff sign-in</h1>
      {signedOut ? <p className={styles.notice}>You are signed out.</p> : null}
      <p>For clinic staff. Patients do not need an account: start at the home page.</p>
      <SignInForm next={target} />
      <p className={styles.muted}>
        You are signed out after 30 minutes without activity, and after 12 hours in any case.
      </p>
    </div>
  );
}
