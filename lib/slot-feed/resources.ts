// The SMART Scheduling Links feed as FHIR R4 resources (github.com/smart-on-fhir/smart-scheduling-links,
// specification.md): one Location (the clinic), a Schedule per kind of appointment patients book, and
// a Slot per type and start, free or busy. Pure: plain data in, plain JSON out.
import { bookingDeepLink, formatSlotHandle } from "./link";

export const DEEP_LINK_EXTENSION = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
export const CAPACITY_EXTENSION = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";

/** The clinic's one Location. */
export const LOCATION_ID = "clinic";

export type FeedClinic = { name: string; address: string; phone: string };
export type FeedType = { id: string; name: string; minutes: number };
/** A time one clinician is free for a type. */
export type FreeTime = { typeId: string; start: Date; end: Date };
/** Appointments of a type that begin at one time. */
export type TakenTime = { typeId: string; start: Date; end: Date; count: number };

type Address = { text: string; line: string[]; city?: string; state?: string; postalCode?: string; country?: string };
type Resource = { resourceType: string; id: string } & Record<string, unknown>;

const US_STATE_ZIP = /^([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;

/**
 * The clinic's address as FHIR has it. Settings keep one line of text; a US address written the
 * usual way ("240 Hudson Street, Suite 3, New York, NY 10013") is split into its lines, city, state
 * and ZIP code; any other keeps its comma-separated parts as lines. The text is always there.
 */
export function addressOf(text: string): Address {
  const parts = text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const last = US_STATE_ZIP.exec(parts.at(-1) ?? "");
  if (last && parts.length >= 3)
    return {
      text,
      line: parts.slice(0, -2),
      city: parts.at(-2)!,
      state: last[1]!,
      postalCode: last[2]!,
      country: "US",
    };
  return { text, line: parts };
}

/** The clinic as a Location: name, address and phone as the clinic's settings have them. */
export function locationResource(clinic: FeedClinic): Resource {
  return {
    resourceType: "Location",
    id: LOCATION_ID,
    status: "active",
    name: clinic.name,
    telecom: clinic.phone ? [{ system: "phone", value: clinic.phone }] : [],
    address: addressOf(clinic.address),
  };
}

/** A kind of appointment at the clinic, over the published window. */
export function scheduleResource(type: FeedType, window: { start: Date; end: Date }): Resource {
  return {
    resourceType: "Schedule",
    id: type.id,
    active: true,
    serviceType: [{ text: type.name }],
    actor: [{ reference: `Location/${LOCATION_ID}` }],
    planningHorizon: { start: window.start.toISOString(), end: window.end.toISOString() },
    comment: `${type.minutes} minutes`,
  };
}

type Group = { typeId: string; start: Date; end: Date; count: number };

/** Sums the times that share a type and start (several clinicians free at once: one Slot, its capacity). */
function grouped(times: readonly { typeId: string; start: Date; end: Date; count?: number }[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const t of times) {
    const key = `${t.typeId}|${t.start.getTime()}`;
    const seen = byKey.get(key);
    if (seen) seen.count += t.count ?? 1;
    else byKey.set(key, { typeId: t.typeId, start: t.start, end: t.end, count: t.count ?? 1 });
  }
  return [...byKey.values()];
}

/**
 * One Slot per type and start: free (with its capacity and the booking deep link into our intake)
 * or busy (how many appointments begin then). A start can have both: one clinician booked, another
 * free. Sorted by start, then type, free first.
 */
export function slotResources(appUrl: string, free: readonly FreeTime[], taken: readonly TakenTime[]): Resource[] {
  const slot = (g: Group, status: "free" | "busy"): Resource & { start: string } => {
    const id = formatSlotHandle(g.typeId, g.start);
    const capacity = { url: CAPACITY_EXTENSION, valueInteger: g.count };
    return {
      resourceType: "Slot",
      id: status === "free" ? id : `${id}.busy`,
      schedule: { reference: `Schedule/${g.typeId}` },
      status,
      start: g.start.toISOString(),
      end: g.end.toISOString(),
      extension:
        status === "free"
          ? [{ url: DEEP_LINK_EXTENSION, valueUrl: bookingDeepLink(appUrl, g.typeId, g.start) }, capacity]
          : [capacity],
    };
  };
  const all = [...grouped(free).map((g) => slot(g, "free")), ...grouped(taken).map((g) => slot(g, "busy"))];
  return all.sort((a, b) => (a.start === b.start ? (a.id < b.id ? -1 : 1) : a.start < b.start ? -1 : 1));
}

/** Resources as NDJSON: one minified resource a line. */
export function toNdjson(resources: readonly object[]): string {
  return resources.map((r) => `${JSON.stringify(r)}\n`).join("");
}

export const FEED_FILES = { Location: "locations.ndjson", Schedule: "schedules.ndjson", Slot: "slots.ndjson" } as const;
export type FeedFile = keyof typeof FEED_FILES;

/** The bulk-publish manifest: where each file is, with the time the data set was made. */
export function feedManifest(baseUrl: string, transactionTime: Date) {
  return {
    transactionTime: transactionTime.toISOString(),
    request: `${baseUrl}/$bulk-publish`,
    output: (Object.keys(FEED_FILES) as FeedFile[]).map((type) => ({ type, url: `${baseUrl}/${FEED_FILES[type]}` })),
    error: [],
  };
}
