import { createEvent, type EventAttributes } from "ics";

export type CalendarEvent = {
  /** Shared by every version of the appointment, so calendars update one event. */
  uid: string;
  /** Raised on every reschedule and on cancellation. */
  sequence: number;
  start: Date;
  end: Date;
  title: string;
  location: string;
  description: string;
  /** The manage page, when the patient can still use it. */
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  cancelled?: boolean;
  /** DTSTAMP: when this version was made (the outbox row's time), so a re-render is identical. */
  stamp: Date;
};

/**
 * An iCalendar (RFC 5545) invitation for one appointment: METHOD:REQUEST for a booking or a move,
 * METHOD:CANCEL with STATUS:CANCELLED for a cancellation. Times are written as UTC instants, so
 * every calendar shows them in its own zone correctly; the email body names the clinic's zone.
 */
export function appointmentIcs(event: CalendarEvent): string {
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "-//BackTrack//Appointments//EN",
    timestamp: event.stamp.getTime(),
    method: event.cancelled ? "CANCEL" : "REQUEST",
    uid: `${event.uid}@backtrack`,
    sequence: event.sequence,
    start: event.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.title,
    location: event.location,
    description: event.description,
    ...(event.url ? { url: event.url } : {}),
    status: event.cancelled ? "CANCELLED" : "CONFIRMED",
    organizer: event.organizer,
    attendees: [{ ...event.attendee, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }],
  };
  // `timestamp` (DTSTAMP) is supported by ics but missing from its types.
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`calendar file: ${error?.message ?? "not created"}`);
  return value;
}
