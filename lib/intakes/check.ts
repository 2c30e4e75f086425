import type { Db } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { controlCharacterErrors, fieldErrors } from "@/lib/forms";
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

/** The intake's free-text fields: they may hold tab and new lines (a textarea); no other text may. */
const FREE_TEXT = ["notes"];

/**
 * The one check of an intake against the contract, for the API, the form's submit and its early
 * send: the answers as the engine takes them, or the problems by dotted field path. Before the
 * contract: any text holding a control character (NUL and the rest of C0; tab and new line only in
 * free text) is refused beside its field, so it never reaches the database.
 */
export function checkIntake(input: unknown, clock: IntakeClock): IntakeCheck {
  const control = controlCharacterErrors(input, { freeText: FREE_TEXT });
  const parsed = schemaFor(clock).safeParse(input);
  if (parsed.success && !control) return { ok: true, answers: parsed.data };
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  // The control character first: the contract's message about the same field may only follow from it.
  for (const [path, messages] of Object.entries(control ?? {}))
    errors[path] = [...messages, ...(errors[path] ?? []).filter((m) => !messages.includes(m))];
  return { ok: false, fieldErrors: errors };
}

/**
 * Counts one intake attempt against the client's per-minute limit (the API and the form share the
 * bucket, so a device cannot get round it by switching). `clientKey` comes from lib/http.
 */
export function hitIntakeLimit(db: Db, { clientKey, perMinute }: { clientKey: string; perMinute: number }) {
  return hitRateLimit(db, { bucket: `intakes:${clientKey}`, limit: perMinute });
}
