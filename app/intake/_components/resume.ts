import { DbUnavailableError } from "@/db/errors";
import { STEPS } from "@/lib/content";
import { loadDraft } from "@/lib/intake-form/draft";
import { emergencySoFar } from "@/lib/intake-form/interrupt";

/** Where a patient with answers saved on this device picks up, or null when they have not started. */
export async function intakeResume(timeZone: string): Promise<{ at: string; pagesDone: number; pages: number } | null> {
  let draft: Awaited<ReturnType<typeof loadDraft>>;
  try {
    draft = await loadDraft();
  } catch (error) {
    // The home page stays up while the database is down: it then offers a fresh start.
    if (error instanceof DbUnavailableError) return null;
    throw error;
  }
  if (draft.completedSteps.length === 0) return null;
  // Answers that need help now go back to the emergency page, never on to more questions.
  const at = emergencySoFar(draft.answers, { now: new Date(), timeZone })
    ? "emergency"
    : (STEPS.find((s) => !draft.completedSteps.includes(s.id))?.id ?? "check-answers");
  return { at, pagesDone: draft.completedSteps.length, pages: STEPS.length - 1 };
}
