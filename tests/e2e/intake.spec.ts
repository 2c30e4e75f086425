import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { completeIntake } from "./intake-flow";

// One patient per level, through every page of the form as they would fill it in.
const CASES = [
  { vignette: "P01", level: "Emergency: go now", heading: /emergency department now|nerves/i },
  { vignette: "P06", level: "Urgent: we will call you today", heading: "A clinician will phone you today" },
  { vignette: "P13", level: "Soon: within 7 days", heading: "Book an appointment in the next 7 days" },
  { vignette: "P15", level: "Routine: book when it suits you", heading: "Book an appointment" },
  { vignette: "P17", level: "Self-care: look after your back at home", heading: "You can look after your back at home" },
] as const;

for (const c of CASES) {
  test(`a patient completes the intake and sees "${c.level}"`, async ({ page }) => {
    const answers = vignetteIntake(c.vignette, new Date());
    await completeIntake(page, answers as never);
    await expect(page.getByText(c.level)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
    await expect(page.getByRole("heading", { name: "Why we said this" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Go to the emergency department straight away/ })).toBeVisible();
    const book = page.getByRole("link", { name: "Book your appointment" });
    if (c.vignette === "P01" || c.vignette === "P06") await expect(book).toHaveCount(0);
    else await expect(book).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
