import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { rescheduleAction } from "@/app/book/actions";
import styles from "@/app/book/_components/book.module.css";
import { pickerView, pickerViewHref, SlotPicker } from "@/app/book/_components/slot-picker";
import { AccessMessage } from "@/app/book/_components/access-message";
import { getIntake } from "@/db/queries/intakes";
import { getUrgentAppointmentType } from "@/db/queries/scheduling";
import { getClinicInfo } from "@/lib/clinic";
import { eligibilityFor, movesAsUrgent, typeLevelFor, URGENT_DAYS } from "@/lib/booking/eligibility";
import { formatDateTime, formatDay, zoneName } from "@/lib/booking/format";
import { beforeCutoff, findByManageToken, governingIntake } from "@/lib/booking/manage";
import { cachedOfferedSlots, typeFor } from "@/lib/booking/schedule";
import { getDb } from "@/lib/db";
import { addLocalDays, localDate } from "@/lib/scheduling";
import { RULESET_VERSION } from "@/lib/triage";
import { Recheck } from "./recheck";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";

export const metadata: Metadata = {
  title: "Choose another time",
  robots: { index: false },
  referrer: PRIVATE_PAGE_REFERRER,
};

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{
    worse?: string;
    week?: string;
    day?: string;
    clinician?: string;
    taken?: string;
    slot?: string;
    regrade?: string;
    invalid?: string;
  }>;
};

/** Reschedule: first "has anything got worse?", then a new time (or a new check when it has). */
export default async function ReschedulePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { worse, week, day, clinician, taken, slot, regrade, invalid } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const appointment = await findByManageToken(db, token, now);
  if (!appointment) notFound();
  const clinic = await getClinicInfo();
  const here = `/appointments/manage/${token}/reschedule`;
  if (!(await beforeCutoff(db, appointment.startsAt, now))) {
    return (
      <div className={styles.page}>
        <h1>Please call the clinic</h1>
        <p>It is too late to change this appointment online. Call {clinic.phone ?? "the clinic"}.</p>
      </div>
    );
  }
  if (worse !== "no" && worse !== "yes") {
    return (
      <div className={styles.page}>
        <Link href={`/appointments/manage/${token}`}>Back</Link>
        <h1>Has anything got worse since you filled in the form?</h1>
        <p>For example, more pain, pain spreading down a leg, new numbness or weakness, or feeling unwell.</p>
        <form action={here} method="get" className={styles.field}>
          <fieldset>
            <legend className="visually-hidden">Has anything got worse?</legend>
            <div className={styles.time}>
              <input type="radio" id="worse-yes" name="worse" value="yes" required />
              <label htmlFor="worse-yes">Yes, something is worse</label>
            </div>
            <div className={styles.time}>
              <input type="radio" id="worse-no" name="worse" value="no" />
              <label htmlFor="worse-no">No, it is the same or better</label>
            </div>
          </fieldset>
          <button type="submit" className={styles.primary}>
            Continue
          </button>
        </form>
      </div>
    );
  }
  if (worse === "yes") {
    // The recheck re-grades the first answers with the current rules; answers written to an older
    // version of the form lack questions added since, so the patient fills the whole form in again.
    const first = await getIntake(db, appointment.intakeId);
    if (first && first.rulesetVersion !== RULESET_VERSION) {
      return (
        <div className={styles.page}>
          <Link href={`/appointments/manage/${token}`}>Back</Link>
          <h1>Please fill in the back-pain check again</h1>
          <p>
            Our form has changed since you filled it in, and it now asks some new safety questions. Fill it in again
            with how things are now, so that we can tell you how soon you should be seen. Your appointment stays booked
            until you change it.
          </p>
          <p>
            If you have new numbness between your legs, new problems passing or holding urine or stools, or weakness in
            both legs, do not wait: go to an emergency department now.
          </p>
          <p>
            <Link href="/intake" className={styles.primary}>
              Start the back-pain check
            </Link>
          </p>
        </div>
      );
    }
    return <Recheck token={token} invalid={invalid === "1"} />;
  }

  // The newest grade sets what may be booked: a re-grade of this appointment's intake, else its own.
  const intake = await governingIntake(db, appointment.intakeId);
  if (!intake) notFound();
  const regraded = intake.id !== appointment.intakeId ? intake : null;
  // A link naming a re-grade that is not this appointment's newest is stale or forged.
  if (regrade && regrade !== regraded?.id) notFound();
  // A silent-pilot grade the patient was never told limits nothing (lib/booking/eligibility.ts).
  const urgent = movesAsUrgent(intake);
  const rules = urgent ? { canSelfBook: true, withinDays: URGENT_DAYS } : eligibilityFor(intake);
  const typeLevel = typeLevelFor(intake);
  // EMERGENCY (or the under-16 route): nothing to book online; the clinic calls.
  if (!rules.canSelfBook) return <AccessMessage status="not_eligible" phone={clinic.phone} />;
  // URGENT: only the urgent type's reserved times, the ones staff book from.
  const type = urgent
    ? await getUrgentAppointmentType(db)
    : // The appointment's own type while the grade may book it (a staff-booked type may not be), else the grade's.
      ((regraded ? null : await typeFor(db, typeLevel, appointment.typeId)) ?? (await typeFor(db, typeLevel)));
  if (urgent && !type?.active) return <CallTheClinic phone={clinic.phone} />;
  if (!type) notFound();
  const today = localDate(now, clinic.timeZone);
  const from = week && /^\d{4}-\d{2}-\d{2}$/.test(week) && week >= today ? week : today;
  const offer = await cachedOfferedSlots(db, {
    now,
    from,
    days: 7,
    type,
    withinDays: rules.withinDays,
    mode: urgent ? "urgent" : "patient",
  });
  if (urgent && offer.slots.length === 0) return <CallTheClinic phone={clinic.phone} />;
  const [clinicianId, startIso] = (slot ?? "").split("|");

  if (clinicianId && startIso) {
    return (
      <div className={styles.page}>
        <h1>Move your appointment?</h1>
        <form action={rescheduleAction}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="clinicianId" value={clinicianId} />
          <input type="hidden" name="start" value={startIso} />
          {regraded ? <input type="hidden" name="regrade" value={regraded.id} /> : null}
          <p>
            New time: <strong>{formatDateTime(new Date(startIso), clinic.timeZone)}</strong> (
            {zoneName(clinic.timeZone)}), with{" "}
            {offer.slots.find((s) => s.clinicianId === clinicianId)?.clinicianName ?? "the same clinic"}. Your old time
            will be given up.
          </p>
          <button type="submit" className={styles.primary}>
            Move my appointment
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <Link href={`/appointments/manage/${token}`}>Back</Link>
      <h1>Choose another time</h1>
      {regraded && !urgent && rules.withinDays !== null ? (
        <p className={styles.warning}>
          From your new answers, you should be seen within 7 days, so only those times are shown.
        </p>
      ) : null}
      {urgent ? (
        <p className={styles.warning}>
          Your appointment is an urgent one, so only the clinic&apos;s urgent times in the next few days are shown.
        </p>
      ) : null}
      {taken ? (
        <p className={styles.warning} role="status">
          Sorry, that time was just taken. Please choose another.
        </p>
      ) : null}
      <SlotPicker
        slots={offer.slots}
        timeZone={offer.timeZone}
        action={here}
        hidden={regraded ? { worse: "no", regrade: regraded.id } : { worse: "no" }}
        weekHref={(offset) => {
          const start = addLocalDays(from, offset * 7);
          if (start < today || ((regraded || urgent) && rules.withinDays !== null && offset > 0)) return null;
          return `${here}?worse=no&week=${start}${regraded ? `&regrade=${regraded.id}` : ""}`;
        }}
        weekLabel={`From ${formatDay(new Date(`${from}T12:00:00Z`), "UTC")}`}
        weekStart={from}
        viewHref={pickerViewHref(`${here}?worse=no&week=${from}${regraded ? `&regrade=${regraded.id}` : ""}`)}
        view={pickerView(day, clinician)}
        submitLabel="Continue"
      />
    </div>
  );
}

/** No urgent time can be offered online: the patient calls, calmly told how. */
function CallTheClinic({ phone }: { phone: string | null }) {
  return (
    <div className={styles.page}>
      <h1>Please call the clinic to change this appointment</h1>
      <p>
        Your appointment is an urgent one, and there is no other urgent time we can offer online right now. Your
        appointment stays booked.
      </p>
      <p>
        {phone ? (
          <>
            Call the clinic on <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a> and they will find you
            another time.
          </>
        ) : (
          <>Call the clinic and they will find you another time.</>
        )}
      </p>
    </div>
  );
}
