import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { completeIntake } from "./intake-flow";

// One patient per level, through every page of the form as they would fill it in. The emergency
// patient (P01, new bladder symptoms) meets the early red-flag interrupt after the nerve check and
// sends the answers from the emergency page.
const CASES = [
  { vignette: "P01", level: "Emergency: go now", heading: /emergency department now|ambulance/i, interrupted: true },
  { vignette: "P07", level: "Urgent", heading: /./, interrupted: false },
  {
    vignette: "P13",
    level: "Soon: within 7 days",
    heading: "Book an appointment in the next 7 days",
    interrupted: false,
  },
  { vignette: "P15", level: "Routine: book when it suits you", heading: "Book an appointment", interrupted: false },
  {
    vignette: "P17",
    level: "Self-care: look after your back at home",
    heading: "You can look after your back at home",
    interrupted: false,
  },
] as const;

for (const c of CASES) {
  test(`a patient completes the intake and sees "${c.level}"`, async ({ page }) => {
    const answers = vignetteIntake(c.vignette, new Date());
    const steps: string[] = [];
    await completeIntake(page, answers as never, { onStep: async (id) => void steps.push(id) });
    expect(steps.includes("emergency"), "interrupted").toBe(c.interrupted);
    await expect(page.getByText(c.level).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
    const book = page.getByRole("link", { name: "Book your appointment" });
    if (c.vignette === "P01" || c.vignette === "P07") await expect(book).toHaveCount(0);
    else await expect(book).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
