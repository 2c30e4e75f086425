// Words for the "About you" page (contact details and privacy consent), the under-16 notice shown
// right after the date of birth, and the free-text notes.
import type { ContactCopy, SectionCopy, TextQuestion } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

export const CONTACT_QUESTIONS: ContactCopy = {
  firstName: { kind: "text", label: "First name", maxLength: 100 },
  lastName: { kind: "text", label: "Last name", maxLength: 100 },
  email: {
    kind: "text",
    label: "Email address",
    hint: "We will send your result and any booking details here.",
  },
  phone: {
    kind: "text",
    label: "Phone number",
    hint:
      "If we need to speak to you today, a clinician will call this number. If you are under 16, give the number of a parent or carer. " +
      "For a number from another country, start with the country code.",
  },
  dateOfBirth: {
    kind: "date",
    label: "What is your date of birth?",
    hint: "For example, 23 4 1980",
    parts: { day: "Day", month: "Month", year: "Year" },
  },
  sex: {
    kind: "choice",
    label: "What was your sex at birth?",
    hint: "We ask because a few health risks depend on the body you were born with.",
    options: {
      female: { label: "Female" },
      male: { label: "Male" },
      other: { label: "Other" },
    },
  },
};

/** The phone question once the form knows the patient is under 16: the clinic calls a parent or carer. */
export const PARENT_PHONE_QUESTION: ContactCopy["phone"] = {
  kind: "text",
  label: "Phone number of a parent or carer",
  hint:
    "If we need to speak to someone today, a clinician will call this number. " +
    "For a number from another country, start with the country code.",
};

/** Shown right after the date of birth when the patient is under 16 (triage-rules.md, "Under-16 route"). */
export const UNDER_16_NOTICE = {
  title: "This form is for people aged 16 and over",
  points: [
    "You can still fill it in. Answering the safety questions lets us tell you if you need emergency help.",
    "If you are filling it in by yourself, show the result to a parent or carer.",
    "Give the phone number of a parent or carer. If the clinic needs to call, it will call them.",
  ],
  changePhone: "Change the phone number",
} as const;

export const CONSENT_QUESTIONS: SectionCopy<IntakeAnswers["consent"]> = {
  privacyNotice: {
    kind: "confirm",
    label: "I have read the privacy notice. I agree that the clinic can use my answers to assess and arrange my care.",
    hint: "The privacy notice explains how we keep and use your health information.",
    linkText: "Read the privacy notice (opens in a new tab)",
    linkHref: "/privacy",
  },
};

export const NOTES_QUESTION: TextQuestion = {
  kind: "text",
  label: "Is there anything else you want to tell us?",
  hint: "For example, other symptoms, or things that make your pain better or worse. You can write up to 2000 characters.",
  maxLength: 2000,
};
