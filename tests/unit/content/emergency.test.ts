import { describe, expect, it } from "vitest";
import { CLINIC_TOLD, EMERGENCY_REASON_ORDER, emergencyCard, emergencyReason } from "@/lib/content";
import { RULES } from "@/lib/triage";

describe("emergencyReason", () => {
  it.each([
    ["E1", "nerve_compression"], ["E2", "nerve_compression"], ["E3", "nerve_compression"],
    ["E8", "nerve_compression"], ["E4", "cancer_nerve"], ["E5", "infection"], ["E6", "aneurysm"], ["E7", "trauma"],
  ] as const)("shows the %s card as %s", (id, reason) => {
    expect(emergencyReason([id])).toBe(reason);
  });

  it("has a card for every EMERGENCY rule of the engine", () => {
    const emergencyIds = RULES.filter((rule) => rule.level === "EMERGENCY").map((rule) => rule.id);
    expect(emergencyIds.length).toBeGreaterThan(0);
    for (const id of emergencyIds) expect(emergencyReason([id]), id).not.toBeNull();
  });

  it("picks the most specific card: aneurysm, trauma, cancer, infection, then nerve compression", () => {
    expect(EMERGENCY_REASON_ORDER).toEqual(["aneurysm", "trauma", "cancer_nerve", "infection", "nerve_compression"]);
    expect(emergencyReason(["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"])).toBe("aneurysm");
    expect(emergencyReason(["E1", "E4", "E5", "E7"])).toBe("trauma");
    expect(emergencyReason(["E8", "E5", "E4"])).toBe("cancer_nerve");
    expect(emergencyReason(["E2", "E5"])).toBe("infection");
    expect(emergencyReason(["E1", "E8", "U8"])).toBe("nerve_compression");
  });

  it("does not depend on the order the ids come in", () => {
    expect(emergencyReason(["E1", "E6"])).toBe(emergencyReason(["E6", "E1"]));
  });

  it("returns null when no EMERGENCY rule fired, ignoring other and odd ids", () => {
    expect(emergencyReason([])).toBeNull();
    expect(emergencyReason(["U1", "S3b", "C1", "e1", "constructor", "__proto__", "toString"])).toBeNull();
  });
});

describe("emergencyCard", () => {
  it.each(EMERGENCY_REASON_ORDER)("tells the patient why and what to do for %s", (reason) => {
    const card = emergencyCard(reason, "999");
    expect(card.reason).toBe(reason);
    expect(card.title.trim()).not.toBe("");
    expect(card.why.trim()).not.toBe("");
    const steps = card.whatToDo.join(" ");
    expect(steps).toContain("emergency department now");
    expect(steps).toContain("Do not drive yourself");
    expect(steps).toMatch(/collapse, faint or feel faint.*call 999/);
    expect(card.clinicTold).toBe(CLINIC_TOLD);
    expect(card.clinicTold).toMatch(/clinic has been told and will call/);
  });

  it("falls back to \"the emergency number\" when the clinic has none set up", () => {
    for (const number of [null, "", "  "]) {
      const steps = emergencyCard("trauma", number).whatToDo.join(" ");
      expect(steps).toContain("call the emergency number");
      expect(steps).not.toContain("call  ");
    }
  });

  it("puts the clinic's number into every call step", () => {
    const steps = emergencyCard("aneurysm", " 112 ").whatToDo.filter((s) => s.includes("call "));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps) expect(step).toContain("call 112 ");
  });
});
