import { describe, expect, it } from "vitest";
import { actorLabel, csvCell, csvRow, describeChange, formatStamp } from "@/lib/staff/audit-format";

const ZONE = "America/New_York";

describe("the audit trail in words", () => {
  it("shows a changed value as before → after, with levels by name", () => {
    expect(describeChange({ level: "URGENT" }, { level: "ROUTINE", queue: null }, ZONE)).toEqual([
      "level: Urgent → Routine",
      "queue: none",
    ]);
  });

  it("shows instants in the clinic's zone and leaves out what did not change", () => {
    expect(
      describeChange(
        { acknowledgedAt: null, status: "booked" },
        { acknowledgedAt: "2026-12-01T15:04:05.000Z", status: "booked" },
        ZONE,
      ),
    ).toEqual(["acknowledged at: none → 2026-12-01 10:04:05"]);
  });

  it("lists a view's filters, a removed value, lists and nested values", () => {
    expect(describeChange(null, { q: "smith", shown: 3, via: "manage_link" }, ZONE)).toEqual([
      "q: smith",
      "shown: 3",
      "via: manage link",
    ]);
    expect(describeChange({ note: "x" }, {}, ZONE)).toEqual(["note: x → none"]);
    expect(describeChange(null, { days: [1, 2], hours: { from: "09:00", active: true } }, ZONE)).toEqual([
      "days: 1, 2",
      "hours: from 09:00, active yes",
    ]);
    expect(describeChange("a", "b", ZONE)).toEqual(["value: a → b"]);
  });

  it("names the actor: a staff member, the email tried, the patient's link, or the system", () => {
    const base = { actorName: null, actorEmail: null, actorId: null, after: null };
    expect(actorLabel({ ...base, actorId: "s", actorName: "Ada" })).toBe("Ada");
    expect(actorLabel({ ...base, actorEmail: "who@x.test" })).toBe("who@x.test");
    expect(actorLabel({ ...base, after: { via: "api" } })).toBe("the patient (booking API)");
    expect(actorLabel({ ...base, after: { via: "elsewhere" } })).toBe("system");
    expect(actorLabel(base)).toBe("system");
  });

  it("stamps times to the second in the clinic's zone, across a daylight-saving change", () => {
    expect(formatStamp(new Date("2026-12-01T05:00:00Z"), ZONE)).toBe("2026-12-01 00:00:00");
    expect(formatStamp(new Date("2026-07-01T04:00:00Z"), ZONE)).toBe("2026-07-01 00:00:00");
  });
});

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe("");
  });

  it("defuses a cell a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("ends each row with CRLF", () => {
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
  });
});
