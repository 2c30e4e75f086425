import { expect, type Page } from "@playwright/test";
import type { IntakeAnswers } from "@/lib/triage";

type Answers = IntakeAnswers;

const radio = (page: Page, name: string, value: string) =>
  page.locator(`input[type=radio][name="${name}"][value="${value}"]`);
const yesNo = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");

/**
 * The result page, after the last page or after "Send my answers to the clinic now". Without
 * JavaScript the browser keeps the fragment of the page the form was sent from (check your answers
 * at a changed row, `#row-…`) across the redirect.
 */
export const RESULT_URL = /\/intake\/[0-9a-f-]{36}\/result(\?seen=[a-z,]*)?(#row-[\w-]+)?$/;

/** The notice shown (without JavaScript) when an answer brings follow-up questions not seen yet. */
export const MORE_DETAIL = "We need a little more detail about your answers";

async function choose(page: Page, name: string, value: string) {
  await radio(page, name, value).check();
}

async function number(page: Page, name: string, value: number | null) {
  if (value === null) await page.locator(`input[name="${name}.unknown"]`).check();
  else if (await radio(page, name, String(value)).count())
    await choose(page, name, String(value)); // a 0–10 scale
  else await page.locator(`input[name="${name}"]`).fill(String(value));
}

/**
 * Answers the questions of a section that are on screen now. Follow-ups that do not apply are
 * hidden (or, without JavaScript, not shown yet): the patient does not answer them.
 */
export async function section(page: Page, prefix: string, values: Record<string, unknown>, skip: string[] = []) {
  for (const [key, value] of Object.entries(values)) {
    if (skip.includes(key)) continue;
    const name = `${prefix}.${key}`;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      await section(page, name, value as Record<string, unknown>); // a group, such as onsetDays
      continue;
    }
    const control = page.locator(`[name="${name}"], [name="${name}.unknown"]`).first();
    if (!(await control.isVisible())) continue;
    if (Array.isArray(value)) {
      for (const v of value) await page.locator(`input[type=checkbox][name="${name}"][value="${v}"]`).check();
    } else if (typeof value === "boolean" || value === null) {
      if (await radio(page, name, "yes").isVisible()) await choose(page, name, yesNo(value as boolean | null));
      else if (value === null) await page.locator(`input[name="${name}.unknown"]`).check();
    } else if (typeof value === "number") await number(page, name, value);
    else if (typeof value === "string") await choose(page, name, value);
  }
}

export async function continueTo(page: Page, heading: RegExp | string) {
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
}

/**
 * Answers a page and presses Continue. Without JavaScript, an answer that brings follow-up
 * questions brings the page back with them: they are answered too, and the page sent again.
 * Returns "emergency" when the early red-flag interrupt showed the emergency page instead.
 */
async function answerPage(page: Page, fill: () => Promise<void>, next: RegExp | string): Promise<"next" | "emergency"> {
  const url = page.url();
  for (let round = 0; round < 4; round++) {
    await fill();
    await page.getByRole("button", { name: "Continue" }).click();
    const more = page.getByRole("heading", { name: MORE_DETAIL });
    await expect(
      more.or(page.getByRole("heading", { level: 1, name: next })).or(page.locator("[data-emergency-page]")),
    ).toBeVisible();
    if (await page.locator("[data-emergency-page]").count()) return "emergency";
    if (!(await more.isVisible())) return "next";
    expect(page.url().split("#")[0]).toBe(url.split("#")[0]);
  }
  throw new Error(`the page ${url} kept asking for more detail`);
}

/** Fills the "About you" page, including the privacy notice. */
export async function fillAboutYou(page: Page, c: Answers["contact"]) {
  await page.getByLabel("First name").fill(c.firstName);
  await page.getByLabel("Last name").fill(c.lastName);
  const [y, m, d] = c.dateOfBirth.split("-");
  await page.getByLabel("Day").fill(String(Number(d)));
  await page.getByLabel("Month").fill(String(Number(m)));
  await page.getByLabel("Year").fill(y!);
  await choose(page, "contact.sex", c.sex);
  await page.getByLabel("Email address").fill(c.email);
  await page.getByLabel(/^Phone number/).fill(c.phone);
  await page.getByRole("checkbox", { name: /I have read the privacy notice/ }).check();
}

type LegPain = NonNullable<Answers["legs"]>["legPain"];
const LEG_REGIONS: Record<LegPain, string[]> = {
  none: [],
  above_knee: ["Left leg, above the knee"],
  below_knee_one_side: ["Right leg, below the knee"],
  below_knee_both_sides: ["Left leg, below the knee", "Right leg, below the knee"],
};
const LOCATION_LABELS: Record<string, string> = {
  thoracic: "Upper or middle back",
  low_back: "Lower back",
  buttock: "Buttocks",
  abdomen_or_pelvis: "Tummy or pelvis",
  hip_or_groin: "Hip or groin",
};

/** Ticks the body map: the places of `pain.locations` and how far down the legs the pain goes. */
export async function markWhereItHurts(page: Page, locations: readonly string[], legPain: LegPain) {
  for (const loc of locations) await page.getByRole("checkbox", { name: LOCATION_LABELS[loc], exact: true }).check();
  for (const label of LEG_REGIONS[legPain]) await page.getByRole("checkbox", { name: label }).check();
}

/** The headings of the pages, in form order. */
export const HEADINGS = {
  "about-you": "Your details",
  "where-it-hurts": "Where do you feel pain?",
  "this-episode": /this bout of back pain/,
  "how-it-feels": "How does your back pain feel?",
  "vascular-check": "Your pain and your blood vessels",
  legs: "Your legs, arms and hands",
  "nerve-check": /nerve problems/,
  "recent-illness": "Recent illness and treatment",
  "health-history": "Your health and medicines",
  "more-questions": "Stiffness, movement and your back",
  joints: "Your joints, your skin and your family",
  running: "Do you run?",
  "recovery-outlook": /affecting you/,
  "daily-function": /limit your day\?$/,
  "daily-function-more": /limit your day\? \(continued\)$/,
  "check-answers": /Check your answers/,
} as const;

/** On the emergency page: sends the answers so far, and lands on the result. */
export async function sendFromEmergencyPage(page: Page) {
  await page.getByRole("button", { name: "Send my answers to the clinic now" }).click();
  await expect(page).toHaveURL(RESULT_URL);
}

/**
 * Fills every page of the intake as a patient would, from the first page to the result. When an
 * answer on a safety page shows the emergency page (the early red-flag interrupt), the answers so
 * far are sent from there, as the page's main button does. `onStep` runs on each page first
 * (its id, or "emergency"). With `stopAt: "check-answers"` it stops there instead of sending.
 */
export async function completeIntake(
  page: Page,
  a: Answers,
  { onStep, stopAt }: { onStep?: (id: string) => Promise<void>; stopAt?: "check-answers" } = {},
) {
  const legs = a.legs!;
  const interrupted = async () => {
    await expect(page).toHaveURL(/\/intake\/emergency$/);
    await onStep?.("emergency");
    await sendFromEmergencyPage(page);
  };

  await page.goto("/intake/about-you");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS["about-you"]);
  await onStep?.("about-you");
  await fillAboutYou(page, a.contact);
  await continueTo(page, HEADINGS["where-it-hurts"]);

  await onStep?.("where-it-hurts");
  await markWhereItHurts(page, a.pain.locations, legs.legPain);
  await continueTo(page, HEADINGS["this-episode"]);

  await onStep?.("this-episode");
  await answerPage(page, () => section(page, "pain", a.pain, ["locations"]), HEADINGS["how-it-feels"]);

  await onStep?.("how-it-feels");
  await answerPage(page, () => section(page, "pain", a.pain, ["locations"]), HEADINGS["vascular-check"]);

  await onStep?.("vascular-check");
  if ((await answerPage(page, () => section(page, "vascular", a.vascular), HEADINGS.legs)) === "emergency")
    return interrupted();

  await onStep?.("legs");
  await answerPage(page, () => section(page, "legs", legs, ["legPain"]), HEADINGS["nerve-check"]);

  await onStep?.("nerve-check");
  if ((await answerPage(page, () => section(page, "cauda", a.cauda!), HEADINGS["recent-illness"])) === "emergency")
    return interrupted();

  await onStep?.("recent-illness");
  await answerPage(page, () => section(page, "history", a.history!), HEADINGS["health-history"]);

  await onStep?.("health-history");
  if ((await answerPage(page, () => section(page, "history", a.history!), HEADINGS["more-questions"])) === "emergency")
    return interrupted();

  await onStep?.("more-questions");
  await answerPage(page, () => section(page, "inflammatory", a.inflammatory!), HEADINGS.joints);

  await onStep?.("joints");
  await answerPage(page, () => section(page, "inflammatory", a.inflammatory!), HEADINGS.running);

  await onStep?.("running");
  await answerPage(page, () => section(page, "running", a.running!), HEADINGS["recovery-outlook"]);

  await onStep?.("recovery-outlook");
  if (a.outlook) {
    for (const [i, agree] of a.outlook.items.entries())
      await choose(page, `outlook.items.${i}`, agree ? "agree" : "disagree");
    await choose(page, "outlook.bothersomeness", a.outlook.bothersomeness);
    await continueTo(page, HEADINGS["daily-function"]);
  } else {
    await page.getByRole("button", { name: "Skip this section" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS["daily-function"]);
  }

  // The daily-function screen spans two pages of 5 sections each.
  for (const [id, next, first] of [
    ["daily-function", HEADINGS["daily-function-more"], 0],
    ["daily-function-more", HEADINGS["check-answers"], 5],
  ] as const) {
    await onStep?.(id);
    if (a.function) {
      for (const [i, score] of a.function.sections.slice(first, first + 5).entries())
        if (score !== null) await choose(page, `function.sections.${first + i}`, String(score));
      await continueTo(page, next);
    } else {
      await page.getByRole("button", { name: "Skip this section" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(next);
    }
  }

  await onStep?.("check-answers");
  if (stopAt === "check-answers") return;
  await page.getByRole("button", { name: "Send form" }).click();
  await expect(page).toHaveURL(RESULT_URL);
}
