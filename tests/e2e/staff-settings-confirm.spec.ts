// Settings that take something away (weekly hours, time off, a clinician) ask first, say what the
// change affects, and change nothing until the admin says yes: with or without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { ADMIN, signIn } from "./staff-session";

/** A clinician of this test's own, so no other test's schedule changes. */
async function addClinician(page: Page, name: string) {
  const section = page.locator("#clinicians");
  // The add form comes last, after each clinician's own "Change name or role" form.
  await section.getByLabel("Name", { exact: true }).last().fill(name);
  await section.getByLabel("Role", { exact: true }).last().fill("Physiotherapist");
  await section.getByRole("button", { name: "Add clinician" }).click();
  await expect(page.locator("#clinicians").getByRole("row", { name: new RegExp(name) })).toBeVisible();
}

test("removing weekly hours asks first: Keep keeps them, Yes removes them", async ({ page }) => {
  const name = `Dr Confirm ${Date.now().toString(36)}`;
  await signIn(page, ADMIN, "/staff/settings");
  await addClinician(page, name);
  const hours = page.locator("#hours");
  await hours.getByLabel("Clinician").selectOption({ label: name });
  await hours.getByLabel("Day").selectOption({ label: "Monday" });
  await hours.getByLabel("From").fill("09:00");
  await hours.getByLabel("Until").fill("12:00");
  await hours.getByRole("button", { name: "Add these hours" }).click();
  const table = page.locator("#hours").getByRole("table", { name });
  await expect(table.getByRole("row", { name: /Monday 9:00 am to 12:00 pm/ })).toBeVisible();

  // Remove asks first and says what it affects; nothing is removed yet.
  await table.getByRole("button", { name: `Remove ${name}, Monday 9:00 am to 12:00 pm` }).click();
  await expect(page).toHaveURL(/\/staff\/settings\/confirm\?action=remove-hours&id=[0-9a-f-]{36}$/);
  await expect(
    page.getByRole("heading", { level: 1, name: `Remove ${name}’s hours on Mondays, 9:00 am to 12:00 pm?` }),
  ).toBeVisible();
  await expect(page.getByTestId("affected")).toContainText(`Patients can no longer book ${name} at these times.`);
  await expect(page.getByTestId("affected")).toContainText(`No booked appointment falls outside ${name}’s hours`);
  await expectNoAxeViolations(page);
  const confirmUrl = page.url();

  await page.getByRole("link", { name: "No, keep them" }).click();
  await expect(page).toHaveURL(/\/staff\/settings#hours$/);
  await expect(
    page
      .locator("#hours")
      .getByRole("table", { name })
      .getByRole("row", { name: /Monday 9:00 am to 12:00 pm/ }),
  ).toBeVisible();

  // Asked again, Yes removes them.
  await page.goto(confirmUrl);
  await page.getByRole("button", { name: "Yes, remove these hours" }).click();
  await expect(page).toHaveURL(/\/staff\/settings\?done=hours_removed/);
  await expect(page.getByText("Weekly hours removed.")).toBeVisible();
  const after = page.locator("#hours").getByRole("table", { name });
  await expect(after.getByText("No weekly hours: not offered for booking.")).toBeVisible();
  await expect(after.getByRole("row", { name: /Monday 9:00 am to 12:00 pm/ })).toHaveCount(0);

  // The same question once they are gone is not a dead end.
  await page.goto(confirmUrl);
  await expect(page.getByText("These weekly hours were already removed.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the settings" })).toHaveAttribute(
    "href",
    "/staff/settings#hours",
  );
});

test("deactivating a clinician asks first and lists the appointments they keep, each linked; Yes deactivates", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/staff/settings");
  // A demo clinician with a day of bookings: the question lists them; Keep changes nothing.
  await page.locator("#clinicians").getByRole("button", { name: "Deactivate Sam Okafor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deactivate Sam Okafor?" })).toBeVisible();
  await expect(page.getByTestId("affected")).toContainText("Patients can no longer book Sam Okafor.");
  await expect(page.getByTestId("affected")).toContainText(
    /Sam Okafor has \d+ booked appointments? from now on: they stay booked\.|Sam Okafor has no booked appointments from now on\./,
  );
  for (const link of await page.getByTestId("affected-appointments").getByRole("link").all())
    await expect(link).toHaveAttribute("href", /^\/staff\/appointments\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "No, keep Sam Okafor active" }).click();
  await expect(page.locator("#clinicians").getByRole("row", { name: /Sam Okafor/ })).toContainText("✓ Active");

  const name = `Dr Leaving ${Date.now().toString(36)}`;
  await addClinician(page, name);
  await page
    .locator("#clinicians")
    .getByRole("button", { name: `Deactivate ${name}` })
    .click();
  await expect(page.getByTestId("affected")).toContainText(`${name} has no booked appointments from now on.`);
  await page.getByRole("button", { name: `Yes, deactivate ${name}` }).click();
  await expect(page.getByText("Clinician deactivated")).toBeVisible();
  await expect(page.locator("#clinicians").getByRole("row", { name: new RegExp(name) })).toContainText("✕ Inactive");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("removing time off asks first, says the time becomes bookable again, and Yes removes it", async ({ page }) => {
    const name = `Dr Away ${Date.now().toString(36)}`;
    await signIn(page, ADMIN, "/staff/settings");
    await addClinician(page, name);
    const timeOff = page.locator("#time-off");
    await timeOff.getByLabel("Who").selectOption({ label: name });
    await timeOff.getByLabel("From (date)").fill("2030-03-04");
    await timeOff.getByLabel("From (time)").fill("09:00");
    await timeOff.getByLabel("Until (date)").fill("2030-03-04");
    await timeOff.getByLabel("Until (time)").fill("13:00");
    await timeOff.getByLabel("Reason (optional)").fill("Course");
    await timeOff.getByRole("button", { name: "Add time off" }).click();
    const row = page.locator("#time-off").getByTestId("time-off-row").filter({ hasText: name });
    await expect(row).toBeVisible();

    await row.getByRole("button", { name: /^Remove/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Remove ${name}’s time off?` })).toBeVisible();
    await expect(page.getByTestId("affected")).toContainText("Removing this time off makes the time bookable again");
    await expect(page.getByTestId("affected")).toContainText(`Patients can book ${name} in that time again.`);
    await page.getByRole("button", { name: "Yes, remove this time off" }).click();
    await expect(page.getByText("Time off removed.")).toBeVisible();
    await expect(page.locator("#time-off").getByTestId("time-off-row").filter({ hasText: name })).toHaveCount(0);
  });
});
