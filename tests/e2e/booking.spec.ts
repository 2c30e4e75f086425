import { expect, test, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { openEmail } from "./mailbox";
import { CLINICIAN, signIn } from "./staff-session";
import { ANY_SCREEN, EMBEDDED_ONLY, ONCE } from "./screens";

/** Goes one week on and waits for the new week's times (so nothing is picked on the old page). */
async function laterWeek(page: Page) {
  const label = page.getByRole("navigation", { name: "Weeks" }).locator("strong");
  const before = await label.innerText();
  await page.getByRole("link", { name: "Later week" }).click();
  await expect(label).not.toHaveText(before);
}

/**
 * Books the n-th time of the week after this one from a booking link. Specs running at the same time
 * book in the same weeks: when another took that time first, the page says so and shows the times
 * from the chosen day, and the next free time is tried (as a patient would), up to three times.
 */
async function bookLaterWeek(page: Page, bookingUrl: string, nth: number) {
  const booked = page.getByText("Your appointment is booked.");
  const taken = page.getByText("Sorry, that time was just taken by someone else.");
  await page.goto(bookingUrl);
  await laterWeek(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await expect(page).toHaveURL(/[?&]week=\d{4}-\d{2}-\d{2}/);
    await page
      .getByRole("radio")
      .nth(attempt === 0 ? nth : 0)
      .check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(booked.or(taken)).toBeVisible({ timeout: 15_000 });
    if (await booked.isVisible()) return;
  }
  await expect(booked).toBeVisible();
}

/** From the booked appointment's page: "something got worse", a new bladder change, nothing else. */
async function reportBladderChange(page: Page, { axe = false } = {}) {
  await page.getByRole("link", { name: "Choose another time" }).click();
  await page.getByRole("radio", { name: "Yes, something is worse" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Tell us how things are now" })).toBeVisible();
  if (axe) await expectNoAxeViolations(page);
  const answer = (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
  await answer("cauda.saddleNumbness", "no");
  await answer("cauda.bladderChange", "yes");
  await answer("cauda.bowelChange", "no");
  await answer("cauda.sexualFunctionChange", "no");
  await answer("legs.weakness", "none");
  await answer("legs.difficultyWalking", "no");
  await answer("pain.pattern", "stable");
  await answer("pain.intensity", "5");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Emergency: go now")).toBeVisible();
}

// A ROUTINE patient books from the result page, moves the appointment, then cancels it.
// Each step's email arrives in the development mailbox with the right calendar file.
test("a patient books, reschedules and cancels an appointment", async ({ page, request }, info) => {
  test.setTimeout(120_000);
  const email = `booker-${info.project.name}-${Date.now()}@example.test`;
  const answers = vignetteIntake("P15", new Date()) as { contact: { email: string } };
  answers.contact.email = email;
  const res = await request.post("/api/v1/intakes", {
    data: answers,
    headers: { "x-forwarded-for": `192.0.2.${40 + info.parallelIndex}` },
  });
  const intake = await res.json();
  expect(intake.level).toBe("ROUTINE");

  await page.goto(intake.next.bookingUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a time for your initial assessment");
  await expect(page.getByText(/All times are New York time/)).toBeVisible();
  await expectNoAxeViolations(page);
  // Later weeks always have room in the demo clinic: go one week on, take the first time.
  await laterWeek(page);
  const first = page.getByRole("radio").first();
  const chosen = (await first.locator("xpath=following-sibling::label").innerText()).replace(/\s+/g, " ");
  await first.check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check your appointment" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
  await expect(page).toHaveURL(/\/appointments\/manage\/[A-Za-z0-9_-]{43}\?booked=1/);
  await expect(page.getByText(/\/appointments\/manage\/[A-Za-z0-9_-]{43}$/)).toBeVisible(); // the private link, written out
  const [time, clinician] = chosen.split(" with ").map((t) => t.trim());
  await expect(page.getByText(new RegExp(`at ${time!.replace(" ", "\\s")}`))).toBeVisible();
  await expect(page.getByText(clinician!)).toBeVisible();
  await expect(page.getByText("240 Hudson Street").first()).toBeVisible();
  await expectNoAxeViolations(page);
  const manageUrl = page.url().split("?")[0]!;

  const confirmation = await openEmail(page, email, "Booking confirmation");
  expect(confirmation.text).toContain(manageUrl);
  expect(confirmation.text).toContain("New York time");
  expect(confirmation.calendar).toContain("METHOD:REQUEST");
  expect(confirmation.calendar).toContain("SEQUENCE:0");
  const uid = /UID:(\S+)/.exec(confirmation.calendar!)?.[1];
  await page.goto(manageUrl);

  await page.getByRole("link", { name: "Choose another time" }).click();
  await page.getByRole("radio", { name: "No, it is the same or better" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await laterWeek(page);
  // Other tests book too (this one runs on the phone at the same time): when one takes the chosen
  // time first, the page says so and shows the times again from the chosen day (not "has anything
  // got worse?" a second time, nor this week's times), and the patient picks the next one.
  const movedNotice = page.getByText("Your appointment has been moved.");
  const taken = page.getByText("Sorry, that time was just taken. Please choose another.");
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await expect(page).toHaveURL(/[?&]week=\d{4}-\d{2}-\d{2}/);
    await page
      .getByRole("radio")
      .nth(attempt === 0 ? 3 : 0)
      .check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Move my appointment" }).click();
    await expect(movedNotice.or(taken)).toBeVisible();
    if (await movedNotice.isVisible()) break;
  }
  await expect(movedNotice).toBeVisible();
  expect(page.url().split("?")[0]).toBe(manageUrl); // the same private link still works

  const moved = await openEmail(page, email, "Appointment moved");
  expect(moved.text).toContain(manageUrl);
  expect(moved.calendar).toContain(`UID:${uid}`);
  expect(moved.calendar).toContain("SEQUENCE:1");
  await page.goto(manageUrl);

  await page.getByRole("link", { name: "Cancel appointment" }).click();
  await page.getByLabel("Why are you cancelling? (optional)").fill("Feeling much better");
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("heading", { name: "Your appointment is cancelled" })).toBeVisible();
  const gone = await page.goto(manageUrl);
  expect(gone?.status()).toBe(200); // a real appointment's link says it was cancelled (tests/e2e/cancel.spec.ts)
  await expect(page.getByRole("heading", { name: "This appointment was cancelled" })).toBeVisible();

  const cancelled = await openEmail(page, email, "Cancellation");
  expect(cancelled.calendar).toContain("METHOD:CANCEL");
  expect(cancelled.calendar).toContain(`UID:${uid}`);
  expect(cancelled.calendar).toContain("SEQUENCE:2");
});

test(
  "the time picker shows a day at a time, filters by clinician, and keeps the chosen time and Continue in view",
  EMBEDDED_ONLY,
  async ({ page, request }, info) => {
    const res = await request.post("/api/v1/intakes", {
      data: vignetteIntake("P15", new Date()),
      headers: { "x-forwarded-for": `192.0.2.${50 + info.parallelIndex}` },
    });
    const intake = await res.json();
    await page.goto(intake.next.bookingUrl);
    await laterWeek(page);
    await expect(page.getByText("All times are New York time.")).toBeVisible(); // a place, not an IANA id
    const days = page.getByRole("navigation", { name: "Days" });
    const current = days.locator('[aria-current="date"]');
    await expect(current).toHaveCount(1);
    // Another day: its times only, under its heading, and the soonest time offered at the top.
    const other = days.getByRole("link").nth(1);
    const otherName = (await other.getAttribute("aria-label"))!.split(":")[0]!;
    await other.click();
    await expect(page.getByRole("heading", { level: 2, name: otherName })).toBeVisible();
    await expect(page.getByRole("group", { name: "First available" })).toBeVisible();
    // How tall a day of every clinician's times is (README): the old single list was 6,360 px on a phone.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const times = await page.getByRole("radio").count();
    const measure = `time picker (${info.project.name}): ${times} times on one day, page ${height} px tall`;
    info.annotations.push({ type: "measure", description: measure });
    console.log(measure);
    expect(height).toBeLessThan(6360);
    // One clinician: every time on view is theirs.
    const filter = page.getByRole("navigation", { name: "Clinicians" });
    await filter.getByRole("link", { name: "Sam Okafor" }).click();
    await expect(filter.getByRole("link", { name: "Sam Okafor" })).toHaveAttribute("aria-current", "true");
    const labels = await page.locator('input[name="slot"] + label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l.replace(/\s+/g, " ").endsWith("with Sam Okafor"))).toBe(true);
    // The last time of the day chosen: the choice and Continue are on screen without scrolling down.
    await page.getByRole("radio").last().check();
    await expect(page.getByRole("status").filter({ hasText: /^Chosen: / })).toBeInViewport();
    await expect(page.getByRole("button", { name: "Continue" })).toBeInViewport();
    await page.getByRole("radio").first().check();
    await expect(page.getByRole("button", { name: "Continue" })).toBeInViewport();
    await expectNoAxeViolations(page);
  },
);

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // The private pages keep their address out of the Referer of links elsewhere; their forms must
  // still post (a "no-referrer" page sends "Origin: null", which Next refuses as cross-site).
  test("a patient books, moves and cancels from the private link", ONCE, async ({ page, request }, info) => {
    const answers = vignetteIntake("P15", new Date()) as { contact: { email: string } };
    answers.contact.email = `nojs-${info.project.name}-${Date.now()}@example.test`;
    const res = await request.post("/api/v1/intakes", {
      data: answers,
      headers: { "x-forwarded-for": `192.0.2.${60 + info.parallelIndex}` },
    });
    const intake = await res.json();
    await page.goto(intake.next.bookingUrl);
    // Two weeks on, and a time of its own per browser project: the other booking tests (and this
    // one on the other project, in parallel) take earlier times.
    await laterWeek(page);
    await laterWeek(page);
    await page
      .getByRole("radio")
      .nth(info.project.name === "phone" ? 17 : 11)
      .check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByText("Your appointment is booked.")).toBeVisible();
    // Its address (the private link) is sent to no other site.
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    await page.getByRole("link", { name: "Choose another time" }).click();
    await page.getByRole("radio", { name: "No, it is the same or better" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await laterWeek(page);
    await laterWeek(page);
    await page
      .getByRole("radio")
      .nth(info.project.name === "phone" ? 19 : 13)
      .check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Move my appointment" }).click();
    await expect(page.getByText("Your appointment has been moved.")).toBeVisible();
    await page.getByRole("link", { name: "Cancel appointment" }).click();
    await expect(page.getByRole("heading", { name: "Cancel your appointment?" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(page.getByRole("heading", { name: "Your appointment is cancelled" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Book another time" })).toBeVisible();
  });
});

test(
  "a rescheduling patient who reports new bladder trouble is re-graded and told to go now",
  ANY_SCREEN,
  async ({ page, request }, info) => {
    const res = await request.post("/api/v1/intakes", {
      data: vignetteIntake("P19", new Date()),
      headers: { "x-forwarded-for": `192.0.2.${60 + info.parallelIndex}` },
    });
    const intake = await res.json();
    await bookLaterWeek(page, intake.next.bookingUrl, 5);
    await reportBladderChange(page, { axe: true });
    await expect(page.getByRole("link", { name: "Book your appointment" })).toHaveCount(0);
  },
);

test(
  "an emergency result's booking link books nothing, and the staff are alerted by email (alone, or in a digest a minute later)",
  ANY_SCREEN,
  async ({ page, request }) => {
    test.setTimeout(150_000);
    const res = await request.post("/api/v1/intakes", {
      data: vignetteIntake("P01", new Date()),
      headers: { "x-forwarded-for": "192.0.2.99" },
    });
    const intake = await res.json();
    expect(intake.next.bookingUrl).toBeNull();
    // The alert for this intake reaches the mailbox with a link to the case: at once, or in the next
    // minute's digest when other tests' alerts went to the same address just before (one email a minute).
    await expect(async () => {
      await page.goto("/dev/mailbox");
      const links = page
        .getByRole("listitem")
        .filter({ hasText: /Staff alert( digest)? to/ })
        .getByRole("link");
      const hrefs = await Promise.all((await links.all()).map((l) => l.getAttribute("href")));
      const bodies = await Promise.all(hrefs.map(async (href) => (await page.request.get(href!)).text()));
      expect(bodies.some((b) => b.includes(`/staff/cases/${intake.id}`))).toBe(true);
    }).toPass({ timeout: 100_000 });
    await expectNoAxeViolations(page);
    await page.goto("/book?token=forged.token");
    await expect(page.getByRole("heading", { name: "This booking link does not work" })).toBeVisible();
  },
);

test(
  "after an EMERGENCY re-grade the patient cannot move the appointment, and the new case links the first intake and shows it",
  ANY_SCREEN,
  async ({ page, browser, baseURL, request }, info) => {
    const res = await request.post("/api/v1/intakes", {
      data: vignetteIntake("P19", new Date()),
      headers: { "x-forwarded-for": `192.0.2.${80 + info.parallelIndex}` },
    });
    const intake = await res.json();
    await bookLaterWeek(page, intake.next.bookingUrl, 7);
    const manageUrl = page.url().split("?")[0]!;
    await reportBladderChange(page);
    const regradeId = /\/intake\/([0-9a-f-]{36})\/result/.exec(page.url())?.[1];
    expect(regradeId).toBeTruthy();

    // Back on the private link, saying nothing got worse: the newest grade applies, no times offered.
    await page.goto(manageUrl);
    await page.getByRole("link", { name: "Choose another time" }).click();
    await page.getByRole("radio", { name: "No, it is the same or better" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "This result cannot be booked online" })).toBeVisible();
    await expect(page.getByRole("radio")).toHaveCount(0);

    // The new case names the first intake and shows the appointment still booked from it.
    const staff = await browser.newContext({ baseURL });
    const staffPage = await staff.newPage();
    await signIn(staffPage, CLINICIAN, `/staff/cases/${regradeId}`);
    const link = staffPage.getByRole("link", { name: /^Re-grade of the intake of / });
    await expect(link).toBeVisible();
    await expect(staffPage.getByTestId("earlier-booking")).toContainText("(still booked)");
    await link.click();
    await expect(staffPage).toHaveURL(new RegExp(`/staff/cases/${intake.id}$`));
    await staff.close();
  },
);
