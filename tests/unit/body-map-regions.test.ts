import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isRegion,
  legPainFromRegions,
  locationsFromRegions,
  parseRegions,
  REGION_LABELS,
  REGIONS,
  type Region,
} from "@/lib/intake-form/regions";
import { VIEWS } from "@/app/intake/_components/body-map/figure-shapes";
import { PAIN_LOCATIONS } from "@/lib/triage";

const regionsArb = fc
  .subarray([...REGIONS])
  .chain((picked) => fc.shuffledSubarray(picked, { minLength: picked.length }));

describe("legPainFromRegions", () => {
  it.each<[Region[], ReturnType<typeof legPainFromRegions>]>([
    [[], "none"],
    [["low_back", "buttock", "thoracic", "abdomen_or_pelvis", "hip_or_groin"], "none"],
    [["left_thigh"], "above_knee"],
    [["left_thigh", "right_thigh", "low_back"], "above_knee"],
    [["right_lower_leg"], "below_knee_one_side"],
    [["left_lower_leg", "left_thigh", "right_thigh"], "below_knee_one_side"],
    [["left_lower_leg", "right_lower_leg"], "below_knee_both_sides"],
    [["right_lower_leg", "buttock", "left_lower_leg"], "below_knee_both_sides"],
  ])("grades %j as %s", (regions, expected) => {
    expect(legPainFromRegions(regions)).toBe(expected);
  });

  it("never reads pain as further down the legs when a region is taken away", () => {
    const depth = ["none", "above_knee", "below_knee_one_side", "below_knee_both_sides"];
    fc.assert(
      fc.property(regionsArb, fc.nat(), (regions, n) => {
        const fewer = regions.filter((_, i) => i !== n % Math.max(regions.length, 1));
        expect(depth.indexOf(legPainFromRegions(fewer))).toBeLessThanOrEqual(
          depth.indexOf(legPainFromRegions(regions)),
        );
      }),
    );
  });
});

describe("locationsFromRegions", () => {
  it("keeps the trunk places and drops the legs", () => {
    expect(locationsFromRegions(["left_thigh", "thoracic", "right_lower_leg", "low_back"])).toEqual([
      "low_back",
      "thoracic",
    ]);
  });

  it("records the hip or groin as a pain place, not as leg pain", () => {
    expect(locationsFromRegions(["hip_or_groin", "left_thigh"])).toEqual(["hip_or_groin"]);
    expect(legPainFromRegions(["hip_or_groin"])).toBe("none");
  });

  it("returns nothing for legs alone", () => {
    expect(locationsFromRegions(["left_thigh", "right_lower_leg"])).toEqual([]);
  });

  it("gives every place once, in the triage schema's order, whatever the input order or repeats", () => {
    fc.assert(
      fc.property(regionsArb, (regions) => {
        const places = locationsFromRegions([...regions, ...regions]);
        expect(places).toEqual(PAIN_LOCATIONS.filter((p) => regions.includes(p)));
      }),
    );
  });
});

describe("parseRegions", () => {
  it("keeps known regions once each, in list order, and drops anything else", () => {
    expect(parseRegions(["right_thigh", "neck", "low_back", "right_thigh", 3, null])).toEqual([
      "low_back",
      "right_thigh",
    ]);
  });
});

describe("the region list", () => {
  it("labels every region in plain words, each label different", () => {
    const labels = REGIONS.map((r) => REGION_LABELS[r]);
    expect(new Set(labels).size).toBe(REGIONS.length);
    expect(labels).toContain("Tummy or pelvis");
    expect(labels).toContain("Hip or groin");
  });

  it("covers every pain location the triage schema knows", () => {
    for (const place of PAIN_LOCATIONS) expect(isRegion(place)).toBe(true);
    expect(isRegion("neck")).toBe(false);
  });
});

describe("the body figure", () => {
  it("draws every region, the hip or groin on the front", () => {
    const drawn = VIEWS.flatMap((v) => v.regions.map((r) => r.region));
    for (const region of REGIONS) expect(drawn, region).toContain(region);
    expect(VIEWS.find((v) => v.id === "front")?.regions.map((r) => r.region)).toContain("hip_or_groin");
  });

  it("makes every region a target of at least 44 × 44 CSS px when a view is drawn 120 px wide", () => {
    const minUnits = (44 * 180) / 120; // the view box is 180 units wide
    for (const view of VIEWS) {
      for (const { region, d, hit } of view.regions) {
        for (const box of Array.isArray(hit) ? hit : [hit]) {
          // The target is the hit box and the drawn shape on the same side of the body together.
          const left = box.x + box.width / 2 < 100;
          const xs = [...d.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)]
            .map((m) => Number(m[1]))
            .filter((x) => (left ? x <= 100 : x >= 100));
          const across = Math.max(box.x + box.width, ...xs) - Math.min(box.x, ...xs);
          expect(box.height, `${view.id} ${region} height`).toBeGreaterThanOrEqual(minUnits);
          expect(Math.max(box.width, across), `${view.id} ${region} width`).toBeGreaterThanOrEqual(minUnits);
        }
      }
    }
  });
});
