// The urgency-grading engine: pure, framework-free, plain data in and plain data out.
export type { GradingContext } from "./context";
export { deriveContext } from "./context";
export { calendarDate, fullYearsBetween, parseIsoDate } from "./dates";
export { FLAG_AXSPA3, FLAG_NG12, FLAG_OUTLOOK_HIGH, FLAG_STOP_RUNNING, FLAG_VASC, FLAGS } from "./flags";
export { ageAt, gradeIntake } from "./grade";
export type { FiredRule, Flag, Grade, GradeOptions, Level, RaisedFlag, Rule } from "./model";
export { LEVELS, levelRank, RULESET_VERSION } from "./model";
export {
  C1, E1, E2, E3, E4, E5, E6, E7, E8, GRADING_RULES, R1, RULES, S1, S2, S3a, S3b, S4, S5, S6, S6d, S7, S8,
  U1, U2, U3, U4, U5, U6, U7, U8, U9,
} from "./rules";
export type { FunctionBand, FunctionScore, OutlookScore } from "./scores";
export { functionBand, MIN_FUNCTION_SECTIONS, scoreFunction, scoreOutlook } from "./scores";
export type { IntakeAnswers, IntakeAnswersInput, SchemaClock } from "./schema";
export {
  birthDateProblem, caudaSchema, consentSchema, contactSchema, FUNCTION_SECTIONS, functionSchema, historySchema,
  inflammatorySchema, intakeAnswersSchema, legsSchema, makeContactSchema, makeIntakeAnswersSchema, MAX_AGE,
  outlookSchema, PAIN_LOCATIONS, painSchema, runningSchema, vascularSchema,
} from "./schema";
