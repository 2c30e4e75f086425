import type { Db } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { fieldErrors } from "@/lib/forms";
import { makeIntakeAnswersSchema, type IntakeAnswers } from "@/lib/triage";

export type IntakeCheck = { ok: true; answers: IntakeAnswers } | { ok: false; fieldErrors: Record<string, string[]> };

/** "Today" for the date-of-birth checks is the clinic's calendar day, the same day grading uses. */
export type IntakeClock = {
  timeZone: string;
  /** A fixed instant (tests, a grading already under way); the real clock when absent. */ now?: Date;
};

const liveSchemas = new Map<string, ReturnType<typeof makeIntakeAnswersSchema>>();

/** The schema on the real clock, built once per time zone (building it per request is wasted work). */
function schemaFor({ timeZone, now }: IntakeClock) {
  if (now !== undefined) return makeIntakeAnswersSchema({ now, timeZone });
  let schema = liveSchemas.get(timeZone);
  if (!schema) liveSchemas.set(timeZone, (schema = makeIntakeAnswersSchema({ timeZone })));
  return schema;
}

/**
 * The one check of an intake against the contract, for the API, the form's submit and its early
 * send: the answers as the engine takes them, or the problems by dotted field path.
 */
export function checkIntake(input: unknown, clock: IntakeClock): IntakeCheck {
  const parsed = schemaFor(clock).safeParse(input);
  return parsed.success ? { ok: true, answers: parsed.data } : { ok: false, fieldErrors: fieldErrors(parsed.error) };
}

/**
 * Counts one intake attempt against the client's per-minute limit (the API and the form share the
 * bucket, so a device cannot get round it by switching). `clientKey` comes from lib/http.
 */
export function hitIntakeLimit(db: Db, { clientKey, perMinute }: { clientKey: string; perMinute: number }) {
  return hitRateLimit(db, { bucket: `intakes:${clientKey}`, limit: perMinute });
}
