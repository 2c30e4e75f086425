import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { completeIntake, continueTo, fillAboutYou } from "./intake-flow";

test.describe("the intake form", () => {
  test("every page passes an accessibility scan, including the optional screens", async ({ page }) => {
    test.setTimeout(120_000); // eleven pages, each scanned
    const answers = vignetteIntake("P13", new Date()) as never as Parameters<typeof completeIntake>[1];
    const withScreens = {
      ...answers,
      outlook: { items: [true, false, true, false, false, false, false, false], bothersomeness: "moderately" },
      function: { sections: [2, 1, 2, 1, 1, 2, 1, null, 1, 2] },
    } as typeof answers;
    const scanned: string[] = [];
    await completeIntake(page, withScreens, {
      onStep: async (id) => {
        await expectNoAxeViolations(page);
        scanned.push(id);
      },
    });
    expect(scanned).toHaveLength(11);
  });

  test("shows every problem beside its field and in a summary that takes focus", async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator("[aria-labelledby=error-summary-title]");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "Enter your first name",
      "Enter your last name",
      "Enter an email address in the right format, like name@example.com",
      "Enter a phone number",
      "Enter your date of birth",
      "Choose female, male or other",
    ]);
    // The message is tied to its field for screen readers, and the typed value is kept.
    const email = page.getByLabel("Email address");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/Error: Enter an email address in the right format/);
    await expect(email).toHaveValue("not an email");
    await summary.getByRole("link", { name: "Enter your first name" }).click();
    await expect(page.getByLabel("First name")).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test("every page explains each missing answer, and every error links to a field on the page", async ({ page }) => {
    // (The daily function screen has none: each of its topics may be left out.)
    const steps = ["about-you", "where-it-hurts", "this-episode", "legs", "nerve-check", "health-history", "more-questions", "running", "recovery-outlook"];
    for (const step of steps) {
      await page.goto(`/intake/${step}`);
      await page.getByRole("button", { name: "Continue" }).click();
      const summary = page.locator("[aria-labelledby=error-summary-title]");
      await expect(summary, step).toBeFocused();
      const links = await summary.getByRole("link").all();
      expect(links.length, step).toBeGreaterThan(0);
      for (const link of links) {
        const target = (await link.getAttribute("href"))!.slice(1);
        await expect(page.locator(`[id="${target}"]`), `${step}: ${target}`).toHaveCount(1);
      }
    }
  });

  test("can be completed with the keyboard alone", async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByLabel("First name").focus();
    await page.keyboard.type("Kim");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Lee");
    await page.keyboard.press("Tab");
    await page.keyboard.type("kim@example.com");
    await page.keyboard.press("Tab");
    await page.keyboard.type("+1 555 010 2000");
    for (const part of ["4", "5", "1988"]) {
      await page.keyboard.press("Tab");
      await page.keyboard.type(part);
    }
    await page.keyboard.press("Tab"); // into the radio group: the first option
    await page.keyboard.press("ArrowRight"); // Male
    await expect(page.getByRole("radio", { name: "Male", exact: true })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where do you feel pain?");
    await page.getByRole("checkbox", { name: "Lower back", exact: true }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: "Lower back", exact: true })).toBeChecked();
  });

  test("refuses a date of birth in the future", async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("1");
    await page.getByLabel("Year").fill(String(new Date().getFullYear() + 1));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("#contact-dateOfBirth-error")).toContainText("future");
  });

  test("keeps answers through a reload and a new visit, and can start again", async ({ page }) => {
    const a = vignetteIntake("P15", new Date());
    await page.goto("/intake/about-you");
    await fillAboutYou(page, a.contact as Parameters<typeof fillAboutYou>[1]);
    const y = a.contact.dateOfBirth.slice(0, 4);
    await continueTo(page, "Where do you feel pain?");
    await page.getByRole("checkbox", { name: "Lower back", exact: true }).check();
    await continueTo(page, /this bout of back pain/);

    await page.reload();
    await page.goto("/intake");
    await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
    await page.getByRole("link", { name: "Continue where you left off" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/this bout of back pain/);
    await page.getByRole("link", { name: "Back" }).click();
    await expect(page.getByRole("checkbox", { name: "Lower back", exact: true })).toBeChecked();
    await page.goto("/intake/about-you");
    await expect(page.getByLabel("First name")).toHaveValue(a.contact.firstName);
    await expect(page.getByLabel("Year")).toHaveValue(y!);

    await page.goto("/intake");
    await page.getByRole("button", { name: "Start again" }).click();
    await expect(page.getByLabel("First name")).toHaveValue("");
  });

  test("the body map and the list agree both ways", async ({ page }) => {
    await page.goto("/intake/where-it-hurts");
    const lowerBack = page.getByRole("checkbox", { name: "Lower back", exact: true });
    const region = page.locator('g[data-region="low_back"]').first();
    await region.click();
    await expect(lowerBack).toBeChecked();
    await lowerBack.uncheck();
    await expect(region).not.toHaveAttribute("data-selected", "true");
    await page.getByRole("checkbox", { name: "Right leg, below the knee" }).check();
    await expect(page.locator('g[data-region="right_lower_leg"][data-selected="true"]')).toHaveCount(2); // back and front views
  });

  test("asks runners' questions only of runners, and the nerve follow-ups only after a yes", async ({ page }) => {
    await page.goto("/intake/running");
    const km = page.getByLabel(/kilometres/);
    await expect(km).toBeHidden();
    await page.getByRole("radio", { name: "Yes" }).first().check();
    await expect(km).toBeVisible();

    await page.goto("/intake/nerve-check");
    const since = page.getByLabel("How many days ago did these problems start?");
    await expect(since).toBeHidden();
    await page.locator('input[name="cauda.bladderChange"][value="unsure"]').check();
    await expect(since).toBeVisible();
  });

  test("a result can only be seen by the patient who sent it", async ({ page, browser }) => {
    await completeIntake(page, vignetteIntake("P17", new Date()) as never);
    const url = page.url();
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    const res = await other.goto(url);
    expect(res?.status()).toBe(404);
    await stranger.close();
  });

  test("the check-answers page shows every answer with a link back to change it", async ({ page }) => {
    await page.goto("/intake/check-answers");
    await expect(page.getByText("Not answered yet").first()).toBeVisible();
    await page.getByRole("checkbox", { name: /I have read the privacy notice/ }).check();
    await page.getByRole("button", { name: "Send form" }).click();
    const summary = page.locator("[aria-labelledby=error-summary-title]");
    await expect(summary).toBeFocused();
    // Unanswered pages are listed with a link to each; after fixing one, Continue comes back here.
    await expect(summary.getByRole("link", { name: "Answer the questions about your health" })).toBeVisible();
    await summary.getByRole("link", { name: "Enter your contact details" }).click();
    await expect(page).toHaveURL(/\/intake\/about-you\?return=check#contact-firstName/);
    await expect(page.getByRole("link", { name: "Back" })).toHaveAttribute("href", "/intake/check-answers");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a patient can complete the whole intake and see the result", async ({ page }) => {
    await completeIntake(page, vignetteIntake("P12", new Date()) as never);
    await expect(page.getByText("Soon: within 7 days")).toBeVisible();
    await expect(page.getByRole("link", { name: "Book your appointment" })).toBeVisible();
  });

  test("errors are shown by the server", async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByText("Enter your first name").first()).toBeVisible();
  });
});
