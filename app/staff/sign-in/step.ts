import { redirect } from "next/navigation";
import { requireSignInStep, stepPath } from "@/lib/staff/session";
import type { SignInStep } from "@/lib/staff/mfa";

/** Only our own staff pages as a place to go on to. */
export function safeNext(value: unknown): string {
  const next = typeof value === "string" ? value : "";
  return /^\/staff(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/staff";
}

/**
 * For a sign-in step's page: the person, when this is the step they are on; otherwise on to
 * their actual step, or to where they were going when signing in is complete.
 */
export async function onStep(step: SignInStep, next: string) {
  const current = await requireSignInStep();
  if (current.step !== step) redirect(current.step ? stepPath(current.step, next) : next);
  return current.staff;
}
