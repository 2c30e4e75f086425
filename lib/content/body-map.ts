// Labels for the body map on the "where it hurts" page. The 5 back, tummy and hip regions are the
// contract's pain.locations values; the 4 leg regions give legs.legPain.
import type { IntakeAnswers } from "@/lib/triage";

export type PainLocation = IntakeAnswers["pain"]["locations"][number];

export type LegRegion =
  | "left_leg_above_knee"
  | "right_leg_above_knee"
  | "left_leg_below_knee"
  | "right_leg_below_knee";

export type BodyRegion = PainLocation | LegRegion;

/** Every body map region with its label, top of the body first. */
export const BODY_REGION_LABELS: { readonly [R in BodyRegion]: string } = {
  thoracic: "Upper or middle back",
  low_back: "Lower back",
  buttock: "Buttocks",
  abdomen_or_pelvis: "Tummy or pelvis",
  hip_or_groin: "Hip or groin",
  left_leg_above_knee: "Left leg above the knee",
  right_leg_above_knee: "Right leg above the knee",
  left_leg_below_knee: "Left leg below the knee",
  right_leg_below_knee: "Right leg below the knee",
};

/** The regions in the order they are read out, top of the body first. */
export const BODY_REGIONS = Object.keys(BODY_REGION_LABELS) as readonly BodyRegion[];

/** Shown beside the map so left and right are never mirrored. */
export const BODY_MAP_HINT = "Left and right mean your own left and right. Choose all the places that hurt.";

const PAIN_LOCATION_SET: ReadonlySet<string> = new Set<PainLocation>([
  "thoracic", "low_back", "buttock", "abdomen_or_pelvis", "hip_or_groin",
]);

/** What a region covers, where its name alone may not say (shown under its tick box). */
export const BODY_REGION_HINTS: { readonly [R in BodyRegion]?: string } = {
  hip_or_groin: "The front or side of your hip, or your groin.",
};

/** True for the regions stored in pain.locations; false for the leg regions. */
export function isPainLocation(region: BodyRegion): region is PainLocation {
  return PAIN_LOCATION_SET.has(region);
}
