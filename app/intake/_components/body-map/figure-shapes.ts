// Geometry of the body-map figure: one drawing per view, the body centred on x = 100, shown through a
// 180 × 660 window. Each region has a visible shape and a larger invisible hit box, so that even a
// thin limb is a target of at least 44 × 44 CSS px when a view is drawn 120 px wide (the smallest
// 70-unit box is then 46 px; a 360 px phone draws each view about 156 px wide).
import type { Region } from "@/lib/intake-form/regions";

const MIRROR = 200; // x → MIRROR − x reflects about the body's midline
export const VIEW_BOX = "10 0 180 660";

export type Box = { x: number; y: number; width: number; height: number };
/** A region may have 2 separate shapes (the hip and groin on each side), each with its own hit box. */
export type FigureRegion = { region: Region; d: string; hit: Box | readonly Box[] };
export type FigureView = {
  id: "back" | "front";
  title: string;
  note: string;
  regions: readonly FigureRegion[];
  /** Parts of the body that are not choices here (head, arms, and the chest on the front). */
  plain: readonly string[];
  /** Thin marks that help tell the views apart. */
  marks: readonly string[];
  /** Whose side is which, under the feet, from the viewer's left to right. */
  sides: readonly ["left" | "right", "left" | "right"];
};

// Paths use only absolute M, L, Q commands with "x y" pairs, so mirroring is a matter of x → 200 − x.
const mirror = (d: string) =>
  d.replace(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${MIRROR - Number(x)} ${y}`);
const mirrorBox = (b: Box): Box => ({ ...b, x: MIRROR - b.x - b.width });

const HEAD = "M 100 8 Q 131 8 131 41 Q 131 74 100 74 Q 69 74 69 41 Q 69 8 100 8 Z";
const NECK = "M 90 66 L 90 88 L 110 88 L 110 66 Z";
const ARM = "M 62 94 Q 42 96 40 118 L 33 228 L 29 296 Q 27 326 39 327 Q 49 326 46 300 L 50 232 L 57 132 Z";
const UPPER_TRUNK = "M 90 84 Q 64 86 58 100 L 63 205 L 137 205 L 142 100 Q 136 86 110 84 Z";
const LOWER_BACK = "M 63 205 L 65 238 Q 61 258 58 275 L 142 275 Q 139 258 135 238 L 137 205 Z";
const BUTTOCKS =
  "M 58 275 Q 55 300 57 322 Q 58 340 62 352 Q 82 360 99 352 L 101 352 Q 118 360 138 352 Q 142 340 143 322 Q 145 300 142 275 Z";
// The front of the pelvis is split along the groin creases, from the side of each hip to the crotch:
// the tummy and pelvis above and between them, the hip and groin below and outside them.
const TUMMY_AND_PELVIS =
  "M 63 205 L 65 238 Q 61 258 58 275 L 57 282 L 99 352 L 101 352 L 143 282 L 142 275 Q 139 258 135 238 L 137 205 Z";
const GROIN = "M 57 282 Q 55 300 57 322 Q 58 340 62 352 Q 82 360 99 352 Z";
const HIP_AND_GROIN = `${GROIN} ${mirror(GROIN)}`;
// Beside each hip, out to the edge of the view: with the drawn groin it is more than 66 units (44 CSS px at
// 120 px wide) across, and it barely covers the tummy. Drawn after the tummy's, so it wins where they meet.
const GROIN_HIT: Box = { x: 10, y: 286, width: 58, height: 66 };
const THIGH = "M 62 352 Q 82 360 99 352 L 97 470 L 68 470 Q 57 412 62 352 Z";
const LOWER_LEG = "M 68 472 L 97 472 Q 97 530 93 570 Q 95 584 96 596 Q 84 604 70 600 Q 70 586 75 570 Q 62 522 68 472 Z";

// Hit boxes meet at the midline and at the knee, and stop short of the hands.
const THIGH_HIT: Box = { x: 14, y: 352, width: 86, height: 119 };
const LOWER_LEG_HIT: Box = { x: 14, y: 471, width: 86, height: 137 };

/** A leg pair: `near` is the one drawn on the viewer's left. */
const legs = (near: "left" | "right", far: "left" | "right"): FigureRegion[] => [
  { region: `${near}_thigh`, d: THIGH, hit: THIGH_HIT },
  { region: `${far}_thigh`, d: mirror(THIGH), hit: mirrorBox(THIGH_HIT) },
  { region: `${near}_lower_leg`, d: LOWER_LEG, hit: LOWER_LEG_HIT },
  { region: `${far}_lower_leg`, d: mirror(LOWER_LEG), hit: mirrorBox(LOWER_LEG_HIT) },
];

const LIMBS = [HEAD, NECK, ARM, mirror(ARM)];

export const VIEWS: readonly FigureView[] = [
  {
    id: "back",
    title: "Back",
    note: "from behind",
    // From behind, the patient's left is on the viewer's left.
    regions: [
      { region: "thoracic", d: UPPER_TRUNK, hit: { x: 56, y: 80, width: 88, height: 125 } },
      { region: "low_back", d: LOWER_BACK, hit: { x: 52, y: 205, width: 96, height: 70 } },
      { region: "buttock", d: BUTTOCKS, hit: { x: 50, y: 275, width: 100, height: 77 } },
      ...legs("left", "right"),
    ],
    plain: LIMBS,
    marks: ["M 100 96 L 100 262", "M 100 296 L 100 346"],
    sides: ["left", "right"],
  },
  {
    id: "front",
    title: "Front",
    note: "facing you",
    // Facing the viewer, the patient's left is on the viewer's right.
    regions: [
      { region: "abdomen_or_pelvis", d: TUMMY_AND_PELVIS, hit: { x: 52, y: 205, width: 96, height: 147 } },
      { region: "hip_or_groin", d: HIP_AND_GROIN, hit: [GROIN_HIT, mirrorBox(GROIN_HIT)] },
      ...legs("right", "left"),
    ],
    plain: [...LIMBS, UPPER_TRUNK],
    marks: [],
    sides: ["right", "left"],
  },
];
