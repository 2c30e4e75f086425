// The return-to-run programme: its stages, the weekly check-in and its decision, and the exercise cards.
export type { Stage, StageKey } from "./stages";
export { PROGRAMME_VERSION, stageAt, STAGES } from "./stages";
export type { Decision, DecisionAction, DecisionReason, PainWent, ProgrammeCheckin, WarningSign } from "./decide";
export {
  decide,
  isRedFlagSign,
  PAIN_WENT,
  PAIN_WENT_WORDS,
  programmeCheckinSchema,
  REASON_WORDS,
  WARNING_SIGN_WORDS,
  WARNING_SIGNS,
} from "./decide";
export type { Exercise, ExercisePurpose, FigureKey } from "./exercises";
export { EXERCISES, FIGURE_KEYS, FIGURE_WORDS, PURPOSE_WORDS } from "./exercises";
