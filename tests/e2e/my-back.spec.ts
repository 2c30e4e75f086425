import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { openEmail } from "./mailbox";
import { ANY_SCREEN, ONCE } from "./screens";
import { CLINICIAN, signIn } from "./staff-session";

// My back (issue 20): the private page every patient email links to, the recovery check-in and the
// return-to-run plan. Each journey makes its own runner through the intake API (a unique email and
// rate-limit bucket per test and project); the demo's Sam Carter, whose two-week check-in is open,
// is used by one desktop-only test.

const MY_BACK_PATH = /\/my\/[A-Za-z0-9_-]{43}/;

/** A SELF_CARE runner (P17) graded by the intake API: their email and date of birth. */
async function runner(request: APIRequestContext, lastName: string, ip: string) {
  const email = `${lastName.toLowerCase()}@example.test`;
  const data = vignetteIntake("P17", new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName: "Robin", lastName, email };
  const response = await request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(response.status()).toBe(201);
  expect(((await response.json()) as { level: string }).level).toBe("SELF_CARE");
  return { email, dateOfBirth: String(data.contact.dateOfBirth) };
}

/** Fills in /my's form (a date of birth as YYYY-MM-DD) and sends it; the answer is always the same. */
async function askForLink(page: Page, email: string, dateOfBirth: string) {
  const [year, month, day] = dateOfBirth.split("-");
  await page.goto("/my");
  await expect(page.getByRole("heading", { level: 1, name: "Get a link to My back" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Day", { exact: true }).fill(String(Number(day)));
  await page.getByLabel("Month", { exact: true }).fill(String(Number(month)));
  await page.getByLabel("Year", { exact: true }).fill(year!);
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByText(/If those details match our records, we have sent a new link/)).toBeVisible();
}

/** The My back path in the newest "My back link" email to `email` (asserting it is the only one). */
async function myBackFromEmail(page: Page, email: string): Promise<string> {
  const { text } = await openEmail(page, email, "My back link");
  expect(text).toContain("Open My back");
  const path = text.match(MY_BACK_PATH)?.[0];
  expect(path).toBeTruthy();
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("listitem").filter({ hasText: `My back link to ${email}` })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /^Your link from / }).first()).toBeVisible();
  return path!;
}

/** Answers one radio question (or ticks one box) of a plain question form, by the question's words. */
async function choose(page: Page, question: RegExp, answer: string) {
  await page.getByRole("group", { name: question }).getByLabel(answer, { exact: true }).check();
}

/** One week of the running plan's check-in, sent. */
async function planWeek(page: Page, { went, pain = "1" }: { went: string; pain?: string }) {
  await choose(page, /reach this week's goal/, "Yes");
  await choose(page, /pain during your sessions/, pain);
  await choose(page, /pain the morning after/, pain);
  await choose(page, /Where did the pain go/, went);
  await choose(page, /noticed any of these this week/, "None of these");
  await page.getByRole("button", { name: "Send and see next week" }).click();
}

test("a runner gets a link at /my, starts the running plan, stays on a stage checked in too soon, and is paused when the pain spreads", async ({
  page,
  request,
}, info) => {
  test.setTimeout(90_000);
  const phone = info.project.name === "phone";
  const stamp = `${Date.now().toString(36)}${phone ? "p" : "d"}`;
  const ip = phone ? "192.0.2.232" : "192.0.2.231";
  const { email, dateOfBirth } = await runner(request, `Mybackrun${stamp}`, ip);
  // The link requests' own rate-limit bucket (the app trusts one proxy in the e2e deployment).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });

  // Wrong details, then the right ones: the same calm answer, and one email only.
  const day = Number(dateOfBirth.slice(8, 10));
  await askForLink(page, email, `${dateOfBirth.slice(0, 8)}${day === 1 ? "02" : "01"}`);
  await askForLink(page, email, dateOfBirth);
  const home = await myBackFromEmail(page, email);

  await page.goto(home);
  await expect(page.getByRole("heading", { level: 1, name: "My back" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Your running plan" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "See the plan and start" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Back to running, step by step" })).toBeVisible();
  await page.getByRole("button", { name: "Start my plan" }).click();
  await expect(page.getByText("Your plan has started.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "This week: stage 1, Walk at a quick pace" })).toBeVisible();
  await expectNoAxeViolations(page);

  // All clear, but the stage began minutes ago: the plan moves on only after a week at a stage.
  await planWeek(page, { went: "It stayed in the same place" });
  await expect(page.getByText("Repeated the stage.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^This week: stage 1, / })).toBeVisible();

  // Pain spreading into the leg stops the plan for a clinician.
  await planWeek(page, { went: "It spread into my buttock, leg or foot" });
  await expect(page.getByText("Paused for a clinician.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your plan is paused" })).toBeVisible();

  // The clinician's review list names the reason; the case's Recovery panel says the plan stopped.
  await signIn(page, CLINICIAN, `/staff/review?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId("case-row").filter({ hasText: `Mybackrun${stamp}` });
  await expect(row).toContainText("Running plan stopped by its pain rules");
  await row.getByRole("link", { name: `Robin Mybackrun${stamp}`, exact: true }).click();
  const recovery = page.getByTestId("recovery");
  await expect(recovery).toContainText(/Stopped at stage 1 .*waiting for a clinician/);
  await expect(recovery).toContainText("STOPPED for review");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test(
    "My back's forms work as plain HTML: the link request, the activities and a week of the plan",
    ONCE,
    async ({ page, request }, info) => {
      test.setTimeout(90_000);
      const phone = info.project.name === "phone";
      const stamp = `${Date.now().toString(36)}${phone ? "p" : "d"}`;
      const ip = phone ? "192.0.2.234" : "192.0.2.233";
      const { email, dateOfBirth } = await runner(request, `Mybacknojs${stamp}`, ip);
      await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });

      await askForLink(page, email, dateOfBirth);
      const home = await myBackFromEmail(page, email);
      await page.goto(home);
      await expect(page.getByRole("heading", { level: 1, name: "My back" })).toBeVisible();

      // The running plan: started and one week answered, each a plain post.
      await page.getByRole("link", { name: "See the plan and start" }).click();
      await page.getByRole("button", { name: "Start my plan" }).click();
      await expect(page.getByRole("heading", { name: "This week: stage 1, Walk at a quick pace" })).toBeVisible();
      // A week sent with no warning-sign box ticked is refused, keeping the answers given.
      await choose(page, /reach this week's goal/, "Yes");
      await choose(page, /pain during your sessions/, "2");
      await page.getByRole("button", { name: "Send and see next week" }).click();
      await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
      await expect(
        page.getByRole("link", { name: "Tick any of these you have noticed, or tick None of these" }),
      ).toBeVisible();
      await expect(
        page.getByRole("group", { name: /reach this week's goal/ }).getByLabel("Yes", { exact: true }),
      ).toBeChecked();
      await planWeek(page, { went: "It moved back towards the middle of my back" });
      await expect(page.getByText("Repeated the stage.")).toBeVisible();
      await expect(page.getByRole("heading", { name: /^This week: stage 1, / })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Your weeks so far" })).toBeVisible();
      await page.getByRole("link", { name: "Back to My back" }).first().click();
      await expect(page.getByText(/You are on stage 1: /)).toBeVisible();

      // The activities: ticks sent by GET, then a rating for each, posted.
      await page.getByRole("link", { name: "Choose what to track" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "What does your back make hard?" })).toBeVisible();
      await page.getByLabel("Running or jogging", { exact: true }).check();
      await page.getByLabel("Sitting for a long time", { exact: true }).check();
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/activities\?pick=running&pick=sitting_long$/);
      await expect(page.getByRole("heading", { level: 1, name: "How well can you do these now?" })).toBeVisible();
      await choose(page, /^Running or jogging: how well/, "4");
      await choose(page, /^Sitting for a long time: how well/, "6");
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Saved. Each check-in will ask how you are doing with these.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Your progress" })).toContainText(
        "The things you told us your back makes hard: Running or jogging, Sitting for a long time",
      );
    },
  );
});

/**
 * The path of Sam Carter's (demo) two-week check-in: from his "How is your back?" email, or, when a
 * long run has pushed it out of the mailbox's newest 100, from a My back link he asks for at /my.
 */
async function samCheckinPath(page: Page): Promise<string> {
  const row = page.getByRole("listitem").filter({ hasText: "Two-week check-in to sam.carter@example.com" });
  const found = await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(row).toBeVisible({ timeout: 1000 });
  })
    .toPass({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  if (found) {
    const { text } = await openEmail(page, "sam.carter@example.com", "Two-week check-in");
    expect(text).toContain("Answer the check-in");
    const link = text.match(/\/my\/[A-Za-z0-9_-]{43}\/check-in/)?.[0];
    expect(link).toBeTruthy();
    return link!;
  }
  // His date of birth: 34 years before his grading, 15 days before the server seeded (seedDemo).
  const births = [0, 3_600_000].map((ago) => {
    const at = new Date(Date.now() - ago - 15 * 86_400_000);
    return new Date(Date.UTC(at.getUTCFullYear() - 34, at.getUTCMonth(), at.getUTCDate())).toISOString().slice(0, 10);
  });
  for (const dob of new Set(births)) await askForLink(page, "sam.carter@example.com", dob);
  const { text } = await openEmail(page, "sam.carter@example.com", "My back link");
  return `${text.match(MY_BACK_PATH)![0]}/check-in`;
}

test(
  "Sam Carter answers his two-week check-in as worse, without JavaScript: re-graded, asked to come in, on the review list; he stops the emails",
  ANY_SCREEN,
  async ({ page: staffPage, browser }, testInfo) => {
    test.setTimeout(90_000);
    // The patient's side without JavaScript: the check-in is a plain form (the plan's and the
    // activities' forms are checked without it above; with it, in the runner's journey).
    const patient = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      javaScriptEnabled: false,
      extraHTTPHeaders: { "x-forwarded-for": "192.0.2.235" },
    });
    const page = await patient.newPage();
    const checkin = await samCheckinPath(page);
    const home = checkin.replace(/\/check-in$/, "");

    await page.goto(home);
    await expect(page.getByRole("heading", { name: "Your 2-week check-in is ready" })).toBeVisible();
    await page.getByRole("link", { name: "Answer the check-in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your 2-week check-in" })).toBeVisible();

    await choose(page, /at its worst in the last 24 hours/, "6");
    await choose(page, /Overall, how is your back now/, "Worse");
    await choose(page, /numbness, tingling, pins and needles/, "No");
    await choose(page, /new problems with peeing/, "No");
    await choose(page, /new problems with your bowels/, "No");
    await choose(page, /change in your sexual function/, "No");
    await choose(page, /either leg feel weak/, "No");
    await choose(page, /Has your walking changed/, "No");
    await choose(page, /How is the pain changing/, "It is about the same");
    await page.getByRole("button", { name: "Send my answers" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Thank you for your answers" })).toBeVisible();
    await expect(page.getByText("Your answers have changed our advice.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "We would like to see you" })).toBeVisible();
    await page.goto(home);
    await expect(page.getByRole("heading", { name: "We would like to see you" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /check-in is ready/ })).toHaveCount(0);

    // Stopping the check-in emails: one button.
    await page.getByRole("link", { name: "Stop check-in emails" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stop check-in emails?" })).toBeVisible();
    await page.getByRole("button", { name: "Stop check-in emails" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check-in emails are stopped" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Start check-in emails again" })).toBeVisible();

    await patient.close();

    // The clinic's review list shows him, with the reason.
    await signIn(staffPage, CLINICIAN, "/staff/review?q=sam.carter%40example.com");
    await expect(
      staffPage
        .getByTestId("case-row")
        .filter({ hasText: "Sam Carter" })
        .filter({ hasText: "Not improving at a check-in" }),
    ).toHaveCount(1);
  },
);
