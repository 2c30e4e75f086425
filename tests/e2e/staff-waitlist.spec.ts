import { expect, test, type APIRequestContext } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { RECEPTION, signIn } from "./staff-session";

/** A patient graded by the intake API who joins the waitlist with their booking link; their full name. */
async function joinsWaitlist(request: APIRequestContext, vignette: string, lastName: string, ip: string) {
  const data = vignetteIntake(vignette, new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName: "Wren", lastName, email: `${lastName.toLowerCase()}@example.test` };
  const intake = await (await request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } })).json();
  const bookingToken = new URL(intake.next.bookingUrl, "http://clinic.test").searchParams.get("token");
  const joined = await request.post("/api/v1/waitlist", {
    // Tuesday too: on a Friday the other tests' bookings fill Monday morning first, and a patient with
    // no free time that suits them cannot be offered one.
    data: { bookingToken, availability: { mon: ["morning"], tue: ["morning", "afternoon"], wed: ["evening"] } },
    headers: { "x-forwarded-for": ip },
  });
  expect(joined.status()).toBe(201);
  return `Wren ${lastName}`;
}

test("reception sees the waitlist most urgent first, with why, and takes a patient off with a reason", async ({
  page,
  request,
}) => {
  const stamp = Date.now().toString(36);
  const routine = await joinsWaitlist(request, "P15", `Routinewait${stamp}`, "192.0.2.191");
  const soon = await joinsWaitlist(request, "P12", `Soonwait${stamp}`, "192.0.2.192");

  await signIn(page, RECEPTION, "/staff/waitlist");
  await expect(page.getByRole("heading", { level: 1, name: "Waitlist" })).toBeVisible();
  const names = await page.getByTestId("waitlist-row").getByRole("rowheader").getByRole("link").allInnerTexts();
  // The SOON patient joined later but is offered times first.
  expect(names.indexOf(soon)).toBeGreaterThanOrEqual(0);
  expect(names.indexOf(soon)).toBeLessThan(names.indexOf(routine));
  const soonRow = page.getByTestId("waitlist-row").filter({ hasText: soon });
  await expect(soonRow).toContainText(/Soon: deadline in 6 days/);
  await expect(soonRow).toContainText("Monday morning; Tuesday morning and afternoon; Wednesday evening");
  await expectNoAxeViolations(page);

  const routineRow = page.getByTestId("waitlist-row").filter({ hasText: routine });
  await routineRow.getByLabel("Reason").fill("Booked by phone");
  await routineRow.getByRole("button", { name: `Take off ${routine}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Taken off the waitlist." })).toBeVisible();
  await expect(page.getByTestId("waitlist-row").filter({ hasText: routine })).toHaveCount(0);
  await expect(page.getByTestId("waitlist-row").filter({ hasText: soon })).toHaveCount(1);

  // Reception offers the SOON patient a time of their choosing: the patient is emailed and the time held.
  await page.getByRole("link", { name: `Offer a time to ${soon}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Offer a time to ${soon}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Offer this time" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Offered: the patient has been emailed" })).toBeVisible();
  const offered = page.getByTestId("waitlist-row").filter({ hasText: soon });
  await expect(offered).toContainText(/Held for them until .* \(offered by /);
  await expect(offered.getByRole("link", { name: `Offer a time to ${soon}` })).toHaveCount(0);
  await expect(page.getByTestId("waitlist-measures")).toContainText("Times freed");
});
