// A patient joins the waitlist (or changes when they can come) with their booking link: checked
// like a booking, stored as one waiting entry per intake, audited in the same transaction.
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  findUpcomingStartForIntake,
  getWaitingEntryForIntake,
  upsertWaitingEntry,
  type StoredWaitlistEntry,
} from "@/db/queries/waitlist";
import { bookingAccess } from "@/lib/booking/access";
import { getClinicCached } from "@/lib/clinic-settings";
import { fieldErrors } from "@/lib/forms";
import type { Availability } from "./availability";
import { waitlistJoinSchema } from "./join";
import { notBeforeWindow } from "./window";

/** The waiting entry as the patient and API clients see it. */
export type JoinedEntry = {
  id: string;
  status: "waiting";
  availability: Availability;
  notBefore: string | null;
  earlierThan: Date | null;
};

export type JoinWaitlistResult =
  | { status: "joined" | "changed"; entry: JoinedEntry }
  /** The body does not parse, or notBefore is outside the patient's booking window: per-field messages. */
  | { status: "invalid" | "date_out_of_range"; fieldErrors: Record<string, string[]> }
  /** The booking link: forged or unknown, too old, erased, or for a result that cannot book online. */
  | { status: "invalid_token" | "expired" | "erased" | "not_eligible" };

/**
 * Puts the patient of a booking link on the waitlist, or changes the choice of their waiting
 * entry (their place is kept). Refused like a booking: a link that is forged, expired or erased,
 * or a result that cannot book online (EMERGENCY, URGENT, under 16). `notBefore` must be a
 * clinic-local date from today to the last day the patient could book (the clinic's horizon; 7
 * days for SOON). A patient holding an appointment from this intake waits for earlier times only.
 * `secret` signs booking links (the environment's when left out).
 */
export async function joinWaitlist(
  db: Db,
  body: unknown,
  now: Date,
  { secret, via = "api" }: { secret?: string; via?: "api" | "booking_page" } = {},
): Promise<JoinWaitlistResult> {
  const parsed = waitlistJoinSchema.safeParse(body);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const access = await bookingAccess(db, parsed.data.bookingToken, now, secret);
  if (access.status === "invalid") return { status: "invalid_token" };
  if (access.status !== "ok") return { status: access.status };

  const clinic = await getClinicCached(db);
  const { first: today, last: lastDate } = notBeforeWindow(clinic, access.withinDays, now);
  const notBefore = parsed.data.notBefore ?? null;
  // Both "YYYY-MM-DD" with four-digit years, so text order is date order.
  if (notBefore !== null && notBefore < today)
    return dateRefused(`notBefore cannot be in the past: choose ${today} (today) or later`);
  if (notBefore !== null && notBefore > lastDate)
    return dateRefused(`notBefore must be ${lastDate} or earlier: times are offered only that far ahead`);

  const intakeId = access.intake.id;
  const availability = parsed.data.availability;
  return db.transaction(async (tx) => {
    const before = await getWaitingEntryForIntake(tx, intakeId);
    const earlierThan = await findUpcomingStartForIntake(tx, { intakeId, now });
    const { inserted, ...stored } = await upsertWaitingEntry(tx, {
      intakeId,
      choice: { availability, notBefore, earlierThan },
      now,
    });
    const entry = joinedEntry(stored, availability);
    // A patient's own action: no staff actor. Availability and dates only: no answers, no contact.
    await recordAudit(tx, {
      actor: null,
      action: inserted ? "waitlist_joined" : "waitlist_changed",
      subjectType: "intake",
      subjectId: intakeId,
      before: !inserted && before ? auditView(before) : null,
      after: { via, entryId: entry.id, ...auditView(stored) },
    });
    return { status: inserted ? "joined" : "changed", entry };
  });
}

const dateRefused = (message: string): JoinWaitlistResult => ({
  status: "date_out_of_range",
  fieldErrors: { notBefore: [message] },
});

function joinedEntry(stored: StoredWaitlistEntry, availability: Availability): JoinedEntry {
  return {
    id: stored.id,
    status: "waiting",
    availability,
    notBefore: stored.notBefore,
    earlierThan: stored.earlierThan,
  };
}

const auditView = (e: StoredWaitlistEntry) => ({
  availability: e.availability,
  notBefore: e.notBefore,
  earlierThan: e.earlierThan?.toISOString() ?? null,
});
