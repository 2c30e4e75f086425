// The body-map regions (the one home of this vocabulary) and how they map onto the intake answers.
// Pure and framework-free: the form's parsing, the check-answers rows, the question words and the
// body-map component all read it.
import type { IntakeAnswers } from "@/lib/triage";

/** Every region a patient can mark, in the order the checkbox list shows them. */
export const REGIONS = [
  "thoracic",
  "low_back",
  "buttock",
  "abdomen_or_pelvis",
  "hip_or_groin",
  "left_thigh",
  "right_thigh",
  "left_lower_leg",
  "right_lower_leg",
] as const;

export type Region = (typeof REGIONS)[number];

/** Plain-language label of each region; left and right are always the patient's own. */
export const REGION_LABELS: Readonly<Record<Region, string>> = {
  thoracic: "Upper or middle back",
  low_back: "Lower back",
  buttock: "Buttocks",
  abdomen_or_pelvis: "Tummy or pelvis",
  hip_or_groin: "Hip or groin",
  left_thigh: "Left leg, above the knee",
  right_thigh: "Right leg, above the knee",
  left_lower_leg: "Left leg, below the knee",
  right_lower_leg: "Right leg, below the knee",
};

/** What a region covers, where its name alone may not say (shown under its tick box). */
export const REGION_HINTS: Readonly<Partial<Record<Region, string>>> = {
  hip_or_groin: "The front or side of your hip, or your groin.",
};

// Typed from the triage schema, so a change there breaks the build here rather than the answers.
export type PainLocation = IntakeAnswers["pain"]["locations"][number];
export type LegPain = NonNullable<IntakeAnswers["legs"]>["legPain"];

const LOCATIONS: readonly PainLocation[] = ["low_back", "buttock", "thoracic", "abdomen_or_pelvis", "hip_or_groin"];

/** Whether a value (say, a submitted form field) names a region. */
export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}

/** The known regions among submitted values (e.g. `form.getAll("regions")`), once each, in list order. */
export function parseRegions(values: readonly unknown[]): Region[] {
  return REGIONS.filter((region) => values.includes(region));
}

/** How far down the legs the pain goes: any lower leg counts before the thighs. */
export function legPainFromRegions(regions: readonly Region[]): LegPain {
  const left = regions.includes("left_lower_leg");
  const right = regions.includes("right_lower_leg");
  if (left && right) return "below_knee_both_sides";
  if (left || right) return "below_knee_one_side";
  if (regions.includes("left_thigh") || regions.includes("right_thigh")) return "above_knee";
  return "none";
}

/** The places on the trunk that the triage answers record as pain locations, once each. */
export function locationsFromRegions(regions: readonly Region[]): PainLocation[] {
  return LOCATIONS.filter((place) => regions.includes(place));
}
