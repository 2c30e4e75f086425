import { describe, expect, it } from "vitest";
import { builtInNotice, BUILT_IN_NOTICE_ID } from "@/lib/content";
import { eraseSchema, quotesPatient } from "@/lib/privacy/erase";
import { noticeBlocks } from "@/lib/privacy/format";
import { parseNoticeId, publishNoticeSchema, retentionSchema } from "@/lib/privacy/notice";
import { erasedContact, isErasedAddress, pseudonymCode } from "@/lib/privacy/pseudonym";
import { isPastRetention, lastContact, purgeDue, retentionCutoff, retentionReason } from "@/lib/privacy/retention";
import { actionLabel } from "@/lib/staff/audit-format";
import { AUDIT_ACTIONS } from "@/lib/staff/audit";

const at = (iso: string) => new Date(iso);

describe("the retention period", () => {
  it("cuts off the same day and time, whole calendar years earlier", () => {
    expect(retentionCutoff(at("2026-12-01T13:00:00Z"), 8).toISOString()).toBe("2018-12-01T13:00:00.000Z");
    expect(retentionCutoff(at("2026-01-31T00:00:00Z"), 1).toISOString()).toBe("2025-01-31T00:00:00.000Z");
  });

  it("falls back from 29 February to 28 February in a year without one", () => {
    expect(retentionCutoff(at("2028-02-29T10:00:00Z"), 1).toISOString()).toBe("2027-02-28T10:00:00.000Z");
    expect(retentionCutoff(at("2028-02-29T10:00:00Z"), 4).toISOString()).toBe("2024-02-29T10:00:00.000Z");
  });

  it("refuses a period that is not a whole number of years from 1", () => {
    expect(() => retentionCutoff(at("2026-12-01T00:00:00Z"), 0)).toThrow(RangeError);
    expect(() => retentionCutoff(at("2026-12-01T00:00:00Z"), 1.5)).toThrow(RangeError);
  });

  it("takes the latest contact, whatever kind it is, and ignores missing ones", () => {
    expect(lastContact([])).toBeNull();
    expect(lastContact([null, undefined])).toBeNull();
    expect(
      lastContact([at("2019-03-01T00:00:00Z"), null, at("2020-05-01T00:00:00Z"), at("2018-01-01T00:00:00Z")]),
    ).toEqual(at("2020-05-01T00:00:00Z"));
  });

  it("is past the period only strictly before the cut-off, and never without any contact", () => {
    const now = at("2026-12-01T12:00:00Z");
    expect(isPastRetention(at("2018-12-01T11:59:59Z"), now, 8)).toBe(true);
    expect(isPastRetention(at("2018-12-01T12:00:00Z"), now, 8)).toBe(false);
    expect(isPastRetention(at("2025-06-01T00:00:00Z"), now, 8)).toBe(false);
    expect(isPastRetention(null, now, 8)).toBe(false);
  });

  it("runs the purge at most once a day", () => {
    const last = at("2026-12-01T03:00:00Z");
    expect(purgeDue(null, last)).toBe(true);
    expect(purgeDue(last, at("2026-12-02T02:59:59Z"))).toBe(false);
    expect(purgeDue(last, at("2026-12-02T03:00:00Z"))).toBe(true);
  });

  it("says why in the audit trail", () => {
    expect(retentionReason(8)).toBe("retention: 8 years after last contact");
    expect(retentionReason(1)).toBe("retention: 1 year after last contact");
  });

  it("accepts 1 to 100 whole years from the form, with one message for anything else", () => {
    expect(retentionSchema.parse({ retentionYears: "10" })).toEqual({ retentionYears: 10 });
    for (const bad of ["0", "101", "1.5", "ten", "", "-3"]) {
      const r = retentionSchema.safeParse({ retentionYears: bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("Enter the number of years as a whole number from 1 to 100");
    }
  });
});

describe("the privacy notice's text", () => {
  it("reads headings, paragraphs (keeping line breaks) and lists", () => {
    expect(noticeBlocks("## Who we are\nWe are a clinic.\nIn town.\n\n- one\n- two\n\n### Small\nlast")).toEqual([
      { kind: "heading", level: 2, text: "Who we are" },
      { kind: "paragraph", lines: ["We are a clinic.", "In town."] },
      { kind: "list", items: ["one", "two"] },
      { kind: "heading", level: 3, text: "Small" },
      { kind: "paragraph", lines: ["last"] },
    ]);
  });

  it("keeps markup as text: nothing in a notice becomes HTML", () => {
    const blocks = noticeBlocks('<script>alert("x")</script>\n\n- <b>bold</b>');
    expect(blocks).toEqual([
      { kind: "paragraph", lines: ['<script>alert("x")</script>'] },
      { kind: "list", items: ["<b>bold</b>"] },
    ]);
  });

  it("reads Windows line ends and stray blank lines alike", () => {
    expect(noticeBlocks("\r\n\r\nOne\r\n- a\r\nTwo\r\n\r\n\r\n")).toEqual([
      { kind: "paragraph", lines: ["One"] },
      { kind: "list", items: ["a"] },
      { kind: "paragraph", lines: ["Two"] },
    ]);
    expect(noticeBlocks("##\n#nospace")).toEqual([{ kind: "paragraph", lines: ["##", "#nospace"] }]);
  });

  it("names versions v1, v2 … and the built-in notice 2026-11; anything else is no notice", () => {
    expect(BUILT_IN_NOTICE_ID).toBe("2026-11");
    expect(parseNoticeId("v3")).toEqual({ version: 3 });
    expect(parseNoticeId("2026-11")).toEqual({ builtIn: true });
    for (const bad of ["v0", "v01", "3", "v-1", "v1.5", "../etc", "v99999999999", ""])
      expect(parseNoticeId(bad)).toBeNull();
  });

  it("fills the built-in notice with the clinic's retention period and contact details", () => {
    const text = builtInNotice({
      name: "Riverside Spine",
      email: "hello@riverside.test",
      phone: "555 0100",
      address: "1 River Road",
      retentionYears: 10,
    });
    for (const part of ["10 years after your last contact", "hello@riverside.test", "555 0100", "1 River Road"])
      expect(text).toContain(part);
    for (const topic of ["## What we collect", "## Why we use it", "## Who sees it", "## How long we keep it"])
      expect(text).toContain(topic);
    expect(text).toMatch(/copy of everything/);
    expect(text).toMatch(/erase your information/);
    const blocks = noticeBlocks(text);
    expect(blocks.filter((b) => b.kind === "heading").length).toBeGreaterThanOrEqual(6);
    expect(builtInNotice({ name: null, email: null, phone: null, address: null, retentionYears: 1 })).toContain(
      "1 year after",
    );
  });

  it("asks for the whole text and a line on what changed", () => {
    const r = publishNoticeSchema.safeParse({ body: "too short", summary: "" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["body", "summary"]));
    expect(publishNoticeSchema.safeParse({ body: "x".repeat(150), summary: "Line\u0000" }).success).toBe(false);
    expect(publishNoticeSchema.safeParse({ body: "x".repeat(150), summary: "Added our email provider" }).success).toBe(
      true,
    );
  });
});

describe("erasure", () => {
  it("gives a pseudonym from a random code, and an address nothing can be delivered to", () => {
    const code = pseudonymCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const contact = erasedContact(code);
    expect(`${contact.firstName} ${contact.lastName}`).toBe(`Erased patient ${code}`);
    expect(isErasedAddress(contact.email)).toBe(true);
    expect(isErasedAddress("ERASED-AB@Erased.Invalid")).toBe(true);
    expect(isErasedAddress("ann@example.com")).toBe(false);
    expect(new Set(Array.from({ length: 50 }, pseudonymCode)).size).toBeGreaterThan(45);
  });

  it("refuses a reason that quotes the patient: their name as a word, email or phone number", () => {
    const p = { firstName: "Ann", lastName: "Marsh", email: "ann.marsh@example.com", phone: "+1 (555) 010-2000" };
    expect(quotesPatient("Patient asked by email on 3 March", p)).toBe(false);
    expect(quotesPatient("Annual clean-up request", p)).toBe(false); // "Ann" inside another word
    expect(quotesPatient("Ms MARSH asked by phone", p)).toBe(true);
    expect(quotesPatient("Sent from ann.marsh@example.com", p)).toBe(true);
    expect(quotesPatient("Called back on 555 010 2000", p)).toBe(false); // not the whole number
    expect(quotesPatient("Called back on 1 555 010 2000", p)).toBe(true);
  });

  it("needs a reason of at least 10 characters and the typed last name", () => {
    const id = "3b244471-d441-427a-ae3d-f89947a0c98a";
    const r = eraseSchema.safeParse({ intakeId: id, reason: "short", confirm: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["confirm", "reason"]);
    expect(eraseSchema.safeParse({ intakeId: "not-an-id", reason: "The patient asked", confirm: "x" }).success).toBe(
      false,
    );
  });
});

describe("the audit trail's words for privacy events", () => {
  it("names each new action plainly, and lists it for the trail's filter", () => {
    const actions = [
      "patient_exported",
      "patient_erased",
      "privacy_notice_published",
      "retention_period_changed",
      "retention_purge_completed",
    ];
    for (const action of actions) {
      expect(AUDIT_ACTIONS).toContain(action);
      expect(actionLabel(action)).not.toContain("_");
    }
    expect(actionLabel("patient_erased")).toBe("patient's personal data erased");
    expect(actionLabel("case_viewed")).toBe("case viewed");
  });
});
