// The body map component; its regions and their mapping live in lib/intake-form/regions.ts.
export { BodyMap } from "./body-map";
export type { BodyMapProps } from "./body-map";
export {
  isRegion,
  legPainFromRegions,
  locationsFromRegions,
  parseRegions,
  REGION_LABELS,
  REGIONS,
} from "@/lib/intake-form/regions";
export type { LegPain, PainLocation, Region } from "@/lib/intake-form/regions";
