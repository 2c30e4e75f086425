import type { Outcome } from "@/lib/staff/action";
import type { SettingsResult } from "@/lib/staff/settings-fields";

/** What each finished settings change says, and beside which section (after the page reloads). */
export const DONE = {
  policies_saved: { section: "policies", text: "Clinic details and policies saved. They apply now." },
  clinician_added: {
    section: "clinicians",
    text: "Clinician added. Give them weekly hours so patients can book them.",
  },
  clinician_updated: { section: "clinicians", text: "Clinician saved." },
  clinician_deactivated: {
    section: "clinicians",
    text: "Clinician deactivated: no longer offered for booking. Their booked appointments stay.",
  },
  clinician_reactivated: { section: "clinicians", text: "Clinician reactivated: offered for booking again." },
  hours_added: { section: "hours", text: "Weekly hours added." },
  hours_removed: { section: "hours", text: "Weekly hours removed. Appointments already booked in them stay." },
  opening_hours_added: { section: "opening-hours", text: "Opening hours added. They apply now." },
  opening_hours_removed: {
    section: "opening-hours",
    text: "Opening hours removed. With none left, the clinic counts as always open.",
  },
  time_off_added: { section: "time-off", text: "Time off added. Those times are no longer offered." },
  time_off_removed: { section: "time-off", text: "Time off removed. Those times can be booked again." },
  type_saved: { section: "types", text: "Appointment type saved." },
  type_created: { section: "types", text: "Appointment type created. Patients of the ticked grades can book it now." },
  urgent_type_changed: { section: "types", text: "Urgent type changed. Staff book URGENT cases into it from now on." },
  staff_created: { section: "staff", text: "Staff account created. Give them their first password in person." },
  role_changed: { section: "staff", text: "Role changed. It applies on their next page." },
  staff_deactivated: { section: "staff", text: "Account deactivated and signed out everywhere." },
  staff_reactivated: { section: "staff", text: "Account reactivated." },
  staff_unlocked: { section: "staff", text: "Sign-in pause cleared: they can sign in now." },
  password_reset: {
    section: "staff",
    text: "New password set, and the account signed out everywhere. Give them the password in person.",
  },
  mfa_reset: {
    section: "staff",
    text: "Their second factors are removed and they are signed out. At their next sign-in they set up a new one.",
  },
  mfa_policy_saved: { section: "sign-in", text: "Sign-in security saved. It applies at each person’s next page." },
  email_retried: { section: "emails", text: "Email queued again: it will be sent within a minute." },
  webhook_deactivated: {
    section: "webhooks",
    text: "Webhook endpoint deactivated: it gets no more alerts, and those waiting were cancelled.",
  },
  webhook_reactivated: { section: "webhooks", text: "Webhook endpoint reactivated: it gets new alerts again." },
  webhook_removed: { section: "webhooks", text: "Webhook endpoint removed." },
  webhook_tested: { section: "webhooks", text: "Test event delivered: the endpoint accepted it." },
  webhook_delivery_retried: {
    section: "webhooks",
    text: "Delivery queued again: it goes within a minute, with the same message id.",
  },
  api_key_revoked: { section: "api-keys", text: "Key revoked: its next request is refused." },
  privacy_published: {
    section: "privacy",
    text: "New privacy notice published. Patients see it now, and new forms record this version.",
  },
  retention_saved: {
    section: "privacy",
    text: "Retention period saved. The daily purge uses it from its next run.",
  },
  silent_pilot_on: {
    section: "silent-pilot",
    text: "Silent pilot on. New patients do not see their grade, and every new form joins the case queue.",
  },
  silent_pilot_off: {
    section: "silent-pilot",
    text: "Silent pilot off. New patients see their result as usual. Forms sent during the pilot stay as they were.",
  },
} as const;

export type Done = keyof typeof DONE;

// Every settings change is the admin's: the page checked the role, every action checks it again.
export const ADMIN = { roles: ["admin"], next: "/staff/settings" } as const;

/**
 * A change made returns to the page (fresh data, every form reset) with a note of what was done
 * beside its section; a refusal comes back to the form with what was typed.
 */
export function saved(result: SettingsResult, done: Done): Outcome {
  if (!result.ok) return result;
  return {
    redirect: `/staff/settings?done=${done}&n=${Date.now().toString(36)}#${DONE[done].section}`,
    revalidate: "/staff/settings",
  };
}
