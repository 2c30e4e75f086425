// The warning signs every page below EMERGENCY shows (triage-rules.md, "Levels", "Same-day safety net").
import { describe, expect, it } from "vitest";
import { GO_NOW_HEADING, SAFETY_NET_LABELS, safetyNetContent, SAME_DAY_HEADING, WARNING_SIGNS } from "@/lib/content";
import { SAFETY_NET_SYMPTOMS, safetyNet, type IntakeAnswers } from "@/lib/triage";
import { calm, early, NOW } from "../triage/calm";

const netFor = (answers: IntakeAnswers) => safetyNet(answers, { now: NOW, timeZone: "UTC" });

describe("the fixed nerve-compression warning signs", () => {
  it("are the spec's five signs in plain words", () => {
    const [saddle, urine, leaking, bowel, legs] = WARNING_SIGNS.signs;
    expect(saddle).toMatch(/Numbness or tingling between your legs, around your genitals or around your back passage/);
    expect(urine).toMatch(/New difficulty passing urine.*not being able to pass urine at all/);
    expect(urine).toMatch(/If you cannot pass urine at all, call an ambulance/);
    expect(leaking).toMatch(/Leaking urine, or not feeling urine/);
    expect(bowel).toMatch(/Loss of control of your bowels, or not feeling when your bowel is full/);
    expect(legs).toBe("Weakness in both legs");
    expect(WARNING_SIGNS.signs).toHaveLength(5);
  });

  it("list only signs that grade EMERGENCY for everyone (a leg giving way does not)", () => {
    expect(WARNING_SIGNS.signs.join(" ")).not.toMatch(/giving way|gives way/);
  });

  it("say go to an emergency department now, and to fill the form in again if anything changes", () => {
    expect(WARNING_SIGNS.heading).toMatch(/Go to an emergency department now/);
    expect(WARNING_SIGNS.action).toMatch(/Do not drive yourself/);
    expect(WARNING_SIGNS.refill).toMatch(/fill the form in again/);
  });
});

describe("the safety net on the page", () => {
  it("has words for every safety-net symptom of the engine", () => {
    expect(Object.keys(SAFETY_NET_LABELS).sort()).toEqual([...SAFETY_NET_SYMPTOMS].sort());
    expect(SAFETY_NET_LABELS.SN_WALK).toBe("New unsteadiness or trouble walking (not just because it hurts)");
    expect(SAFETY_NET_LABELS.SN_NIGHT).toBe("Pain that stops you sleeping every night");
  });

  it("puts the fixed signs first under go now, then the patient's go-now symptoms, and the rest under same day", () => {
    const net = netFor(calm());
    const page = safetyNetContent(net);
    expect(page.goNow.heading).toBe(GO_NOW_HEADING);
    expect(GO_NOW_HEADING).toBe("Go to an emergency department now (call an ambulance if you cannot get there safely)");
    expect(page.goNow.items.slice(0, 5)).toEqual(WARNING_SIGNS.signs);
    expect(page.goNow.items.slice(5)).toEqual(net.goNow.map((s) => SAFETY_NET_LABELS[s]));
    // New confusion grades EMERGENCY for everyone (E5).
    expect(page.goNow.items).toContain(SAFETY_NET_LABELS.SN_CONFUSION);
    expect(page.sameDay?.heading).toBe(SAME_DAY_HEADING);
    expect(SAME_DAY_HEADING).toBe("Get help the same day: call the clinic, or NHS 111 when it is closed");
    expect(safetyNetContent(net, " NHS 111 (call 111) ").sameDay?.heading).toBe(
      "Get help the same day: call the clinic, or NHS 111 (call 111) when it is closed",
    );
    expect(safetyNetContent(net, "  ").sameDay?.heading).toBe(SAME_DAY_HEADING);
    expect(page.sameDay?.items).toEqual(net.sameDay.map((s) => SAFETY_NET_LABELS[s]));
    expect(page.refill).toMatch(/fill the form in again/);
  });

  it("lists every symptom under go now for an early submission (X1)", () => {
    const page = safetyNetContent(netFor(early("nerve-check")));
    expect(page.sameDay).toBeNull();
    expect(page.goNow.items).toHaveLength(5 + SAFETY_NET_SYMPTOMS.length);
  });

  it("shows the fixed signs only, under go now, for a 2026.11 intake (that version has no safety net)", () => {
    const page = safetyNetContent(null);
    expect(page.goNow.items).toEqual(WARNING_SIGNS.signs);
    expect(page.sameDay).toBeNull();
  });

  it("labels the two lists with text, not colour alone", () => {
    const page = safetyNetContent(netFor(calm()));
    expect(page.goNow.tag).toBe("Go now");
    expect(page.sameDay?.tag).toBe("Same day");
  });
});
