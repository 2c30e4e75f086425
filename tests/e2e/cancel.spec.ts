import { expect, test, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";

/** Goes one week on and waits for the new week's times (so nothing is picked on the old page). */
async function laterWeek(page: Page) {
  const label = page.getByRole("navigation", { name: "Weeks" }).locator("strong");
  const before = await label.innerText();
  await page.getByRole("link", { name: "Later week" }).click();
  await expect(label).not.toHaveText(before);
}

// A ROUTINE patient books, adds it to their calendar, starts to cancel and keeps it, then cancels
// for real; the emailed link then says it was cancelled and leads back to the booking page.
test("cancelling asks first, and a cancelled appointment's link offers the way back", async ({
  page,
  request,
}, info) => {
  test.setTimeout(120_000);
  const res = await request.post("/api/v1/intakes", {
    data: vignetteIntake("P15", new Date()),
    headers: { "x-forwarded-for": `192.0.2.${70 + info.parallelIndex}` },
  });
  const intake = await res.json();
  expect(intake.level).toBe("ROUTINE");
  await page.goto(intake.next.bookingUrl);
  // Three weeks on, and a time of its own per browser project: the booking tests take earlier ones.
  for (let week = 0; week < 3; week++) await laterWeek(page);
  await page
    .getByRole("radio")
    .nth(info.project.name === "phone" ? 9 : 5)
    .check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
  const manageUrl = page.url().split("?")[0]!;
  const when = await page.locator("dt", { hasText: "When" }).locator("xpath=following-sibling::dd[1]").innerText();

  // Add to calendar: the appointment as a calendar file, private to this link.
  const calendarLink = page.getByRole("link", { name: "Add to calendar" });
  await expect(calendarLink).toBeVisible();
  const calendar = await page.request.get((await calendarLink.getAttribute("href"))!);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(calendar.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(calendar.headers()["cache-control"]).toBe("no-store");
  const ics = await calendar.text();
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toContain("STATUS:CONFIRMED");
  expect((await page.request.get(`/appointments/manage/${"A".repeat(43)}/calendar.ics`)).status()).toBe(404);

  // Cancel asks first; "Keep my appointment" changes nothing.
  await page.getByRole("link", { name: "Cancel appointment" }).click();
  const confirm = page.getByRole("heading", { level: 1, name: "Cancel your appointment?" });
  await expect(confirm).toBeFocused();
  await expect(page.getByText(when)).toBeVisible(); // which appointment it is
  await expect(page.getByLabel("Why are you cancelling? (optional)")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Keep my appointment" }).click();
  await expect(page).toHaveURL(manageUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Cancel appointment" })).toBeVisible(); // still booked

  // Yes, cancel it: the same link now shows the cancelled appointment and the way back.
  await page.getByRole("link", { name: "Cancel appointment" }).click();
  await page.getByLabel("Why are you cancelling? (optional)").fill("Feeling much better");
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment is cancelled" })).toBeFocused();
  await expect(page.getByText("The time is now free for someone else.")).toBeVisible();
  await expect(page.getByText(when.split(" (")[0]!)).toBeVisible();
  await expect(page.getByRole("link", { name: "Book another time" })).toHaveAttribute("href", /^\/book\?token=/);
  await expectNoAxeViolations(page);

  // The emailed link, opened again later: not a 404.
  const reopened = await page.goto(manageUrl);
  expect(reopened?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "This appointment was cancelled" })).toBeVisible();
  // The clinic's number, to call instead.
  await expect(page.getByRole("main").getByRole("link", { name: "+1 212 555 0142" })).toHaveAttribute("href", /^tel:/);
  await expectNoAxeViolations(page);
  expect((await page.request.get(`${manageUrl}/calendar.ics`)).status()).toBe(404); // nothing to add any more
  await page.getByRole("link", { name: "Book another time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Choose a time/);

  // A link that was never one still finds nothing.
  expect((await page.goto(`/appointments/manage/${"B".repeat(43)}`))?.status()).toBe(404);
});
