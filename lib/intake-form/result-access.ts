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
