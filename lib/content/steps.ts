// The pages of the intake form, in order (contract 2026.12). `title` is short, for the progress
// bar; `heading` is what the page is about. The 2 optional screens can be skipped. The safety pages
// come early: the form checks for an emergency after the blood vessel page, after the nerve check
// and after the health pages (triage-rules.md, "Early red-flag interrupt").

export type StepId =
  | "about-you"
  | "where-it-hurts"
  | "this-episode"
  | "how-it-feels"
  | "vascular-check"
  | "legs"
  | "nerve-check"
  | "recent-illness"
  | "health-history"
  | "more-questions"
  | "joints"
  | "running"
  | "recovery-outlook"
  | "daily-function"
  | "daily-function-more"
  | "check-answers";

export type Step = {
  readonly id: StepId;
  readonly title: string;
  readonly heading: string;
  readonly intro?: string;
  /** The patient may skip this page; its answers are then stored as null. */
  readonly optional?: true;
};

const SKIPPABLE = "This section is optional and you can skip it. Your answers help us choose the right care for you.";

/** Every page of the form, in the order the patient sees them. */
export const STEPS: readonly Step[] = [
  {
    id: "about-you",
    title: "About you",
    heading: "Your details",
    intro: "We use these details to contact you about your back pain. A clinician may need to phone you.",
  },
  {
    id: "where-it-hurts",
    title: "Where it hurts",
    heading: "Where do you feel pain?",
  },
  {
    id: "this-episode",
    title: "This episode",
    heading: "Tell us about this bout of back pain",
    intro: "By this bout, we mean the back pain you have now, from when it started.",
  },
  {
    id: "how-it-feels",
    title: "How it feels",
    heading: "How does your back pain feel?",
  },
  {
    id: "vascular-check",
    title: "Blood vessels",
    heading: "Your pain and your blood vessels",
    intro:
      "We ask everyone these questions. They help us spot a rare problem with a large blood vessel that needs help fast.",
  },
  {
    id: "legs",
    title: "Legs, arms and hands",
    heading: "Your legs, arms and hands",
    intro:
      'Tell us about any new problems in your legs, arms or hands. Where "Not sure" is offered, you can choose it.',
  },
  {
    id: "nerve-check",
    title: "Nerve check",
    heading: "Do you have any of these nerve problems?",
    intro:
      "We ask everyone these questions. The problems are rare, but they need help fast. " +
      'If you are not sure, choose "Not sure". We will never treat that as a no.',
  },
  {
    id: "recent-illness",
    title: "Recent illness",
    heading: "Recent illness and treatment",
    intro: "An infection can sometimes cause back pain. These questions help us spot one early.",
  },
  {
    id: "health-history",
    title: "Your health",
    heading: "Your health and medicines",
    intro: "Some health problems and medicines change how we look after back pain.",
  },
  {
    id: "more-questions",
    title: "Stiffness",
    heading: "Stiffness, movement and your back",
    intro: "These help us spot back pain caused by swelling (inflammation) in the joints of the spine.",
  },
  {
    id: "joints",
    title: "Joints and skin",
    heading: "Your joints, your skin and your family",
    intro: "Some joint and skin problems, in you or your family, make swelling in the spine more likely.",
  },
  {
    id: "running",
    title: "Running",
    heading: "Do you run?",
    intro: "Runners can get some kinds of back pain that need different advice.",
  },
  {
    id: "recovery-outlook",
    title: "Recovery outlook",
    heading: "How is your back pain affecting you?",
    intro: SKIPPABLE,
    optional: true,
  },
  {
    id: "daily-function",
    title: "Daily life, part 1",
    heading: "How much does your back pain limit your day?",
    intro: SKIPPABLE,
    optional: true,
  },
  {
    id: "daily-function-more",
    title: "Daily life, part 2",
    heading: "How much does your back pain limit your day? (continued)",
    intro: SKIPPABLE,
    optional: true,
  },
  {
    id: "check-answers",
    title: "Check answers",
    heading: "Check your answers before sending your form",
    intro: "Use the Change links to correct anything that is wrong.",
  },
];

/** The page with this id. */
export function getStep(id: StepId): Step {
  const step = STEPS.find((s) => s.id === id);
  if (step === undefined) throw new Error(`No form step "${id}"`);
  return step;
}

/** Where the page comes in the form, counting from 1, for "Step 3 of 13". */
export function stepNumber(id: StepId): number {
  return STEPS.findIndex((s) => s.id === id) + 1;
}
