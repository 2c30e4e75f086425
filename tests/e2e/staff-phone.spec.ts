// Staff open alert links on their phones: the case queue must work at 390 px, with each case's
// level, name, waiting time and deadline (OVERDUE) on screen, and the page never scrolling sideways.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

/** The page is no wider than the phone: nothing to scroll to sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

/** Seen whole on the phone's screen once scrolled to: not cut off at either side. */
async function expectOnScreen(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH + 0.5); // sub-pixel layout
}

test("on a phone the case queue shows each case's level, name, waiting time and deadline without sideways scrolling", async ({
  page,
}) => {
  await signIn(page, RECEPTION);
  await expect(page.getByRole("heading", { name: "Case queue" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  const rows = page.getByTestId("case-row");
  // The demo queue has its EMERGENCY and URGENT cases; the most urgent comes first.
  expect(await rows.count()).toBeGreaterThan(0);
  const first = rows.first();
  await expectOnScreen(first.getByText("Emergency", { exact: true }));
  await expectOnScreen(first.getByRole("link").first());
  await expect(first.getByRole("link").first()).toHaveText(/\w+ \w+/);
  const waiting = first.locator('td[data-label="Waiting"]');
  await expect(waiting).toHaveText(/\d+ (min|h)/);
  await expectOnScreen(waiting);

  // Every case's deadline is on screen: "⚠ OVERDUE by …" once it is late, else when it is due.
  for (const row of await rows.all()) {
    const deadline = row.locator('td[data-label="Acknowledge"]');
    await expect(deadline).toHaveText(/OVERDUE by|due in|due at|no deadline|Acknowledged|Resolved/);
    await expectOnScreen(deadline);
  }
  // The demo EMERGENCY that waited longest is overdue while the clinic is open (a case that arrived
  // while it was closed is due at opening, so outside opening hours none is overdue yet).
  for (const overdue of await page.getByText(/^⚠ OVERDUE by /).all()) await expectOnScreen(overdue);

  await expectNoAxeViolations(page);
});

test("on a phone a case page and its patient's record do not scroll sideways", async ({ page }) => {
  await signIn(page, RECEPTION);
  const first = page.getByTestId("case-row").first();
  const record = await first.getByRole("link", { name: /^record/ }).getAttribute("href");
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto(record!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("on a phone an admin's settings, the calendar and the audit trail do not scroll sideways", async ({ page }) => {
  await signIn(page, ADMIN, "/staff/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic settings" })).toBeVisible();
  // Wide tables scroll inside their own box; the text for screen readers in their cells stays in it.
  await expectNoSidewaysScroll(page);
  for (const path of ["/staff/calendar", "/staff/calendar?view=week", "/staff/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});
