// Patient-facing words for BackTrack: pure data and tiny pure helpers, no framework imports.
export type {
  AdviceSection, CaudaCopy, ChoiceQuestion, ConfirmQuestion, ContactCopy, DateQuestion, FieldCopy, FunctionCopy,
  FunctionSectionCopy, FunctionSectionId, MultiChoiceQuestion, NumberQuestion, Option, Options, OutlookCopy,
  QuestionsCopy, SectionCopy, SixOptions, TextQuestion, Unknowable, YesNoQuestion,
} from "./types";
export type { StepId, Step } from "./steps";
export { getStep, stepNumber, STEPS } from "./steps";
export type { BodyRegion, LegRegion, PainLocation } from "./body-map";
export { BODY_MAP_HINT, BODY_REGION_LABELS, BODY_REGIONS, isPainLocation } from "./body-map";
export { FORM_TEXT } from "./ui";
export { QUESTIONS } from "./questions";
export { CAUDA_QUESTIONS, YES_NO_UNSURE } from "./questions-cauda";
export { CONSENT_QUESTIONS, CONTACT_QUESTIONS, NOTES_QUESTION } from "./questions-contact";
export { FUNCTION_SCREEN } from "./questions-function";
export { HISTORY_QUESTIONS } from "./questions-health";
export { LEGS_QUESTIONS } from "./questions-legs";
export { INFLAMMATORY_QUESTIONS, VASCULAR_QUESTIONS } from "./questions-more";
export { OUTLOOK_SCREEN } from "./questions-outlook";
export { PAIN_QUESTIONS } from "./questions-pain";
export { RUNNING_QUESTIONS } from "./questions-running";
export type { CareCard, LevelCopy } from "./advice";
export { DO_NOT_DRIVE, GO_NOW, LEVEL_COPY, TAKE_THIS_PAGE, urgentCallText, WARNING_SIGNS } from "./advice";
export type { EmergencyCard, EmergencyReason } from "./advice-emergency";
export {
  CLINIC_TOLD, EMERGENCY_REASON_ORDER, emergencyCallText, emergencyCard, emergencyReason,
} from "./advice-emergency";
export {
  CROSS_TRAINING, PAIN_RELIEF, RETURN_TO_RUNNING, RUNNING_PAIN_RULES, SELF_CARE_SECTIONS, selfCareAdvice,
  STAYING_ACTIVE, WHEN_TO_COME_BACK,
} from "./advice-self-care";
export { SOON_WAITING, soonAdvice, STOP_RUNNING } from "./advice-soon";
export { WHAT_TO_BRING } from "./appointment";
