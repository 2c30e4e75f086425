import type { Db } from "@/db/client";
import { greetingName } from "@/emails/layout";
import { getClinicCached } from "@/lib/clinic-settings";
import { appointmentIcs } from "@/lib/notifications/calendar";
import { findByManageToken } from "./manage";

/**
 * The booked appointment behind a manage link as a calendar file ("Add to calendar"), or null when
 * the link opens no booked appointment. The same event as the emails' attachment (its UID and
 * SEQUENCE), so a calendar that has both keeps one event and a later move or cancel updates it.
 */
export async function manageLinkCalendarFile(
  db: Db,
  { token, now, appUrl }: { token: string; now: Date; appUrl: string },
): Promise<string | null> {
  const appointment = await findByManageToken(db, token, now);
  if (!appointment) return null;
  const clinic = await getClinicCached(db);
  const clinicName = clinic?.name ?? "BackTrack";
  const manageUrl = new URL(`/appointments/manage/${token}`, appUrl).toString();
  return appointmentIcs({
    uid: appointment.seriesId,
    sequence: appointment.sequence,
    start: appointment.startsAt,
    end: appointment.endsAt,
    // As in the emails: no appointment type (it can say how urgent the back is), on a calendar others may see.
    title: `Appointment at ${clinicName}`,
    location: clinic?.address ? `${clinicName}, ${clinic.address}` : clinicName,
    description: `With ${appointment.clinicianName}. To view, move or cancel: ${manageUrl}`,
    url: manageUrl,
    organizer: { name: clinicName, email: clinic?.email ?? "no-reply@backtrack.localhost" },
    attendee: { name: greetingName(appointment.firstName) || appointment.email, email: appointment.email },
    stamp: now,
  });
}
