import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { dateYearsBefore } from "../support/answers";
import {
  completeIntake,
  continueTo,
  fillAboutYou,
  HEADINGS,
  markWhereItHurts,
  MORE_DETAIL,
  RESULT_URL,
} from "./intake-flow";
import { ANY_SCREEN, PHONE_ONLY } from "./screens";

test.describe("the intake form", () => {
  test("every page passes an accessibility scan, including the optional screens", PHONE_ONLY, async ({ page }) => {
    test.setTimeout(180_000); // sixteen pages, each scanned
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
    expect(scanned).toHaveLength(16);
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
      "Enter your date of birth",
      "Choose female, male or other",
      "Enter an email address in the right format, like name@example.com",
      "Enter a phone number",
      "Agree to the privacy notice to continue",
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

  test(
    "every page explains each missing answer, and every error links to a field on the page",
    ANY_SCREEN,
    async ({ page }) => {
      // (The daily function screen has none: each of its topics may be left out.)
      const steps = [
        "about-you",
        "where-it-hurts",
        "this-episode",
        "how-it-feels",
        "vascular-check",
        "legs",
        "nerve-check",
        "recent-illness",
        "health-history",
        "more-questions",
        "joints",
        "running",
        "recovery-outlook",
      ];
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
    },
  );

  test("can be completed with the keyboard alone", ANY_SCREEN, async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByLabel("First name").focus();
    await page.keyboard.type("Kim");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Lee");
    for (const part of ["4", "5", "1988"]) {
      await page.keyboard.press("Tab");
      await page.keyboard.type(part);
    }
    await page.keyboard.press("Tab"); // into the radio group: the first option
    await page.keyboard.press("ArrowRight"); // Male
    await expect(page.getByRole("radio", { name: "Male", exact: true })).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.type("kim@example.com");
    await page.keyboard.press("Tab");
    await page.keyboard.type("+1 555 010 2000");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: /Read the privacy notice/ })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space"); // the privacy notice
    await expect(page.getByRole("checkbox", { name: /I have read the privacy notice/ })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where do you feel pain?");
    await page.getByRole("checkbox", { name: "Lower back", exact: true }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: "Lower back", exact: true })).toBeChecked();
  });

  test("refuses a date of birth in the future", ANY_SCREEN, async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("1");
    await page.getByLabel("Year").fill(String(new Date().getFullYear() + 1));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("#contact-dateOfBirth-error")).toContainText("future");
  });

  test("keeps answers through a reload and a new visit, and can start again", ANY_SCREEN, async ({ page }) => {
    const a = vignetteIntake("P15", new Date());
    await page.goto("/intake/about-you");
    await fillAboutYou(page, a.contact as Parameters<typeof fillAboutYou>[1]);
    const y = a.contact.dateOfBirth.slice(0, 4);
    await continueTo(page, "Where do you feel pain?");
    await page.getByRole("checkbox", { name: "Lower back", exact: true }).check();
    await continueTo(page, /this bout of back pain/);

    await page.reload();
    // The home page offers the way back in; so does /intake.
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Start your back-pain check" })).toHaveCount(0);
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
    // With nothing saved, /intake is no second start page: it opens the first question.
    await page.goto("/intake");
    await expect(page).toHaveURL(/\/intake\/about-you$/);
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
    // The hip or groin: the front or side of the hip, or the groin, on the front view.
    const hip = page.getByRole("checkbox", { name: "Hip or groin", exact: true });
    await expect(hip).toHaveAccessibleDescription(/front or side of your hip, or your groin/);
    await page.locator('g[data-region="hip_or_groin"] rect').first().click(); // beside the hip, front view
    await expect(hip).toBeChecked();
  });

  test(
    "asks runners' questions only of runners, and the follow-ups only after the answer they follow",
    ANY_SCREEN,
    async ({ page }) => {
      await page.goto("/intake/running");
      const km = page.getByLabel(/miles/); // the demo clinic (New York) asks in miles
      await expect(km).toBeHidden();
      await page.getByRole("radio", { name: "Yes" }).first().check();
      await expect(km).toBeVisible();

      await page.goto("/intake/nerve-check");
      const since = page.getByLabel("When did the problem with peeing start?");
      await expect(since).toBeHidden();
      await page.locator('input[name="cauda.bladderChange"][value="unsure"]').check();
      await expect(since).toBeVisible();
      await expect(page.getByRole("group", { name: "Are any of these problems getting worse?" })).toBeVisible();

      await page.goto("/intake/this-episode");
      const how = page.getByRole("group", { name: "Did it happen in any of these ways?" });
      await expect(how).toBeHidden();
      await page.getByRole("radio", { name: "A slip, trip or small fall" }).check();
      await expect(how).toBeVisible();
      await expect(how).toContainText("diving into shallow water");
      await page.getByRole("radio", { name: "Lifting, bending or twisting" }).check();
      await expect(how).toBeHidden();
    },
  );

  test('walking: tick all that apply, with "I\'m not sure" only on its own', async ({ page }) => {
    await page.goto("/intake/legs");
    const kinds = page.getByRole("group", { name: "Which of these describe it?" });
    await expect(kinds).toBeHidden();
    await page.locator('input[name="legs.difficultyWalking"][value="yes"]').check();
    await expect(kinds).toBeVisible();
    const unsteady = kinds.getByRole("checkbox", { name: /unsteady/ });
    const tired = kinds.getByRole("checkbox", { name: /heavy, weak, tired/ });
    const notSure = kinds.getByRole("checkbox", { name: "I'm not sure" });
    await unsteady.check();
    await tired.check();
    await expect(unsteady).toBeChecked();
    await notSure.check();
    await expect(unsteady).not.toBeChecked();
    await expect(tired).not.toBeChecked();
    await unsteady.check();
    await expect(notSure).not.toBeChecked();
    await expect(page.getByLabel("When did your walking change?")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(
    "tells a patient under 16 right after the date of birth, and asks for a parent's number",
    ANY_SCREEN,
    async ({ page }) => {
      await page.goto("/intake/about-you");
      const notice = page.getByRole("heading", { name: "This form is for people aged 16 and over" });
      await expect(notice).toBeHidden();
      const [y, m, d] = dateYearsBefore(new Date(), 13).split("-");
      await page.getByLabel("Day").fill(String(Number(d)));
      await page.getByLabel("Month").fill(String(Number(m)));
      await page.getByLabel("Year").fill(y!);
      await expect(notice).toBeVisible();
      await expect(page.getByText(/safety questions lets us tell you if you need emergency help/)).toBeVisible();
      await expectNoAxeViolations(page);
    },
  );

  test("asks about pregnancy only when it applies", ANY_SCREEN, async ({ page }) => {
    const a = vignetteIntake("P15", new Date()); // a man of 42
    await page.goto("/intake/about-you");
    await fillAboutYou(page, a.contact as Parameters<typeof fillAboutYou>[1]);
    await continueTo(page, HEADINGS["where-it-hurts"]);
    await page.goto("/intake/health-history");
    await expect(page.getByRole("group", { name: /Are you pregnant/ })).toHaveCount(0);
    await expect(page.getByRole("group", { name: /blood thinner/ })).toBeVisible();
    await expect(page.getByText("Blood thinners can cause bleeding that presses on nerves.")).toBeVisible();
  });

  test("a result can only be seen by the patient who sent it", ANY_SCREEN, async ({ page, browser }) => {
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
    await page.getByRole("button", { name: "Send form" }).click();
    const summary = page.locator("[aria-labelledby=error-summary-title]");
    await expect(summary).toBeFocused();
    // Unanswered pages are listed with a link to each; after fixing one, Continue comes back here.
    await expect(summary.getByRole("link", { name: "Answer the questions about your health" })).toBeVisible();
    await summary.getByRole("link", { name: "Enter your contact details" }).click();
    await expect(page).toHaveURL(/\/intake\/about-you\?return=check&row=contact\.firstName#contact-firstName$/);
    await expect(page.getByRole("link", { name: "Back" })).toHaveAttribute(
      "href",
      "/intake/check-answers#row-contact-firstName",
    );
  });

  test(
    "check answers never shows a question that was not asked, and Change lands on the question",
    ANY_SCREEN,
    async ({ page }) => {
      test.setTimeout(120_000);
      const a = vignetteIntake("P15", new Date()); // a man of 42, no leg symptoms, not a runner
      await completeIntake(page, a as never, { stopAt: "check-answers" });
      await expect(page.getByText("Not answered yet")).toHaveCount(0);
      await expect(page.getByText(/Are you pregnant/)).toHaveCount(0);
      await expect(page.getByText("Is it in one leg, both legs, or are you not sure?")).toHaveCount(0);
      await expect(page.getByText("Are any of these problems getting worse?")).toHaveCount(0);
      await expect(page.getByText(/hop, land or jump/)).toHaveCount(0);
      await page
        .getByRole("link", { name: "Change Do you have numbness, tingling or pins and needles in a leg or foot?" })
        .click();
      await expect(page).toHaveURL(
        /\/intake\/legs\?return=check&row=legs\.numbnessOrTingling#legs-numbnessOrTingling$/,
      );
      await page.locator('input[name="legs.numbnessOrTingling"][value="yes"]').check();
      await page.locator('input[name="legs.numbnessLegs"][value="one_leg"]').check();
      await page.locator('input[name="legs.onsetDays.numbness"]').fill("5");
      await page.locator('input[name="legs.worsening"][value="no"]').check();
      await continueTo(page, HEADINGS["check-answers"]);
      // Back at the row that was changed, not at the top of the long page: in view, with its link focused.
      await expect(page).toHaveURL(/\/intake\/check-answers#row-legs-numbnessOrTingling$/);
      const changed = page.locator("#row-legs-numbnessOrTingling");
      await expect(changed).toBeInViewport();
      await expect(changed.getByRole("link", { name: /^Change Do you have numbness/ })).toBeFocused();
      await expect(page.getByRole("heading", { level: 1 })).not.toBeInViewport();
      await expect(page.locator("dt", { hasText: "Is it in one leg, both legs, or are you not sure?" })).toBeVisible();
      await expect(page.locator("dd", { hasText: "5 days ago" })).toBeVisible();
    },
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test(
    "a patient can complete the whole intake, change an answer, and see the result",
    ANY_SCREEN,
    async ({ page }) => {
      test.setTimeout(90_000);
      await completeIntake(page, vignetteIntake("P12", new Date()) as never, { stopAt: "check-answers" });
      // "Change" near the end of the long page: Continue brings the patient back to that row (a fragment).
      await page.getByRole("link", { name: "Change Have you ever had psoriasis?" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS.joints);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/intake\/check-answers#row-inflammatory-psoriasisHistory$/);
      await expect(page.locator("#row-inflammatory-psoriasisHistory")).toBeInViewport();
      await expect(page.getByRole("heading", { level: 1 })).not.toBeInViewport();
      await page.getByRole("button", { name: "Send form" }).click();
      await expect(page).toHaveURL(RESULT_URL);
      await expect(page.getByText("Soon: within 7 days")).toBeVisible();
      await expect(page.getByRole("link", { name: "Book your appointment" })).toBeVisible();
    },
  );

  test("errors are shown by the server", ANY_SCREEN, async ({ page }) => {
    await page.goto("/intake/about-you");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByText("Enter your first name").first()).toBeVisible();
  });

  test(
    "a follow-up question comes back from the server when an answer brings it, without an error",
    ANY_SCREEN,
    async ({ page }) => {
      await page.goto("/intake/where-it-hurts");
      await markWhereItHurts(page, ["low_back"], "none");
      await continueTo(page, HEADINGS["this-episode"]);
      await page.goto("/intake/legs");
      await expect(page.locator('[name="legs.numbnessLegs"]').first()).toBeHidden();
      for (const [name, value] of [
        ["numbnessOrTingling", "yes"],
        ["weakness", "none"],
        ["difficultyWalking", "no"],
        ["armOrHandSymptoms", "no"],
      ]) {
        await page.locator(`input[name="legs.${name}"][value="${value}"]`).check();
      }
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByRole("heading", { name: MORE_DETAIL })).toBeVisible();
      await expect(page.getByRole("heading", { name: "There is a problem" })).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS.legs);
      await expect(page.locator('input[name="legs.numbnessOrTingling"][value="yes"]')).toBeChecked();
      await page.locator('input[name="legs.numbnessLegs"][value="both_legs"]').check();
      await page.locator('input[name="legs.onsetDays.numbness.unknown"]').check();
      await page.locator('input[name="legs.worsening"][value="unknown"]').check();
      await continueTo(page, HEADINGS["nerve-check"]);
    },
  );

  test("a patient under 16 is told on the next page, and asked for a parent's number", ANY_SCREEN, async ({ page }) => {
    const a = vignetteIntake("P29", new Date()); // a boy of 14
    await page.goto("/intake/about-you");
    await fillAboutYou(page, a.contact as Parameters<typeof fillAboutYou>[1]);
    await continueTo(page, HEADINGS["where-it-hurts"]);
    await expect(page.getByRole("heading", { name: "This form is for people aged 16 and over" })).toBeVisible();
    await page.getByRole("link", { name: "Change the phone number" }).click();
    await expect(page.getByLabel("Phone number of a parent or carer")).toBeVisible();
  });
});
