import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { ONCE } from "./screens";
import { openEmail } from "./mailbox";
import { ADMIN, signIn } from "./staff-session";

type Slot = { start: string; clinicianId: string; appointmentTypeId: string };

// The check goes at once for an appointment booked inside the clinic's check days (and at least an
// hour before the cut-off). With 14 days, any time 26 hours or more ahead gets it at booking, so the
// tests need no clock of their own; the setting goes back to 2 days afterwards.
test.describe.configure({ mode: "serial" });

async function setCheckDays(page: Page, days: string) {
  await signIn(page, ADMIN, "/staff/settings");
  const policies = page.locator("#policies");
  await policies.getByLabel("Pre-visit check (days before)").fill(days);
  await policies.getByRole("button", { name: "Save clinic details and policies" }).click();
  await expect(policies.getByLabel("Pre-visit check (days before)")).toHaveValue(days);
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setCheckDays(page, "14");
  await page.close();
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setCheckDays(page, "2");
  await page.close();
});

/** A ROUTINE patient graded by the intake API and booked through the bookings API, 27 hours or more ahead. */
async function bookedPatient(request: APIRequestContext, lastName: string, ip: string) {
  const email = `${lastName.toLowerCase()}@example.test`;
  const data = vignetteIntake("P15", new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName: "Noor", lastName, email };
  const intake = await request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(intake.status()).toBe(201);
  const { level, next } = (await intake.json()) as { level: string; next: { bookingUrl: string } };
  expect(level).toBe("ROUTINE");
  const token = new URL(next.bookingUrl, "http://clinic.test").searchParams.get("token")!;
  const slotsRes = await request.get(`/api/v1/slots?bookingToken=${encodeURIComponent(token)}&days=14`, {
    headers: { "x-forwarded-for": ip },
  });
  const { slots } = (await slotsRes.json()) as { slots: Slot[] };
  const fitting = slots.filter((s) => new Date(s.start).getTime() - Date.now() > 27 * 3_600_000);
  expect(fitting.length).toBeGreaterThan(0);
  const slot = fitting[Math.floor(fitting.length / 3)]!;
  const booked = await request.post("/api/v1/bookings", {
    data: {
      bookingToken: token,
      appointmentTypeId: slot.appointmentTypeId,
      clinicianId: slot.clinicianId,
      start: slot.start,
    },
    headers: { "x-forwarded-for": ip },
  });
  expect(booked.status()).toBe(201);
  return { email };
}

/** The check's link from the patient's "Pre-visit check" email in the development mailbox. */
async function checkPath(page: Page, email: string): Promise<string> {
  const { text } = await openEmail(page, email, "Pre-visit check");
  expect(text).toContain("A short check before your visit");
  const link = text.match(/https?:\/\/[^\s)]+\/appointments\/check\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeTruthy();
  return new URL(link!).pathname;
}

/** Answers one question of the check (its radio group, by the question's words). */
async function choose(page: Page, question: RegExp, answer: string) {
  await page.getByRole("group", { name: question }).getByLabel(answer, { exact: true }).check();
}

/** Everything as it was, except what the test sets. */
async function answerCalmly(page: Page, { bladder = "No", pattern = "It is about the same", pain = "3" } = {}) {
  await choose(page, /numbness, tingling, pins and needles/, "No");
  await choose(page, /new problems with peeing/, bladder);
  await choose(page, /new problems with your bowels/, "No");
  await choose(page, /change in your sexual function/, "No");
  await choose(page, /either leg feel weak/, "No");
  await choose(page, /Has your walking changed/, "No");
  await choose(page, /How is the pain changing/, pattern);
  await choose(page, /at its worst in the last 24 hours/, pain);
}

test("a patient whose check reports a new bladder change is re-graded and shown the emergency advice", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const { email } = await bookedPatient(request, `Checkworse${stamp}`, "192.0.2.221");
  const path = await checkPath(page, email);

  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "A short check before your visit" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen: the problems are listed at the top and beside each question.
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(
    page.getByText("Choose how you are now, compared with when you filled in the form").first(),
  ).toBeVisible();

  await answerCalmly(page, { bladder: "Yes", pain: "6" });
  await choose(page, /Overall, how are you now/, "Worse");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page).toHaveURL(/\/intake\/[0-9a-f-]{36}\/result/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/emergency department/i);
  await expect(page.locator("main")).not.toContainText(/book your appointment/i);

  // The link again: the answers given, calmly, and the way to the advice.
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your answers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See your advice" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your answers", exact: true })).toBeVisible();
  await expect(page.getByText("Worse", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a patient who is much better gives the time back from the check", ONCE, async ({ page, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const { email } = await bookedPatient(request, `Checkbetter${stamp}`, "192.0.2.222");
  const path = await checkPath(page, email);

  await page.goto(path);
  await answerCalmly(page, { pattern: "It is getting better", pain: "1" });
  await choose(page, /Overall, how are you now/, "Much better");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Do you still need this appointment?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Keep my appointment" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Give this time back" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You gave this time back" })).toBeVisible();
  await openEmail(page, email, "Cancellation");

  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "You gave this time back" })).toBeVisible();
  await expect(page.getByText("Much better", { exact: true })).toBeVisible();
});
