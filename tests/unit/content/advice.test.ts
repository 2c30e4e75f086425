import { describe, expect, it } from "vitest";
import {
  CROSS_TRAINING,
  LEVEL_COPY,
  NO_EXERCISE,
  RUNNING_PAIN_RULES,
  SELF_CARE_SECTIONS,
  selfCareAdvice,
  soonAdvice,
  STAYING_ACTIVE,
  STOP_IMPACT_SPORT,
  STOP_RUNNING,
  urgentCallText,
  WHEN_TO_COME_BACK,
  YOUNG_SPORT,
  type AdviceSection,
} from "@/lib/content";
import { LEVELS } from "@/lib/triage";
import { adviceText, stringsIn } from "./support";

const text = (section: { points: readonly string[] }) => section.points.join(" ");

describe("level copy", () => {
  it("has words for every level the engine grades", () => {
    expect(Object.keys(LEVEL_COPY).sort()).toEqual([...LEVELS].sort());
    for (const level of LEVELS) {
      const copy = LEVEL_COPY[level];
      expect(copy.heading.trim(), level).not.toBe("");
      expect(copy.meaning.trim(), level).not.toBe("");
      expect(copy.doNow.length, level).toBeGreaterThan(0);
    }
  });

  it("gives each level its own text label, so colour is never the only signal", () => {
    const labels = LEVELS.map((level) => LEVEL_COPY[level].label);
    expect(new Set(labels).size).toBe(LEVELS.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][\w-]+: /);
  });

  it("uses the NHS care card that matches the urgency", () => {
    expect(LEVEL_COPY.EMERGENCY.card).toBe("immediate");
    expect(LEVEL_COPY.URGENT.card).toBe("urgent");
    for (const level of ["SOON", "ROUTINE", "SELF_CARE"] as const) expect(LEVEL_COPY[level].card).toBe("non_urgent");
  });

  it("tells EMERGENCY patients to go now and not to drive", () => {
    expect(LEVEL_COPY.EMERGENCY.heading).toBe("Go to an emergency department now");
    expect(LEVEL_COPY.EMERGENCY.doNow.join(" ")).toContain("Do not drive yourself");
  });

  it("names the patient's phone number in the URGENT call text, and does not promise a call when the clinic may be closed", () => {
    expect(urgentCallText("+44 7700 900123")).toContain("on +44 7700 900123.");
    expect(urgentCallText("  020 7946 0000 ")).toContain("on 020 7946 0000.");
    expect(LEVEL_COPY.URGENT.heading).toMatch(/clinician today/);
    expect(LEVEL_COPY.URGENT.label).not.toMatch(/call you/);
  });

  it("tells SOON patients to book within 7 days", () => {
    expect(LEVEL_COPY.SOON.heading).toContain("7 days");
  });
});

describe("self-care advice", () => {
  it("covers the 6 topics in page order", () => {
    expect(SELF_CARE_SECTIONS.map((s) => s.id)).toEqual([
      "staying_active",
      "pain_relief",
      "running_pain_rules",
      "cross_training",
      "return_to_running",
      "when_to_come_back",
    ]);
  });

  it("shows the running sections only to runners", () => {
    expect(selfCareAdvice({ isRunner: false }).map((s) => s.id)).toEqual([
      "staying_active",
      "pain_relief",
      "when_to_come_back",
    ]);
    expect(selfCareAdvice({ isRunner: true })).toEqual(SELF_CARE_SECTIONS);
  });

  it("says bed rest slows recovery", () => {
    expect(text(SELF_CARE_SECTIONS[0]!)).toMatch(/bed .*last longer/);
  });

  it("gives no drug names or doses in the pain relief advice", () => {
    const relief = text(SELF_CARE_SECTIONS[1]!);
    expect(relief).toMatch(/pharmacist/);
    expect(relief).toMatch(/[Hh]eat/);
    expect(relief).not.toMatch(/\d+\s*(mg|g|ml|tablets?)\b|paracetamol|ibuprofen|naproxen|codeine/i);
  });

  it("carries the running pain rules", () => {
    const rules = text(RUNNING_PAIN_RULES);
    expect(rules).toMatch(/stronger during a run/);
    expect(rules).toMatch(/dull ache to a sharp pain/);
    expect(rules).toMatch(/24 hours/);
    expect(rules).toMatch(/limp/);
  });

  it("carries the return-to-running steps", () => {
    const back = text(SELF_CARE_SECTIONS[4]!);
    expect(back).toMatch(/brisk pace/);
    expect(back).toMatch(/half to three-quarters/);
    expect(back).toMatch(/flat ground/);
    expect(back).toMatch(/run for 1 minute, then walk/);
    expect(back).toMatch(/not both/);
  });

  it("says when to come back, and to go to the emergency department for a warning sign", () => {
    const back = text(WHEN_TO_COME_BACK);
    expect(back).toMatch(/not better after 2 weeks/);
    expect(back).toMatch(/worse/);
    expect(back).toMatch(/leg/);
    expect(back).toMatch(/warning signs, go to the emergency department/);
  });
});

describe("SOON advice", () => {
  const V = "2026.12";
  const soon = (ids: string[], isRunner = true) =>
    soonAdvice({ firedRuleIds: ids, version: V, isRunner, emergencyNumber: "999" });
  const all = (sections: readonly AdviceSection[]) => stringsIn(sections).join("\n");

  it.each(["S1", "S5", "S6", "S7", "S8", "S9", "S10", "S12", "S13", "S14"])(
    "%s (possible cancer, fracture, nerve deficit or infection): no running or new exercise until seen, no running rules or cross-training",
    (id) => {
      const sections = soon([id]);
      expect(sections).toContain(NO_EXERCISE);
      expect(text(NO_EXERCISE)).toContain("Do not run or start any new exercise until you have been seen.");
      expect(sections).not.toContain(RUNNING_PAIN_RULES);
      expect(sections).not.toContain(CROSS_TRAINING);
      expect(sections).not.toContain(STAYING_ACTIVE);
      expect(all(sections)).not.toMatch(/planks|bridges|run for 1 minute|A mild ache that stays the same can be OK/);
    },
  );

  it("keeps runners off running when a no-exercise rule fires with a running-rules one", () => {
    const sections = soon(["S2", "S7"]);
    expect(sections).toContain(NO_EXERCISE);
    expect(sections).not.toContain(RUNNING_PAIN_RULES);
  });

  it.each(["S2", "S4", "S6d", "S11"])("%s keeps the running-pain rules for runners", (id) => {
    expect(soon([id])).toContain(RUNNING_PAIN_RULES);
    expect(soon([id], false).some((s) => s.runnersOnly)).toBe(false);
  });

  it("S3a has its own text: back pain for 3 weeks in a young person needs checking; stop the sport that makes it worse", () => {
    const sections = soon(["S3a"]);
    expect(sections).toContain(YOUNG_SPORT);
    expect(text(YOUNG_SPORT)).toMatch(/back pain that lasts 3 weeks or more needs checking/);
    expect(text(YOUNG_SPORT)).toMatch(/Stop the sport that makes the pain worse until you have been seen/);
    expect(sections).not.toContain(STOP_RUNNING);
    expect(sections).not.toContain(RUNNING_PAIN_RULES);
  });

  it("S3a with S3b or S3c: the stop-running text instead", () => {
    const sections = soon(["S3a", "S3b"]);
    expect(sections).toContain(STOP_RUNNING);
    expect(sections).not.toContain(YOUNG_SPORT);
    expect(text(STOP_RUNNING)).toMatch(/Stop running and impact sport until a clinician has checked you/);
  });

  it("does not tell a teenager who does not run about running injuries", () => {
    for (const ids of [["S3a"], ["S3c"], ["S3a", "S3c"]]) {
      const sections = soon(ids, false);
      expect(all(sections), ids.join()).not.toMatch(/\brunn?(ing)?\b/i);
    }
    expect(soon(["S3c"], false)).toContain(STOP_IMPACT_SPORT);
  });

  it("adds the S9, S11, S12, S13 and S14 lines", () => {
    const lines = (id: string) => all(soon([id]).filter((s) => s.id === "soon_sooner"));
    expect(lines("S9")).toMatch(
      /weakness gets worse or spreads to your other leg, or you get changes in your bladder, bowel/,
    );
    expect(lines("S11")).toMatch(
      /pain changes, becomes sudden or severe, or you feel faint, call 999 for an ambulance/,
    );
    expect(lines("S12")).toMatch(/get worse, or your legs become weak, get help the same day/);
    expect(lines("S13")).toMatch(
      /walking gets worse, you become unsteady, or your hands become clumsy, go to an emergency department now/,
    );
    expect(lines("S14")).toMatch(
      /hand becomes weak or clumsy, or the tingling is there all day in both hands, go to an emergency department now/,
    );
    expect(lines("S2")).toBe("");
  });

  it("reads a 2026.11 intake's rules by their own wording (its S3a meant stop running)", () => {
    const sections = soonAdvice({ firedRuleIds: ["S3a"], version: "2026.11", isRunner: true, emergencyNumber: null });
    expect(sections).toContain(STOP_RUNNING);
  });
});

describe("hopping", () => {
  it("never invites a hop: no advice mentions hopping at all", () => {
    for (const line of adviceText()) expect(line).not.toMatch(/\bhop(s|ping)?\b/i);
  });
});
