// Patient-facing words for BackTrack: pure data and tiny pure helpers, no framework imports.
export type * from "./types";
export * from "./steps";
export * from "./ui";
export * from "./questions";
export * from "./questions-cauda";
export * from "./questions-contact";
export * from "./questions-function";
export * from "./questions-health";
export * from "./questions-legs";
export * from "./questions-more";
export * from "./questions-outlook";
export * from "./questions-pain";
export * from "./questions-running";
export type { CareCard, LevelCopy } from "./advice";
export { LEVEL_COPY, PREGNANCY_ADVICE } from "./advice";
export type { CardBlock, EmergencyAdvice, EmergencyAdviceInput } from "./advice-emergency";
export {
  ADULT_GOES_TOO,
  callWord,
  CLINIC_NOT_TOLD_YET,
  CLINIC_TOLD,
  clinicToldClosed,
  emergencyAdvice,
  TAKE_THIS_PAGE,
  telHref,
} from "./advice-emergency";
export {
  CROSS_TRAINING,
  PAIN_RELIEF,
  RETURN_TO_RUNNING,
  RUNNING_PAIN_RULES,
  SELF_CARE_SECTIONS,
  selfCareAdvice,
  STAYING_ACTIVE,
  WHEN_TO_COME_BACK,
} from "./advice-self-care";
export type { SoonInput } from "./advice-soon";
export { NO_EXERCISE, SOON_WAITING, soonAdvice, STOP_IMPACT_SPORT, STOP_RUNNING, YOUNG_SPORT } from "./advice-soon";
export { WHAT_TO_BRING } from "./appointment";
export type { NoticeClinic } from "./privacy";
export { BUILT_IN_NOTICE_ID, builtInNotice, PRIVACY_PAGE_TEXT } from "./privacy";
export type { ActionKind, CardAction, CardId, CardIdsInput } from "./cards";
export { CARD_IDS, emergencyCardIds, isCardId, parseCardIds, sortCardIds } from "./cards";
export type { AnswerFacts, StoredAnswers } from "./facts";
export { answerFacts } from "./facts";
export type { EarlyNotice, ResultContent, ResultInput } from "./result";
export { EARLY_HEADING, resultContent } from "./result";
export type { SafetyNetContent, SafetyNetList } from "./safety-net";
export {
  GO_NOW_HEADING,
  SAFETY_NET_LABELS,
  safetyNetContent,
  SAME_DAY_HEADING,
  sameDayHeading,
  WARNING_SIGNS,
} from "./safety-net";
export type { Under16Page } from "./under-16";
export { SHOW_A_PARENT, UNDER_16_AFTER_EMERGENCY, UNDER_16_FORM, under16Page } from "./under-16";
export type { ClinicHoursNow, UrgentAdvice, UrgentInput, UrgentRoute } from "./urgent";
export {
  ARM_OR_HAND,
  BLOOD_THINNER,
  BONE_STRESS,
  MATERNITY,
  minutesInWords,
  outOfHoursCall,
  urgentAdvice,
  urgentCallText,
  urgentRoute,
} from "./urgent";
export { bringsWording, firedIn, ruleSummaries, wordingKeys } from "./wording";
