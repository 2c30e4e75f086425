import { describe, expect, it } from "vitest";
import type { IntakeAnswers } from "@/lib/triage";
import { functionBand, scoreFunction, scoreOutlook } from "@/lib/triage";

type Outlook = NonNullable<IntakeAnswers["outlook"]>;
type Sections = NonNullable<IntakeAnswers["function"]>["sections"];

const items = (...agreed: number[]) => [1, 2, 3, 4, 5, 6, 7, 8].map((n) => agreed.includes(n)) as Outlook["items"];

describe("recovery outlook score", () => {
  it("is null when the screen was not collected", () => {
    expect(scoreOutlook(null)).toBeNull();
  });

  it("scores nothing agreed and no bother as 0, low risk", () => {
    expect(scoreOutlook({ items: items(), bothersomeness: "not_at_all" })).toEqual({
      total: 0,
      psychosocial: 0,
      risk: "low",
    });
  });

  it("scores everything agreed and extreme bother as 9 and 5, high risk", () => {
    const all = items(1, 2, 3, 4, 5, 6, 7, 8);
    expect(scoreOutlook({ items: all, bothersomeness: "extremely" })).toEqual({
      total: 9,
      psychosocial: 5,
      risk: "high",
    });
  });

  it.each([
    ["not_at_all", 0],
    ["slightly", 0],
    ["moderately", 0],
    ["very_much", 1],
    ["extremely", 1],
  ] as const)("gives item 9 '%s' %i point to both totals", (bothersomeness, point) => {
    expect(scoreOutlook({ items: items(1, 5), bothersomeness })).toMatchObject({
      total: 2 + point,
      psychosocial: 1 + point,
    });
  });

  it("counts only items 5 to 8 (and the item-9 point) as psychosocial", () => {
    expect(scoreOutlook({ items: items(1, 2, 3, 4), bothersomeness: "slightly" })).toMatchObject({
      total: 4,
      psychosocial: 0,
    });
  });

  it.each([
    ["total 3 → low", items(1, 2, 3), "slightly", "low"],
    ["total 4 with psychosocial 0 → medium", items(1, 2, 3, 4), "slightly", "medium"],
    ["total 4 with psychosocial 3 → medium", items(1, 5, 6, 7), "slightly", "medium"],
    ["psychosocial 4 → high", items(5, 6, 7, 8), "slightly", "high"],
    ["psychosocial 4 through item 9 → high", items(5, 6, 7), "very_much", "high"],
    ["total 3 via item 9 → low", items(1, 2), "extremely", "low"],
  ] as const)("bands %s", (_name, agreed, bothersomeness, risk) => {
    expect(scoreOutlook({ items: agreed, bothersomeness })?.risk).toBe(risk);
  });
});

describe("daily function score", () => {
  const ten = (...values: Sections) => ({ sections: values });

  it("is null when not collected", () => {
    expect(scoreFunction(null)).toBeNull();
  });

  it("scores all zeros as 0% minimal and all fives as 100% bed-bound", () => {
    expect(scoreFunction(ten(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).toEqual({
      percent: 0,
      band: "minimal",
      answeredSections: 10,
    });
    expect(scoreFunction(ten(5, 5, 5, 5, 5, 5, 5, 5, 5, 5))).toEqual({
      percent: 100,
      band: "bed_bound",
      answeredSections: 10,
    });
  });

  it("divides by the answered sections only, to one decimal", () => {
    // 9 answered, sum 10: 10 / 45 = 22.22… → 22.2
    expect(scoreFunction(ten(5, 5, 0, 0, 0, 0, 0, 0, 0, null))).toEqual({
      percent: 22.2,
      band: "moderate",
      answeredSections: 9,
    });
    // 8 answered, sum 9: 9 / 40 = 22.5
    expect(scoreFunction(ten(5, 4, 0, 0, 0, 0, 0, 0, null, null))?.percent).toBe(22.5);
    // 9 answered, sum 1: 1 / 45 = 2.22… → 2.2; sum 2 → 4.4; sum 5 → 11.1
    expect(scoreFunction(ten(1, 0, 0, 0, 0, 0, 0, 0, 0, null))?.percent).toBe(2.2);
    expect(scoreFunction(ten(2, 0, 0, 0, 0, 0, 0, 0, 0, null))?.percent).toBe(4.4);
    expect(scoreFunction(ten(5, 0, 0, 0, 0, 0, 0, 0, 0, null))?.percent).toBe(11.1);
  });

  it("needs at least 8 answered sections", () => {
    expect(scoreFunction(ten(1, 1, 1, 1, 1, 1, 1, 1, null, null))?.answeredSections).toBe(8);
    expect(scoreFunction(ten(1, 1, 1, 1, 1, 1, 1, null, null, null))).toBeNull();
    expect(scoreFunction(ten(null, null, null, null, null, null, null, null, null, null))).toBeNull();
  });

  it.each([
    [0, "minimal"],
    [20, "minimal"],
    [20.5, "moderate"],
    [21, "moderate"],
    [40, "moderate"],
    [40.5, "severe"],
    [41, "severe"],
    [60, "severe"],
    [60.5, "crippling"],
    [80, "crippling"],
    [80.5, "bed_bound"],
    [100, "bed_bound"],
  ] as const)("places %d%% in the %s band", (percent, band) => {
    expect(functionBand(percent)).toBe(band);
  });

  it("places the band edges reachable with 8, 9 or 10 answers in the spec's integer bands", () => {
    expect(scoreFunction(ten(5, 5, 0, 0, 0, 0, 0, 0, 0, 0))).toMatchObject({ percent: 20, band: "minimal" });
    expect(scoreFunction(ten(5, 5, 1, 0, 0, 0, 0, 0, 0, 0))).toMatchObject({ percent: 22, band: "moderate" });
    expect(scoreFunction(ten(5, 5, 5, 3, 0, 0, 0, 0, 0, null))).toMatchObject({ percent: 40, band: "moderate" });
    expect(scoreFunction(ten(5, 5, 5, 4, 0, 0, 0, 0, 0, null))).toMatchObject({ percent: 42.2, band: "severe" });
    expect(scoreFunction(ten(5, 5, 5, 5, 5, 5, 2, 0, null, null))).toMatchObject({ percent: 80, band: "crippling" });
    expect(scoreFunction(ten(5, 5, 5, 5, 5, 5, 3, 0, null, null))).toMatchObject({ percent: 82.5, band: "bed_bound" });
  });

  it("never finds a reachable percent strictly inside a gap between the spec's integer bands", () => {
    for (let answered = 8; answered <= 10; answered++) {
      for (let sum = 0; sum <= 5 * answered; sum++) {
        const sections = Array.from({ length: 10 }, (_, i) =>
          i < answered ? Math.max(0, Math.min(5, sum - 5 * i)) : null,
        ) as Sections;
        const percent = scoreFunction({ sections })!.percent;
        for (const edge of [20, 40, 60, 80]) expect(percent > edge && percent < edge + 1).toBe(false);
      }
    }
  });
});
