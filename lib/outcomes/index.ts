// Outcomes after an intake (issue 20): the chosen activities, the check-in's questions and answers,
// their scores against the intake, and the "not improving" rules. Pure: plain data in and out.
export * from "./activities";
export * from "./checkin";
export * from "./score";
export * from "./rules";
