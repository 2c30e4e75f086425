"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/staff/cases";
import { requireStaff } from "@/lib/staff/session";
import {
  addClinician,
  addTimeOff,
  addWorkingHours,
  changeStaffRole,
  createStaffAccount,
  removeTimeOff,
  removeWorkingHours,
  resetStaffPassword,
  retryDeadEmail,
  setClinicianActive,
  setStaffAccountActive,
  unlockStaffAccount,
  updateAppointmentType,
  updateClinician,
  updatePolicies,
  type SettingsResult,
} from "@/lib/staff/settings";
import { DONE, type Done } from "./done";

/** What a settings form gets back after a refused change: messages, and what was typed. */
export type SettingsFormState = { message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; at?: number };

type Change = (db: Db, actor: Actor, input: Record<string, string>, now: Date) => Promise<SettingsResult>;

// Never sent back to the browser, even after an error.
const SECRET = new Set(["password"]);

/**
 * Runs one settings change as the signed-in admin: the page checked the role, every action checks
 * it again. A refusal comes back to the form with what was typed; a change returns to the page
 * (fresh data, every form reset) with a note of what was done beside its section.
 */
async function run(form: FormData, done: Done, change: Change): Promise<SettingsFormState> {
  const staff = await requireStaff(["admin"], "/staff/settings");
  const input: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) input[key] = value.slice(0, 4000);
  const result = await change(await getDb(), staff, input, new Date());
  if (!result.ok) {
    const values = Object.fromEntries(Object.entries(input).filter(([k]) => !SECRET.has(k)));
    // A plain object (serialisable), and a new `at` so the form remounts even for the same answer.
    return { message: result.message, fieldErrors: result.fieldErrors ? { ...result.fieldErrors } : undefined, values, at: Date.now() };
  }
  revalidatePath("/staff/settings");
  redirect(`/staff/settings?done=${done}&n=${Date.now().toString(36)}#${DONE[done].section}`);
}

export async function updatePoliciesAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "policies_saved", updatePolicies);
}
export async function addClinicianAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "clinician_added", addClinician);
}
export async function updateClinicianAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "clinician_updated", updateClinician);
}
export async function setClinicianActiveAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, form.get("active") === "true" ? "clinician_reactivated" : "clinician_deactivated", setClinicianActive);
}
export async function addWorkingHoursAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "hours_added", addWorkingHours);
}
export async function removeWorkingHoursAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "hours_removed", removeWorkingHours);
}
export async function addTimeOffAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "time_off_added", addTimeOff);
}
export async function removeTimeOffAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "time_off_removed", removeTimeOff);
}
export async function updateAppointmentTypeAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "type_saved", updateAppointmentType);
}
export async function createStaffAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "staff_created", createStaffAccount);
}
export async function changeStaffRoleAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "role_changed", changeStaffRole);
}
export async function setStaffActiveAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, form.get("active") === "true" ? "staff_reactivated" : "staff_deactivated", setStaffAccountActive);
}
export async function unlockStaffAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "staff_unlocked", unlockStaffAccount);
}
export async function resetStaffPasswordAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "password_reset", resetStaffPassword);
}
export async function retryEmailAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return run(form, "email_retried", retryDeadEmail);
}
