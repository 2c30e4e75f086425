import { expect, test, type Browser, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { ANY_SCREEN } from "./screens";
import { continueTo, fillAboutYou, HEADINGS, markWhereItHurts, RESULT_URL, section } from "./intake-flow";

// The early red-flag interrupt (triage-rules.md): sudden tearing pain, answered on the blood vessel
// page, shows the emergency page as the very next page, before any nerve or health question.

/** A calm patient (P15) up to the blood vessel page, who then answers that page. */
async function reachVascularCheck(page: Page) {
  const a = vignetteIntake("P15", new Date());
  await page.goto("/intake/about-you");
  await fillAboutYou(page, a.contact as Parameters<typeof fillAboutYou>[1]);
  await continueTo(page, HEADINGS["where-it-hurts"]);
  await markWhereItHurts(page, a.pain.locations, "none");
  await continueTo(page, HEADINGS["this-episode"]);
  await section(page, "pain", a.pain, ["locations"]);
  await continueTo(page, HEADINGS["how-it-feels"]);
  await section(page, "pain", a.pain, ["locations"]);
  await continueTo(page, HEADINGS["vascular-check"]);
}

async function answerVascular(page: Page, tearing: boolean) {
  await section(page, "vascular", {
    suddenSevereTearingPain: tearing,
    collapseOrFainting: false,
    knownAaa: false,
    smokerOrEx: false,
    abdominalOrFlankPain: false,
    calfPainOnWalkingRelievedByStanding: false,
  });
  await page.getByRole("button", { name: "Continue" }).click();
}

/** axe runs inside the page: without JavaScript, scan the same server-rendered page in a twin browser with the same cookies. */
async function expectAccessible(page: Page, browser: Browser, javaScript: boolean) {
  if (javaScript) return expectNoAxeViolations(page);
  const twin = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  try {
    const copy = await twin.newPage();
    await copy.goto(page.url());
    await expectNoAxeViolations(copy);
  } finally {
    await twin.close();
  }
}

async function expectEmergencyPage(page: Page, browser: Browser, javaScript: boolean) {
  await expect(page).toHaveURL(/\/intake\/emergency$/);
  // The first instruction on the page: call an ambulance (the aortic card).
  const first = page.getByRole("heading", { level: 1 });
  await expect(first).toHaveText(/call an ambulance/i);
  expect(await page.locator("h1, h2").first().textContent()).toMatch(/call an ambulance/i);
  await expect(page.getByText(/The clinic is told only if you send your answers/)).toBeVisible();
  await expect(page.getByText(/Do not wait for a call from the clinic/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my answers to the clinic now" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go back and change an answer" })).toBeVisible();
  // It never asks for more pages first.
  await expect(page.getByRole("button", { name: "Continue" })).toHaveCount(0);
  await expectAccessible(page, browser, javaScript);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    // The emergency page's layout is checked on a phone once (with JavaScript); the path without it
    // and going back are behaviour, the same on any screen.
    test(
      "tearing pain shows the emergency page next, and sending it gives an emergency result",
      javaScriptEnabled ? {} : ANY_SCREEN,
      async ({ page, browser }) => {
        await reachVascularCheck(page);
        await answerVascular(page, true);
        await expectEmergencyPage(page, browser, javaScriptEnabled);

        await page.getByRole("button", { name: "Send my answers to the clinic now" }).click();
        await expect(page).toHaveURL(RESULT_URL);
        expect(new URL(page.url()).searchParams.get("seen")).toBe("aortic");
        await expect(page.getByText("Emergency: go now").first()).toBeVisible();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(/call an ambulance/i);
        await expect(page.getByRole("link", { name: "Book your appointment" })).toHaveCount(0);
        await expectAccessible(page, browser, javaScriptEnabled);

        // The draft is gone: the form starts afresh.
        await page.goto("/intake/about-you");
        await expect(page.getByLabel("First name")).toHaveValue("");
      },
    );

    test("going back to change the answer lets the form continue", ANY_SCREEN, async ({ page, browser }) => {
      await reachVascularCheck(page);
      await answerVascular(page, true);
      await expectEmergencyPage(page, browser, javaScriptEnabled);

      await page.getByRole("link", { name: "Go back and change an answer" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS["vascular-check"]);
      await expect(page.locator('input[name="vascular.suddenSevereTearingPain"][value="yes"]')).toBeChecked();
      await page.locator('input[name="vascular.suddenSevereTearingPain"][value="no"]').check();
      await continueTo(page, HEADINGS.legs);

      // The emergency page is no longer due: opening it goes back to the form.
      await page.goto("/intake/emergency");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS.legs);
    });
  });
}
