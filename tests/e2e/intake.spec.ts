import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { completeIntake } from "./intake-flow";
import { ONCE, PHONE_ONLY } from "./screens";

// One patient per level, through every page of the form as they would fill it in. The emergency
// patient (P01, new bladder symptoms) meets the early red-flag interrupt after the nerve check and
// sends the answers from the emergency page.
// On a phone, the emergency patient (the interrupt) and the self-care runner go through every page;
// the other levels' pages are the same pages, and their result cards are checked on a phone by
// result-cards.spec.ts: they run on the desktop of the embedded run only (ONCE), to keep CI inside its time.
const CASES = [
  {
    vignette: "P01",
    level: "Emergency: go now",
    heading: /emergency department now|ambulance/i,
    interrupted: true,
    phone: true,
  },
  { vignette: "P07", level: "Urgent", heading: /./, interrupted: false, phone: false },
  {
    vignette: "P13",
    level: "Soon: within 7 days",
    heading: "Book an appointment in the next 7 days",
    interrupted: false,
    phone: false,
  },
  {
    vignette: "P15",
    level: "Routine: book when it suits you",
    heading: "Book an appointment",
    interrupted: false,
    phone: false,
  },
  {
    vignette: "P17",
    level: "Self-care: look after your back at home",
    heading: "You can look after your back at home",
    interrupted: false,
    phone: true,
  },
] as const;

for (const c of CASES) {
  test(`a patient completes the intake and sees "${c.level}"`, c.phone ? {} : ONCE, async ({ page }) => {
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
    if (c.vignette !== "P17") return;
    // Straight after the form, the runner chooses what to track: the baseline of the check-ins (issue 20).
    await page.getByRole("link", { name: "Choose what to track" }).click();
    await page.getByLabel("Running or jogging", { exact: true }).check();
    await page.getByLabel("Sleeping", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page
      .getByRole("group", { name: /^Running or jogging: how well/ })
      .getByLabel("3", { exact: true })
      .check();
    await page
      .getByRole("group", { name: /^Sleeping: how well/ })
      .getByLabel("5", { exact: true })
      .check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("region", { name: "Track your recovery" })).toContainText(
      "Saved: you are tracking Running or jogging, Sleeping",
    );
  });
}

// Issue 18 ("a shorter intake"): how long the form is for a typical runner on a 390 px phone, written
// to the test output (the "measure" annotation) so the README can quote before and after.
test.describe("measured on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test(
    "a typical runner's journey: pages, questions and the height of check your answers",
    PHONE_ONLY,
    async ({ page }) => {
      test.setTimeout(120_000);
      const answers = vignetteIntake("P19", new Date()); // a runner of 39, routine, both optional screens
      const pages: string[] = [];
      await completeIntake(page, answers as never, {
        stopAt: "check-answers",
        onStep: async (id) => void (id !== "check-answers" && pages.push(id)),
      });
      await expect(page.getByText("Not answered yet")).toHaveCount(0);
      const perPage = Object.fromEntries(
        await page
          .locator("main section")
          .evaluateAll((sections) =>
            sections.map((s) => [
              s.getAttribute("aria-labelledby")?.replace("review-", ""),
              s.querySelectorAll("dl > div").length,
            ]),
          ),
      ) as Record<string, number>;
      const counts = Object.values(perPage);
      const questions = await page.locator("main section dl > div dt").count();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const measure = {
        pages: pages.length,
        questions,
        perPage,
        checkAnswersHeightPx: height,
        viewportWidthPx: page.viewportSize()?.width,
      };
      test.info().annotations.push({ type: "measure", description: JSON.stringify(measure) });
      console.log(`measure (${test.info().project.name}): ${JSON.stringify(measure)}`);
      expect(pages).not.toContain("emergency");
      expect(counts.reduce((a, b) => a + b, 0)).toBe(questions);
      expect(Object.keys(perPage)).toEqual(pages);
      // No page asks more than 7 questions, but the runners' page (8 for a runner) and the recovery
      // outlook, one 9-item screen answered together.
      for (const [id, n] of Object.entries(perPage))
        expect(n, id).toBeLessThanOrEqual(id === "recovery-outlook" ? 9 : id === "running" ? 8 : 7);
      expect(questions).toBeGreaterThan(pages.length);
      expect(height).toBeGreaterThan(844);
      await page.getByRole("button", { name: "Send form" }).click();
      await expect(page.getByText("Routine: book when it suits you").first()).toBeVisible();

      // From the result page to a booked time: four taps (the soonest time is the first chip; the
      // chosen time and Continue stay in view on a phone).
      const started = Date.now();
      let taps = 0;
      const tap = async (target: ReturnType<typeof page.getByRole>) => {
        await target.click();
        taps++;
      };
      await tap(page.getByRole("link", { name: "Book your appointment" }));
      // Any time of the first day (tests running beside this one book too; a time taken meanwhile
      // brings the picker back, as it would for a patient, and costs two more taps).
      for (let attempt = 0; attempt < 3; attempt++) {
        const times = page.getByRole("radio");
        await tap(times.nth(Math.floor(Math.random() * (await times.count()))));
        await expect(page.getByRole("button", { name: "Continue" })).toBeInViewport();
        await tap(page.getByRole("button", { name: "Continue" }));
        await tap(page.getByRole("button", { name: "Confirm booking" }));
        const done = page.getByText("Your appointment is booked.");
        await expect(done.or(page.getByText(/that time was just taken/))).toBeVisible();
        if (await done.isVisible()) break;
      }
      await expect(page.getByText("Your appointment is booked.")).toBeVisible();
      const booking = `booking from the result page (${test.info().project.name}): ${taps} taps, ${((Date.now() - started) / 1000).toFixed(1)} s automated`;
      test.info().annotations.push({ type: "measure", description: booking });
      console.log(booking);
      expect(taps).toBeLessThanOrEqual(7);
    },
  );
});
