import { describe, expect, it } from "vitest";
import type { AppointmentType } from "@/db/schema";
import { feedTypes } from "@/lib/slot-feed/feed";
import { chosenTimeResponse } from "@/lib/slot-feed/http";
import {
  bookingDeepLink,
  CHOSEN_SLOT_COOKIE,
  CHOSEN_SLOT_MAX_SECONDS,
  formatSlotHandle,
  parseSlotHandle,
  rememberSeconds,
} from "@/lib/slot-feed/link";
import {
  addressOf,
  CAPACITY_EXTENSION,
  DEEP_LINK_EXTENSION,
  feedManifest,
  locationResource,
  scheduleResource,
  slotResources,
  toNdjson,
} from "@/lib/slot-feed/resources";

const NOW = new Date("2026-12-01T13:00:00Z");
const at = (iso: string) => new Date(iso);

describe("the published time's handle", () => {
  it("is the type and the start to the minute, in ISO 8601 basic format", () => {
    expect(formatSlotHandle("initial", at("2026-12-10T14:30:00.000Z"))).toBe("initial.20261210T1430Z");
    expect(parseSlotHandle("follow-up.20261210T1430Z")).toEqual({
      typeId: "follow-up",
      start: at("2026-12-10T14:30:00.000Z"),
    });
  });

  it("round-trips any minute", () => {
    for (const iso of ["2026-01-01T00:00:00Z", "2027-02-28T23:59:00Z", "2028-02-29T12:05:00Z"])
      expect(parseSlotHandle(formatSlotHandle("initial", at(iso)))?.start).toEqual(at(iso));
  });

  it.each([
    undefined,
    "",
    ["initial.20261210T1430Z"],
    "initial",
    "initial.2026-12-10T14:30:00Z",
    "Initial.20261210T1430Z",
    "initial.20261231T2460Z",
    "initial.20260231T1000Z",
    "../staff.20261210T1430Z",
    "initial.20261210T1430Z&x=1",
    `${"a".repeat(51)}.20261210T1430Z`,
  ])("ignores %j", (value) => {
    expect(parseSlotHandle(value)).toBeNull();
  });

  it("makes a deep link into our intake that carries only the handle", () => {
    const link = bookingDeepLink("https://book.clinic.example", "initial", at("2026-12-10T14:30:00Z"));
    expect(link).toBe("https://book.clinic.example/intake?slot=initial.20261210T1430Z");
    expect(parseSlotHandle(new URL(link).searchParams.get("slot"))).not.toBeNull();
  });

  it("is remembered until the time starts, at most 7 days, and not at all once it has passed", () => {
    expect(rememberSeconds({ typeId: "initial", start: at("2026-12-01T14:00:00Z") }, NOW)).toBe(3600);
    expect(rememberSeconds({ typeId: "initial", start: at("2026-12-25T14:00:00Z") }, NOW)).toBe(
      CHOSEN_SLOT_MAX_SECONDS,
    );
    expect(rememberSeconds({ typeId: "initial", start: NOW }, NOW)).toBeNull();
  });
});

describe("remembering a deep link's time (GET /api/v1/scheduling/chosen-time)", () => {
  const open = (query: string, secure = true) =>
    chosenTimeResponse(new Request(`https://book.clinic.example/api/v1/scheduling/chosen-time?${query}`), {
      now: NOW,
      secure,
    });

  it("keeps the handle in a private cookie and goes on to the intake", () => {
    const res = open("slot=initial.20261202T1430Z&source=finder&booking-referral=abc");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/intake");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`${CHOSEN_SLOT_COOKIE}=initial.20261202T1430Z;`);
    expect(cookie).toMatch(/Max-Age=91800;/); // until the time starts: 25.5 hours
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Secure");
    expect(cookie).not.toMatch(/finder|abc/); // the scheduling site's handles are not kept
    expect(open("slot=initial.20261202T1430Z", false).headers.get("set-cookie")).not.toContain("Secure");
  });

  it.each(["slot=initial.20261130T1430Z", "slot=nonsense", "slot=initial.20261202T1430Z%0d%0aX:1", ""])(
    "ignores a stale or bad time with no error (%s)",
    (query) => {
      const res = open(query);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/intake");
      expect(res.headers.get("set-cookie")).toBeNull();
    },
  );
});

describe("the clinic's Location", () => {
  it("splits a US address written the usual way into lines, city, state and ZIP", () => {
    expect(addressOf("240 Hudson Street, Suite 3, New York, NY 10013")).toEqual({
      text: "240 Hudson Street, Suite 3, New York, NY 10013",
      line: ["240 Hudson Street", "Suite 3"],
      city: "New York",
      state: "NY",
      postalCode: "10013",
      country: "US",
    });
  });

  it("keeps any other address as its lines, with the text as written", () => {
    expect(addressOf("12 Park Row, Leeds LS1 5HD")).toEqual({
      text: "12 Park Row, Leeds LS1 5HD",
      line: ["12 Park Row", "Leeds LS1 5HD"],
    });
  });

  it("carries the clinic's name and phone", () => {
    const location = locationResource({
      name: "Riverside",
      address: "1 A St, Albany, NY 12207",
      phone: "+1 518 555 0100",
    });
    expect(location).toMatchObject({
      resourceType: "Location",
      id: "clinic",
      name: "Riverside",
      telecom: [{ system: "phone", value: "+1 518 555 0100" }],
    });
  });
});

describe("Schedules and Slots", () => {
  const appUrl = "https://book.clinic.example";
  const a = "2026-12-02T14:30:00.000Z";
  const aEnd = "2026-12-02T15:15:00.000Z";

  it("gives each published type a Schedule at the clinic, its name as the service", () => {
    const schedule = scheduleResource(
      { id: "initial", name: "Initial assessment", minutes: 45 },
      { start: NOW, end: at("2026-12-29T05:00:00Z") },
    );
    expect(schedule).toMatchObject({
      resourceType: "Schedule",
      id: "initial",
      serviceType: [{ text: "Initial assessment" }],
      actor: [{ reference: "Location/clinic" }],
    });
  });

  it("makes one free Slot per type and start, its capacity the clinicians free, with the deep link", () => {
    const free = [
      { typeId: "initial", start: at(a), end: at(aEnd) },
      { typeId: "initial", start: at(a), end: at(aEnd) },
    ];
    const [slot, ...rest] = slotResources(appUrl, free, []);
    expect(rest).toEqual([]);
    expect(slot).toEqual({
      resourceType: "Slot",
      id: "initial.20261202T1430Z",
      schedule: { reference: "Schedule/initial" },
      status: "free",
      start: a,
      end: aEnd,
      extension: [
        { url: DEEP_LINK_EXTENSION, valueUrl: `${appUrl}/intake?slot=initial.20261202T1430Z` },
        { url: CAPACITY_EXTENSION, valueInteger: 2 },
      ],
    });
  });

  it("publishes taken times as busy, without a link, beside a free one at the same start", () => {
    const slots = slotResources(
      appUrl,
      [{ typeId: "initial", start: at(a), end: at(aEnd) }],
      [
        { typeId: "initial", start: at(a), end: at(aEnd), count: 1 },
        { typeId: "initial", start: at("2026-12-02T13:30:00Z"), end: at("2026-12-02T14:15:00Z"), count: 2 },
      ],
    );
    expect(slots.map((s) => [s.id, s.status])).toEqual([
      ["initial.20261202T1330Z.busy", "busy"],
      ["initial.20261202T1430Z", "free"],
      ["initial.20261202T1430Z.busy", "busy"],
    ]);
    expect(slots[0]!.extension).toEqual([{ url: CAPACITY_EXTENSION, valueInteger: 2 }]);
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
  });

  it("writes NDJSON: one minified resource a line", () => {
    const text = toNdjson([{ a: 1 }, { b: "x\ny" }]);
    expect(text).toBe('{"a":1}\n{"b":"x\\ny"}\n');
    expect(toNdjson([])).toBe("");
  });

  it("lists the three files in the manifest, with absolute addresses", () => {
    const base = `${appUrl}/api/v1/scheduling`;
    expect(feedManifest(base, NOW)).toEqual({
      transactionTime: "2026-12-01T13:00:00.000Z",
      request: `${base}/$bulk-publish`,
      output: [
        { type: "Location", url: `${base}/locations.ndjson` },
        { type: "Schedule", url: `${base}/schedules.ndjson` },
        { type: "Slot", url: `${base}/slots.ndjson` },
      ],
      error: [],
    });
  });
});

describe("which kinds of appointment are published", () => {
  const type = (id: string, levels: string[], sortOrder: number, urgent = false) =>
    ({ id, name: id, minutes: 30, levels, sortOrder, urgent, active: true }) as unknown as AppointmentType;

  it("publishes the type each grade that books online is offered, never a staff-only one", () => {
    const types = [
      type("initial", ["SOON", "ROUTINE", "SELF_CARE"], 1),
      type("follow-up", ["ROUTINE", "SELF_CARE"], 2),
      type("urgent-review", [], 3, true),
    ];
    expect(feedTypes(types).map((t) => t.id)).toEqual(["initial"]);
  });

  it("publishes one per grade when grades book different types, and none for EMERGENCY or URGENT", () => {
    const types = [
      type("soon-slot", ["SOON", "URGENT", "EMERGENCY"], 1),
      type("initial", ["ROUTINE", "SELF_CARE"], 2),
      type("staff-only", ["URGENT"], 0),
    ];
    expect(feedTypes(types).map((t) => t.id)).toEqual(["soon-slot", "initial"]);
  });
});
