import ICAL from "ical.js";
import { expect } from "vitest";

/** An .ics file read by a real iCalendar parser (ical.js), as a calendar app would read it. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  expect(vevent, "the calendar file has an event").toBeTruthy();
  const event = new ICAL.Event(vevent!);
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    status: String(vevent!.getFirstPropertyValue("status")),
    location: event.location,
    description: event.description,
  };
}

/** The text of a base64 attachment. */
export const decode = (content: string) => Buffer.from(content, "base64").toString("utf8");

/** Rendered HTML without react-email's `<!-- -->` separators between text nodes. */
export const htmlText = (html: string) => html.replace(/<!-- -->/g, "");

/** The manage-link token inside an email's text, if any. */
export function manageTokenIn(text: string): string | null {
  return /\/appointments\/manage\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;
}
