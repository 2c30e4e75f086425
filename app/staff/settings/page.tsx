import type { Metadata } from "next";
import { getClinic } from "@/db/queries/clinic";
import { listClinicHours } from "@/db/queries/clinic-hours";
import { listDeadEmails } from "@/db/queries/outbox";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { listApiKeys } from "@/db/queries/api-keys";
import {
  listAllAppointmentTypes,
  listAllClinicians,
  listAllWorkingHours,
  listUpcomingTimeOff,
} from "@/db/queries/scheduling";
import { listStaff } from "@/db/queries/staff";
import { getMfaPolicy, listSecondFactorCounts } from "@/db/queries/mfa";
import { mfaRequired } from "@/lib/staff/mfa";
import { zoneName } from "@/lib/booking/format";
import { clinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { recordPageView } from "@/lib/staff/audit-api";
import { requireStaff } from "@/lib/staff/session";
import { firstValues } from "@/lib/forms";
import { updatePoliciesAction } from "./actions";
import { DONE, type Done } from "./done";
import { AccountsSection, DeadEmailsSection } from "./_components/people-sections";
import { ClinicianSection, HoursSection, TimeOffSection, TypesSection } from "./_components/schedule-sections";
import { Notice } from "./_components/notice";
import { OpeningHoursSection } from "./_components/opening-hours-section";
import { WebhooksSection } from "./_components/webhooks-section";
import { ApiKeysSection } from "./_components/api-keys-section";
import { PrivacySection } from "./_components/privacy-section";
import { SignInSecuritySection } from "./_components/sign-in-security-section";
import { SilentPilotSection } from "./_components/silent-pilot-section";
import { StaffForm, type FieldGroup } from "../_components/staff-form";
import staff from "../_components/staff.module.css";
import styles from "./settings.module.css";

export const metadata: Metadata = { title: "Clinic settings", robots: { index: false } };

const SECTIONS = [
  { id: "policies", title: "Clinic details and policies" },
  { id: "clinicians", title: "Clinicians" },
  { id: "hours", title: "Weekly hours" },
  { id: "time-off", title: "Time off and closures" },
  { id: "opening-hours", title: "Opening hours" },
  { id: "types", title: "Appointment types" },
  { id: "staff", title: "Staff accounts" },
  { id: "sign-in", title: "Sign-in security" },
  { id: "emails", title: "Emails that could not be sent" },
  { id: "webhooks", title: "Webhooks" },
  { id: "api-keys", title: "Integration keys" },
  { id: "privacy", title: "Privacy notice and retention" },
  { id: "silent-pilot", title: "Silent pilot" },
] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The admin's settings: the clinic, who works when, what can be booked, who signs in, failed emails. */
export default async function SettingsPage({ searchParams }: Props) {
  const admin = await requireStaff(["admin"], "/staff/settings");
  const query = firstValues(await searchParams);
  const done = query.done && Object.hasOwn(DONE, query.done) ? DONE[query.done as Done] : null;
  const db = await getDb();
  const now = new Date();
  const [clinic, clinicians, hours, timeOff, types, accounts, deadEmails, webhooks, openingHours, apiKeys] =
    await Promise.all([
      getClinic(db),
      listAllClinicians(db),
      listAllWorkingHours(db),
      listUpcomingTimeOff(db, { now }),
      listAllAppointmentTypes(db),
      listStaff(db),
      listDeadEmails(db, { limit: 100 }),
      listWebhookEndpoints(db),
      listClinicHours(db),
      listApiKeys(db),
    ]);
  const [factors, mfaPolicy, deliveryLogs] = await Promise.all([
    listSecondFactorCounts(db),
    getMfaPolicy(db),
    Promise.all(webhooks.map(async (e) => [e.id, await listWebhookDeliveries(db, e.id)] as const)),
  ]);
  // The page lists every staff account (and failed emails to patients): the view is audited.
  await recordPageView(db, admin, "settings_viewed", { accounts: accounts.length, deadEmails: deadEmails.length });
  const zone = clinicZone(clinic);
  const notice = (section: string) => (done?.section === section ? <Notice text={done.text} /> : null);
  const v = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

  const policyGroups: FieldGroup[] = [
    {
      legend: "The clinic, as patients see it",
      fields: [
        { name: "name", label: "Clinic name", defaultValue: v(clinic?.name) },
        { name: "address", label: "Address", defaultValue: v(clinic?.address) },
        { name: "phone", label: "Phone number", defaultValue: v(clinic?.phone), autoComplete: "off" },
        { name: "email", label: "Email (optional)", kind: "email", defaultValue: v(clinic?.email) },
        {
          name: "emergencyNumber",
          label: "Emergency number",
          hint: "What patients dial in an emergency, e.g. 911",
          defaultValue: v(clinic?.emergencyNumber),
          short: true,
        },
        {
          name: "outOfHoursPhone",
          label: "Out-of-hours number (optional)",
          hint: "Who patients should call when the clinic is closed, as they will read it after “Call”, e.g. NHS 111, or the on-call clinician at 020 7946 0000. Left empty, patients are told to call NHS 111 or their own doctor.",
          defaultValue: v(clinic?.outOfHoursPhone),
        },
        {
          name: "distanceUnit",
          label: "Running distances in",
          hint: "The intake asks runners how far they run a week in this unit (answers are kept in km).",
          kind: "radio",
          options: [
            { value: "km", label: "Kilometres" },
            { value: "mi", label: "Miles" },
          ],
          defaultValue: clinic?.distanceUnit ?? "km",
        },
        {
          name: "timeZone",
          label: "Time zone",
          hint: "A zone name such as America/New_York. All times are in this zone.",
          defaultValue: zone,
          suggestions: Intl.supportedValuesOf("timeZone"),
        },
      ],
    },
    {
      legend: "Booking",
      fields: [
        {
          name: "slotIntervalMinutes",
          label: "Start times every (minutes)",
          hint: "5 to 120",
          kind: "number",
          min: 5,
          max: 120,
          defaultValue: v(clinic?.slotIntervalMinutes),
          short: true,
        },
        {
          name: "minNoticeMinutes",
          label: "Minimum notice (minutes)",
          hint: "How soon a patient may book",
          kind: "number",
          min: 0,
          defaultValue: v(clinic?.minNoticeMinutes),
          short: true,
        },
        {
          name: "horizonDays",
          label: "Booking horizon (days)",
          hint: "How far ahead, 1 to 365",
          kind: "number",
          min: 1,
          max: 365,
          defaultValue: v(clinic?.horizonDays),
          short: true,
        },
        {
          name: "cancellationCutoffHours",
          label: "Cancellation cut-off (hours)",
          hint: "Patients may cancel or move up to this long before",
          kind: "number",
          min: 0,
          defaultValue: v(clinic?.cancellationCutoffHours),
          short: true,
        },
        {
          name: "waitlistHoldMinutes",
          label: "Waitlist hold (minutes)",
          hint: "How long a freed time offered to a waiting patient is kept for them, 5 to 1,440",
          kind: "number",
          min: 5,
          max: 1440,
          defaultValue: v(clinic?.waitlistHoldMinutes),
          short: true,
        },
        {
          name: "preVisitCheckDays",
          label: "Pre-visit check (days before)",
          hint: "Patients get a short safety check by email this many days before their appointment, 0 (none) to 14; it always arrives at least an hour before the cancellation cut-off",
          kind: "number",
          min: 0,
          max: 14,
          defaultValue: v(clinic?.preVisitCheckDays),
          short: true,
        },
        {
          name: "checkinWeeks",
          label: "Recovery check-ins (weeks after the form)",
          hint: "Patients get a short check-in by email this many weeks after their form, for example 2, 6, 12 (at most 6; leave empty for none). A change applies to new patients",
          kind: "text",
          defaultValue: (clinic?.checkinWeeks ?? [2, 6, 12]).join(", "),
        },
      ],
    },
    {
      legend: "Urgent cases",
      fields: [
        {
          name: "urgentReservePerDay",
          label: "Slots kept for URGENT cases per clinician per day",
          kind: "number",
          min: 0,
          defaultValue: v(clinic?.urgentReservePerDay),
          short: true,
        },
        {
          name: "urgentReleaseTime",
          label: "Release unused urgent slots at",
          kind: "time",
          defaultValue: clinic?.urgentReleaseTime.slice(0, 5) ?? "12:00",
          short: true,
        },
        {
          name: "emergencyAckMinutes",
          label: "Acknowledge EMERGENCY cases within (minutes)",
          hint: "1 to 60",
          kind: "number",
          min: 1,
          max: 60,
          defaultValue: v(clinic?.emergencyAckMinutes ?? 15),
          short: true,
        },
        {
          name: "urgentAckMinutes",
          label: "Acknowledge URGENT cases within (minutes)",
          hint: "1 to 1440 (24 hours)",
          kind: "number",
          min: 1,
          max: 1440,
          defaultValue: v(clinic?.urgentAckMinutes ?? 120),
          short: true,
        },
      ],
    },
  ];

  return (
    // A new key after each change resets every form to the saved values.
    <div className={staff.page} key={query.n ?? ""}>
      <h1>Clinic settings</h1>
      <p className={staff.muted}>
        Changes apply at once and are recorded in the audit trail. Times are {zoneName(zone)}.
      </p>
      <nav className={styles.contents} aria-labelledby="contents-title">
        <h2 id="contents-title">On this page</h2>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="policies" className={styles.section} aria-labelledby="policies-title">
        <h2 id="policies-title">{SECTIONS[0].title}</h2>
        {notice("policies")}
        {clinic ? null : <p>The clinic has not been set up yet: fill in every field to set it up.</p>}
        <StaffForm
          errorSummary
          action={updatePoliciesAction}
          groups={policyGroups}
          submitLabel="Save clinic details and policies"
        />
      </section>

      <ClinicianSection title={SECTIONS[1].title} notice={notice("clinicians")} clinicians={clinicians} />
      <HoursSection title={SECTIONS[2].title} notice={notice("hours")} clinicians={clinicians} hours={hours} />
      <TimeOffSection
        title={SECTIONS[3].title}
        notice={notice("time-off")}
        clinicians={clinicians}
        timeOff={timeOff}
        zone={zone}
        added={query.added}
      />
      <OpeningHoursSection
        title={SECTIONS.find((s) => s.id === "opening-hours")!.title}
        notice={notice("opening-hours")}
        hours={openingHours}
      />
      <TypesSection title={SECTIONS.find((s) => s.id === "types")!.title} notice={notice("types")} types={types} />
      <AccountsSection
        title={SECTIONS.find((s) => s.id === "staff")!.title}
        notice={notice("staff")}
        accounts={accounts}
        factors={factors}
        selfId={admin.id}
        zone={zone}
        now={now}
      />
      <SignInSecuritySection
        title={SECTIONS.find((s) => s.id === "sign-in")!.title}
        notice={notice("sign-in")}
        policy={mfaPolicy}
        required={mfaRequired(mfaPolicy)}
        withoutFactor={accounts
          .filter((a) => a.active && !(factors.get(a.id)?.totp || factors.get(a.id)?.passkeys))
          .map((a) => a.name)}
      />
      <DeadEmailsSection
        title={SECTIONS.find((s) => s.id === "emails")!.title}
        notice={notice("emails")}
        emails={deadEmails}
        zone={zone}
      />
      <WebhooksSection
        title={SECTIONS.find((s) => s.id === "webhooks")!.title}
        notice={notice("webhooks")}
        endpoints={webhooks}
        deliveries={new Map(deliveryLogs)}
        zone={zone}
      />
      <ApiKeysSection
        title={SECTIONS.find((s) => s.id === "api-keys")!.title}
        notice={notice("api-keys")}
        keys={apiKeys}
        zone={zone}
      />
      <PrivacySection
        title={SECTIONS.find((s) => s.id === "privacy")!.title}
        notice={notice("privacy")}
        clinic={clinic}
        zone={zone}
      />
      <SilentPilotSection
        title={SECTIONS.find((s) => s.id === "silent-pilot")!.title}
        notice={notice("silent-pilot")}
        since={clinic?.silentPilotSince ?? null}
        setUp={clinic !== null}
        zone={zone}
      />
    </div>
  );
}
