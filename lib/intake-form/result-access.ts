import { cookies } from "next/headers";
import { privateCookie } from "@/lib/cookies";
import { env } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/tokens";

/** The cookie that lets the patient who sent an intake see its result. */
export const RESULT_COOKIE = "bt_result";
const PURPOSE = "result";

/** The result's private key: only the patient who sent the intake has it. */
export function resultToken(intakeId: string): string {
  return signToken(env().AUTH_SECRET, PURPOSE, intakeId);
}

/** Whether this cookie value or link key opens this intake's result. */
export function canSeeResult(intakeId: string, ...tokens: (string | undefined)[]): boolean {
  return tokens.some((t) => t !== undefined && verifyToken(env().AUTH_SECRET, PURPOSE, t) === intakeId);
}

/** Lets this browser open the result of the intake it just sent (30 days). */
export async function grantResultAccess(intakeId: string): Promise<void> {
  (await cookies()).set(RESULT_COOKIE, resultToken(intakeId), privateCookie(30 * 24 * 60 * 60));
}
