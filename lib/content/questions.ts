// Every question of the intake, keyed like the contract (intake-contract.md). The type makes a
// field without words a compile error; the words themselves live in one file per page.
import { CAUDA_QUESTIONS } from "./questions-cauda";
import { CONSENT_QUESTIONS, CONTACT_QUESTIONS, NOTES_QUESTION } from "./questions-contact";
import { FUNCTION_SCREEN } from "./questions-function";
import { HISTORY_QUESTIONS } from "./questions-health";
import { LEGS_QUESTIONS } from "./questions-legs";
import { INFLAMMATORY_QUESTIONS, VASCULAR_QUESTIONS } from "./questions-more";
import { OUTLOOK_SCREEN } from "./questions-outlook";
import { PAIN_QUESTIONS } from "./questions-pain";
import { RUNNING_QUESTIONS } from "./questions-running";
import type { QuestionsCopy } from "./types";

/** The words for every field of IntakeAnswers. */
export const QUESTIONS: QuestionsCopy = {
  contact: CONTACT_QUESTIONS,
  consent: CONSENT_QUESTIONS,
  pain: PAIN_QUESTIONS,
  legs: LEGS_QUESTIONS,
  cauda: CAUDA_QUESTIONS,
  history: HISTORY_QUESTIONS,
  vascular: VASCULAR_QUESTIONS,
  inflammatory: INFLAMMATORY_QUESTIONS,
  running: RUNNING_QUESTIONS,
  outlook: OUTLOOK_SCREEN,
  function: FUNCTION_SCREEN,
  notes: NOTES_QUESTION,
};
