// The privacy notice's words: the page around it, and the built-in notice a clinic has until it
// publishes its own. Plain text in the notice format (lib/privacy/format.ts): "## " starts a
// heading, "- " a list item, a blank line ends a paragraph.

/** The id of the built-in notice; intakes sent before any clinic published one point at it. */
export const BUILT_IN_NOTICE_ID = "2026-11";

/** The page around the notice. */
export const PRIVACY_PAGE_TEXT = {
  title: "Privacy notice",
  builtIn: "This is the standard notice of this service; the clinic has not published its own yet.",
  version: (id: string) => `Version ${id}`,
  published: (date: string) => `published ${date}`,
  earlier: "This is an earlier version of the notice. It applied to forms sent while it was current.",
  readCurrent: "Read the current privacy notice",
  questions: "Questions about your information?",
} as const;

/** What the built-in notice needs to know about the clinic. */
export type NoticeClinic = {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  retentionYears: number;
};

/**
 * The built-in privacy notice, in plain words: what is collected, why, who sees it, how long it is
 * kept, the patient's rights, and whom to contact. Filled in with the clinic's own details.
 */
export function builtInNotice(clinic: NoticeClinic): string {
  const name = clinic.name?.trim() || "the clinic";
  const contact = [
    clinic.email ? `- Email: ${clinic.email}` : null,
    clinic.phone ? `- Phone: ${clinic.phone}` : null,
    clinic.address ? `- Post: ${name}, ${clinic.address}` : null,
  ].filter((line): line is string => line !== null);
  const years = clinic.retentionYears;
  return [
    `${name} uses this online back-pain check to decide how soon you need care and to book your appointments. This notice explains what we collect about you, why, who sees it, how long we keep it and what you can ask us to do.`,
    "## What we collect",
    [
      "- Your name, date of birth, sex, email address and phone number.",
      "- Your answers to the back-pain questions. These include health information, such as your symptoms, your medicines and past illnesses.",
      "- The result our rules gave your answers, and what our staff did with it: notes, phone calls and any change to the advice.",
      "- Your appointments, and the emails we send you.",
      "- Records that keep the service safe, such as who on our staff opened your record and when.",
    ].join("\n"),
    "We do not use advertising or tracking cookies.",
    "## Why we use it",
    [
      "- To tell you how urgent your back pain is and what to do next.",
      "- So that our clinicians can check your answers and contact you if they need to.",
      "- To book your appointments, remind you of them, and let you move or cancel them.",
      "- To keep a record of your care, as health professionals must.",
    ].join("\n"),
    "We only use your information to look after you. We never sell it and never use it for marketing.",
    "## Who sees it",
    [
      "- Our clinicians and reception staff, when they need it for your care. Each time someone on our staff opens, changes or exports your record, it is written in a log.",
      "- Companies that run parts of this service for us, such as the company that sends our emails and the company that hosts our computers. They may only use your information to do that work for us.",
      "- Others only when the law says we must, or to protect you or someone else from serious harm, for example if we call an ambulance for you.",
    ].join("\n"),
    "## How long we keep it",
    `We keep your record for ${years} ${years === 1 ? "year" : "years"} after your last contact with us: the last time you filled in this form, had an appointment, or we wrote a note about your care. After that, your name, contact details, answers, notes and emails are erased automatically. We keep the times of your appointments and our log of who did what, under a code instead of your name.`,
    "## Your rights",
    [
      "- You can ask for a copy of everything we hold about you.",
      "- You can ask us to correct anything that is wrong.",
      "- You can ask us to erase your information. We then erase your name, contact details, answers, notes and emails, and cancel any appointment you still have booked. We keep the times of your appointments and our log, under a code instead of your name.",
      "- You can complain to us, or to the authority that protects personal information where you live.",
    ].join("\n"),
    "## Contact us",
    contact.length
      ? `To use any of these rights, or to ask about your information, contact ${name}:`
      : `To use any of these rights, or to ask about your information, contact ${name}.`,
    ...(contact.length ? [contact.join("\n")] : []),
  ].join("\n\n");
}
