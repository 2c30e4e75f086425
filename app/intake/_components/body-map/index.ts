// Server code (actions, pages that only need the helpers) may import "./regions" directly.
export { BodyMap } from "./body-map";
export type { BodyMapProps } from "./body-map";
export {
  isRegion,
  legPainFromRegions,
  locationsFromRegions,
  parseRegions,
  REGION_LABELS,
  REGIONS,
} from "./regions";
export type { LegPain, PainLocation, Region } from "./regions";
