import { expect, type Page } from "@playwright/test";
import type { IntakeAnswers } from "@/lib/triage";

type Answers = IntakeAnswers;

const radio = (page: Page, name: string, value: string) => page.locator(`input[type=radio][name="${name}"][value="${value}"]`);
const yesNo = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");

async function choose(page: Page, name: string, value: string) {
  await radio(page, name, value).check();
}

async function number(page: Page, name: string, value: number | null) {
  if (value === null) await page.locator(`input[name="${name}.unknown"]`).check();
  else if (await radio(page, name, String(value)).count()) await choose(page, name, String(value)); // a 0–10 scale
  else await page.locator(`input[name="${name}"]`).fill(String(value));
}

async function section(page: Page, prefix: string, values: Record<string, unknown>, skip: string[] = []) {
  for (const [key, value] of Object.entries(values)) {
    if (skip.includes(key)) continue;
    const name = `${prefix}.${key}`;
    // Follow-up questions that do not apply are hidden; the patient does not answer them.
    const control = page.locator(`[name="${name}"], [name="${name}.unknown"]`).first();
    if (!(await control.isVisible())) continue;
    if (typeof value === "boolean" || value === null) {
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

/** Fills the "About you" page. */
export async function fillAboutYou(page: Page, c: Answers["contact"]) {
  await page.getByLabel("First name").fill(c.firstName);
  await page.getByLabel("Last name").fill(c.lastName);
  await page.getByLabel("Email address").fill(c.email);
  await page.getByLabel("Phone number").fill(c.phone);
  const [y, m, d] = c.dateOfBirth.split("-");
  await page.getByLabel("Day").fill(String(Number(d)));
  await page.getByLabel("Month").fill(String(Number(m)));
  await page.getByLabel("Year").fill(y!);
  await choose(page, "contact.sex", c.sex);
}

const LEG_REGIONS: Record<Answers["legs"]["legPain"], string[]> = {
  none: [],
  above_knee: ["Left leg, above the knee"],
  below_knee_one_side: ["Right leg, below the knee"],
  below_knee_both_sides: ["Left leg, below the knee", "Right leg, below the knee"],
};
const LOCATION_LABELS: Record<string, string> = {
  thoracic: "Upper or middle back", low_back: "Lower back", buttock: "Buttocks", abdomen_or_pelvis: "Tummy or pelvis",
};

/** Fills every page of the intake as a patient would, from the first page to the result. */
export async function completeIntake(page: Page, a: Answers, { onStep }: { onStep?: (id: string) => Promise<void> } = {}) {
  await page.goto("/intake/about-you");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
  await onStep?.("about-you");
  await fillAboutYou(page, a.contact);
  await continueTo(page, "Where do you feel pain?");

  await onStep?.("where-it-hurts");
  for (const loc of a.pain.locations) await page.getByRole("checkbox", { name: LOCATION_LABELS[loc], exact: true }).check();
  for (const label of LEG_REGIONS[a.legs.legPain]) await page.getByRole("checkbox", { name: label }).check();
  await continueTo(page, /this bout of back pain/);

  await onStep?.("this-episode");
  await section(page, "pain", a.pain, ["locations"]);
  await continueTo(page, /problems in your legs/);

  await onStep?.("legs");
  await section(page, "legs", a.legs, ["legPain"]);
  await continueTo(page, /nerve problems/);

  await onStep?.("nerve-check");
  await section(page, "cauda", a.cauda);
  await continueTo(page, /apply to you/);

  await onStep?.("health-history");
  await section(page, "history", a.history);
  await continueTo(page, /few more questions/);

  await onStep?.("more-questions");
  await section(page, "vascular", a.vascular);
  await section(page, "inflammatory", a.inflammatory);
  await continueTo(page, "Do you run?");

  await onStep?.("running");
  await section(page, "running", a.running);
  await continueTo(page, /affecting you/);

  await onStep?.("recovery-outlook");
  if (a.outlook) {
    for (const [i, agree] of a.outlook.items.entries()) await choose(page, `outlook.items.${i}`, agree ? "agree" : "disagree");
    await choose(page, "outlook.bothersomeness", a.outlook.bothersomeness);
    await continueTo(page, /limit your day/);
  } else {
    await page.getByRole("button", { name: "Skip this section" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/limit your day/);
  }

  await onStep?.("daily-function");
  if (a.function) {
    for (const [i, score] of a.function.sections.entries()) if (score !== null) await choose(page, `function.sections.${i}`, String(score));
    await continueTo(page, /Check your answers/);
  } else {
    await page.getByRole("button", { name: "Skip this section" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Check your answers/);
  }

  await onStep?.("check-answers");
  await page.getByRole("checkbox", { name: /I have read the privacy notice/ }).check();
  await page.getByRole("button", { name: "Send form" }).click();
  await expect(page).toHaveURL(/\/intake\/[0-9a-f-]{36}\/result$/);
}
