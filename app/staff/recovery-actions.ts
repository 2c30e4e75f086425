"use server";

import { z } from "zod";
import { getEpisodeIntake } from "@/db/queries/recovery";
import { refuse } from "@/lib/forms";
import { STAGES } from "@/lib/programme";
import { clearForRunPlan, setDischarged } from "@/lib/recovery/my-back";
import { resumePlan } from "@/lib/recovery/run-plan";
import { staffAction, type RawInput } from "@/lib/staff/action";

/** An episode's first intake, and the page the form was on (the case or the patient page). */
const episodeForm = z.object({
  intakeId: z.uuid({ error: "That case does not exist." }),
  back: z.string().regex(/^\/staff\/(cases|patients)\/[0-9a-f-]{36}$/, { error: "That page does not exist." }),
});

const backOf = (input: RawInput) => (episodeForm.safeParse(input).success ? input.back! : "/staff");

/** Discharging an episode (no more check-ins), or undoing it: clinicians and admins. */
export const dischargeAction = staffAction(
  {
    roles: ["clinician", "admin"],
    next: backOf,
    schema: episodeForm.extend({ discharged: z.enum(["yes", "no"], { error: "Choose discharge or undo." }) }),
  },
  async ({ intakeId, back, discharged }, { db, staff, now }) => {
    const root = await getEpisodeIntake(db, intakeId);
    if (!root || root.previousIntakeId) return refuse("That case does not exist.");
    if (root.erasedAt) return refuse("This patient's personal data was erased.");
    await setDischarged(db, staff, { rootId: intakeId, discharged: discharged === "yes", now });
    return { redirect: `${back}?done=${discharged === "yes" ? "discharged" : "discharge_undone"}#recovery` };
  },
);

/** A clinician opens the return-to-run plan to a patient their grade does not open it to. */
export const clearRunPlanAction = staffAction(
  { roles: ["clinician", "admin"], next: backOf, schema: episodeForm },
  async ({ intakeId, back }, { db, staff, now }) => {
    const root = await getEpisodeIntake(db, intakeId);
    if (!root || root.previousIntakeId) return refuse("That case does not exist.");
    if (root.erasedAt) return refuse("This patient's personal data was erased.");
    await clearForRunPlan(db, staff, { rootId: intakeId, now });
    return { redirect: `${back}?done=run_plan_cleared#recovery` };
  },
);

/** A clinician resumes a plan its pain rules stopped, at a stage they choose. */
export const resumePlanAction = staffAction(
  {
    roles: ["clinician", "admin"],
    next: backOf,
    schema: episodeForm.extend({
      stage: z.coerce
        .number({ error: "Choose the stage to resume at." })
        .int()
        .min(1, { error: "Choose the stage to resume at." })
        .max(STAGES.length, { error: "Choose the stage to resume at." }),
    }),
  },
  async ({ intakeId, back, stage }, { db, staff, now }) => {
    const root = await getEpisodeIntake(db, intakeId);
    if (!root || root.previousIntakeId) return refuse("That case does not exist.");
    if (root.erasedAt) return refuse("This patient's personal data was erased.");
    if ((await resumePlan(db, staff, { rootId: intakeId, stage, now })) === "not_stopped")
      return refuse("The plan is not stopped: there is nothing to resume.");
    return { redirect: `${back}?done=run_plan_resumed#recovery` };
  },
);
