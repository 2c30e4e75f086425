"use server";

import { z } from "zod";
import { getMfaPolicy } from "@/db/queries/mfa";
import { findTimeOff } from "@/db/queries/scheduling";
import { getClinicZone } from "@/lib/clinic-settings";
import { localInstant } from "@/lib/scheduling/zoned";
import { refuse } from "@/lib/forms";
import { staffAction } from "@/lib/staff/action";
import { changeMfaPolicy, resetSecondFactors } from "@/lib/staff/mfa";
import {
  addClinician,
  addTimeOff,
  addWorkingHours,
  appointmentTypeSchema,
  changeStaffRole,
  clinicianActiveSchema,
  clinicianSchema,
  clinicianUpdateSchema,
  createAppointmentType,
  createStaffAccount,
  deadEmailSchema,
  hoursRowSchema,
  hoursSchema,
  markUrgentType,
  newAppointmentTypeSchema,
  newStaffSchema,
  passwordResetSchema,
  policiesSchema,
  removeTimeOff,
  removeWorkingHours,
  resetStaffPassword,
  retryDeadEmail,
  setClinicianActive,
  setStaffAccountActive,
  staffAccountSchema,
  staffActiveSchema,
  staffRoleSchema,
  timeOffRowSchema,
  timeOffSchema,
  unlockStaffAccount,
  urgentTypeSchema,
  updateAppointmentType,
  updateClinician,
  updatePolicies,
} from "@/lib/staff/settings";
import { done } from "@/lib/staff/settings-fields";
import { ADMIN, saved } from "./done";

export const updatePoliciesAction = staffAction(
  { ...ADMIN, schema: policiesSchema },
  async (input, { db, staff, now }) => saved(await updatePolicies(db, staff, input, now), "policies_saved"),
);

export const addClinicianAction = staffAction({ ...ADMIN, schema: clinicianSchema }, async (input, { db, staff }) =>
  saved(await addClinician(db, staff, input), "clinician_added"),
);

export const updateClinicianAction = staffAction(
  { ...ADMIN, schema: clinicianUpdateSchema },
  async (input, { db, staff }) => saved(await updateClinician(db, staff, input), "clinician_updated"),
);

export const setClinicianActiveAction = staffAction(
  { ...ADMIN, schema: clinicianActiveSchema },
  async (input, { db, staff }) =>
    saved(await setClinicianActive(db, staff, input), input.active ? "clinician_reactivated" : "clinician_deactivated"),
);

export const addWorkingHoursAction = staffAction({ ...ADMIN, schema: hoursSchema }, async (input, { db, staff }) =>
  saved(await addWorkingHours(db, staff, input), "hours_added"),
);

export const removeWorkingHoursAction = staffAction(
  { ...ADMIN, schema: hoursRowSchema },
  async (input, { db, staff }) => saved(await removeWorkingHours(db, staff, input), "hours_removed"),
);

/**
 * Adds time off; the page then names the new row (`added`), so it can list the appointments
 * already booked inside it, each with a link to move or cancel it.
 */
export const addTimeOffAction = staffAction({ ...ADMIN, schema: timeOffSchema }, async (input, { db, staff, now }) => {
  const result = await addTimeOff(db, staff, input, now);
  if (!result.ok) return result;
  const zone = await getClinicZone(db);
  const id = await findTimeOff(db, {
    clinicianId: input.clinicianId,
    startsAt: localInstant(input.startDate, input.startTime, zone),
    endsAt: localInstant(input.endDate, input.endTime, zone),
  });
  const added = id ? `&added=${id}` : "";
  return {
    redirect: `/staff/settings?done=time_off_added${added}&n=${Date.now().toString(36)}#time-off`,
    revalidate: "/staff/settings",
  };
});

export const removeTimeOffAction = staffAction({ ...ADMIN, schema: timeOffRowSchema }, async (input, { db, staff }) =>
  saved(await removeTimeOff(db, staff, input), "time_off_removed"),
);

export const updateAppointmentTypeAction = staffAction(
  { ...ADMIN, schema: appointmentTypeSchema },
  async (input, { db, staff }) => saved(await updateAppointmentType(db, staff, input), "type_saved"),
);

export const createAppointmentTypeAction = staffAction(
  { ...ADMIN, schema: newAppointmentTypeSchema },
  async (input, { db, staff }) => saved(await createAppointmentType(db, staff, input), "type_created"),
);

export const markUrgentTypeAction = staffAction({ ...ADMIN, schema: urgentTypeSchema }, async (input, { db, staff }) =>
  saved(await markUrgentType(db, staff, input), "urgent_type_changed"),
);

export const createStaffAction = staffAction({ ...ADMIN, schema: newStaffSchema }, async (input, { db, staff }) =>
  saved(await createStaffAccount(db, staff, input), "staff_created"),
);

export const changeStaffRoleAction = staffAction({ ...ADMIN, schema: staffRoleSchema }, async (input, { db, staff }) =>
  saved(await changeStaffRole(db, staff, input), "role_changed"),
);

export const setStaffActiveAction = staffAction(
  { ...ADMIN, schema: staffActiveSchema },
  async (input, { db, staff, now }) =>
    saved(await setStaffAccountActive(db, staff, input, now), input.active ? "staff_reactivated" : "staff_deactivated"),
);

export const unlockStaffAction = staffAction({ ...ADMIN, schema: staffAccountSchema }, async (input, { db, staff }) =>
  saved(await unlockStaffAccount(db, staff, input), "staff_unlocked"),
);

export const resetStaffPasswordAction = staffAction(
  { ...ADMIN, schema: passwordResetSchema },
  async (input, { db, staff, now }) => saved(await resetStaffPassword(db, staff, input, now), "password_reset"),
);

/** An admin removes the second factors of someone who lost their device (audited; they are signed out). */
export const resetSecondFactorAction = staffAction(
  { ...ADMIN, schema: staffAccountSchema },
  async ({ id }, { db, staff, now }) => {
    const result = await resetSecondFactors(db, staff, id, now);
    return result.ok ? saved(done, "mfa_reset") : refuse(result.message!);
  },
);

const mfaPolicySchema = z.object({
  staffMfa: z.enum(["required", "optional"], { error: "Choose whether staff need a second factor" }),
});

/** Whether every staff member must use a second factor (the default in production). */
export const mfaPolicyAction = staffAction(
  { ...ADMIN, schema: mfaPolicySchema },
  async ({ staffMfa }, { db, staff, now }) => {
    await changeMfaPolicy(db, staff, await getMfaPolicy(db), staffMfa, now);
    return saved(done, "mfa_policy_saved");
  },
);

export const retryEmailAction = staffAction({ ...ADMIN, schema: deadEmailSchema }, async (input, { db, staff, now }) =>
  saved(await retryDeadEmail(db, staff, input, now), "email_retried"),
);
