import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openEmail } from "./mailbox";
import { vignetteIntake } from "../support/answers";
import { follow } from "./follow";
import { RECEPTION, signIn } from "./staff-session";

/** A patient who filled in the intake (ROUTINE), with a name nobody else has. */
async function caller(page: Page) {
  const lastName = `Caller${Date.now().toString(36)}`;
  const email = `${lastName.toLowerCase()}@example.test`;
  const data = vignetteIntake("P15", new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName: "Nadia", lastName, email };
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": "192.0.2.181" } });
  expect(res.status()).toBe(201);
  return { lastName, email };
}

const chips = (page: Page) => page.locator("section[aria-labelledby='times-heading'] ul li a[aria-label*=' with ']");

/** Goes day by day (at most two weeks) until the picker shows at least two free times (late in the day, today may have one). */
async function dayWithTimes(page: Page) {
  for (let i = 0; i < 14 && (await chips(page).count()) < 2; i++) {
    await follow(page.getByRole("link", { name: /Day after/ }));
    await expect(page.getByRole("heading", { name: "Choose a time" })).toBeVisible();
  }
  expect(await chips(page).count()).toBeGreaterThan(1);
}

/**
 * Chooses the free time at `which` on the first day with times and waits for `next`. Other tests
 * book the earliest times too: when one took it between the page and the click, the page says the
 * time is not free and shows the day again, and the next free time is chosen, as reception would.
 */
async function chooseTime(page: Page, which: "first" | "second" | "last", next: Locator) {
  const taken = page.getByRole("status").filter({ hasText: /is not free/ });
  for (let attempt = 0; attempt < 5; attempt++) {
    await dayWithTimes(page);
    const all = chips(page);
    await (which === "first" ? all.first() : which === "second" ? all.nth(1) : all.last()).click();
    await expect(next.or(taken).first()).toBeVisible();
    if (await next.isVisible()) return;
  }
  throw new Error("every free time chosen was taken before it could be booked");
}

test("reception finds a caller by name, books a time, moves it and cancels it; the patient is emailed each time", async ({
  page,
}) => {
  const { lastName, email } = await caller(page);
  await signIn(page, RECEPTION, "/staff/book");
  await expect(page.getByRole("heading", { level: 1, name: "Book an appointment" })).toBeVisible();
  await page.getByLabel("Name, email, phone or date of birth").fill(lastName.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `Book for Nadia ${lastName}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Book for Nadia ${lastName}` })).toBeVisible();
  await expect(page.getByTestId("allowance")).toContainText("Routine: may book");
  await dayWithTimes(page);
  await expectNoAxeViolations(page);
  await chooseTime(page, "first", page.getByRole("heading", { name: "Confirm" }));
  await page.getByRole("button", { name: "Book this time" }).click();

  await expect(page).toHaveURL(/\/staff\/appointments\/[0-9a-f-]{36}\?done=booked/);
  await expect(page.getByText("Booked; confirmation emailed to the patient.")).toBeVisible();
  await expect(page.getByTestId("appointment-status")).toHaveText("Booked");
  await expect(page.getByRole("link", { name: `Nadia ${lastName}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Choose another time" }).click();
  await chooseTime(page, "second", page.getByLabel("Reason for the move"));
  await page.getByLabel("Reason for the move").fill("Patient asked for a later time on the phone");
  await page.getByRole("button", { name: "Move to this time" }).click();
  await expect(page).toHaveURL(/done=moved/);
  await expect(page.getByText("Moved; the patient was emailed the new time.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Times this appointment has had" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Reason for cancelling").fill("Patient is feeling better");
  await page.getByRole("button", { name: "Cancel this appointment" }).click();
  await expect(page).toHaveURL(/done=cancelled/);
  await expect(page.getByTestId("appointment-status")).toContainText("Cancelled");
  await expect(page.getByText("Patient is feeling better")).toBeVisible();

  const confirmation = await openEmail(page, email, "Booking confirmation");
  expect(confirmation.text).toContain("/appointments/manage/");
  const moved = await openEmail(page, email, "Appointment moved");
  expect(moved.text).toContain("/appointments/manage/");
  await openEmail(page, email, "Cancellation");
});

test("a reason is required to move or cancel, shown beside the field", async ({ page }) => {
  const { lastName } = await caller(page);
  await signIn(page, RECEPTION, `/staff/book?${new URLSearchParams({ q: lastName })}`);
  await page.getByRole("link", { name: `Book for Nadia ${lastName}` }).click();
  // The last free time: the other test books the first one meanwhile.
  await chooseTime(page, "last", page.getByRole("button", { name: "Book this time" }));
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page).toHaveURL(/done=booked/);
  await page.getByRole("button", { name: "Cancel this appointment" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expect(page.getByText("Give the reason").first()).toBeVisible();
  await expect(page.getByLabel("Reason for cancelling")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("appointment-status")).toHaveText("Booked");
});
