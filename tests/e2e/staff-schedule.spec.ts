import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { follow } from "./follow";
import { RECEPTION, signIn } from "./staff-session";

// The demo schedule (lib/demo): Lena Fischer's appointment started half an hour before the server
// did, Tom Becker's is two hours after it. Near midnight either may fall on another day.
async function rowOf(page: Page, name: string): Promise<Locator> {
  for (const move of [null, "Previous day", "Next day", "Next day"]) {
    if (move) await follow(page.getByRole("link", { name: move }));
    const row = page.getByTestId("schedule-row").filter({ hasText: name });
    if ((await row.count()) > 0) return row;
  }
  throw new Error(`${name} is not on the schedule`);
}

test("reception marks today's patient as arrived, undoes it, and cannot mark a later patient early", async ({
  page,
}) => {
  await signIn(page, RECEPTION, "/staff/schedule");
  await expect(page.getByRole("heading", { name: "Schedule", exact: true })).toBeVisible();
  await expect(page.getByText(/All times are New York time/)).toBeVisible();
  const lena = await rowOf(page, "Lena Fischer");
  await expect(lena).toContainText("Expected");
  await expectNoAxeViolations(page);

  await lena.getByRole("button", { name: "Arrived: Lena Fischer" }).click();
  await expect(lena).toContainText("✓ Arrived");
  await lena.getByRole("button", { name: "Undo: Lena Fischer" }).click();
  await expect(lena).toContainText("Expected");
  await lena.getByRole("button", { name: "Arrived: Lena Fischer" }).click();
  await expect(lena).toContainText("✓ Arrived");

  await page.goto("/staff/schedule");
  const tom = await rowOf(page, "Tom Becker");
  if ((await tom.getByRole("button", { name: "Arrived: Tom Becker" }).count()) > 0) {
    await tom.getByRole("button", { name: "Arrived: Tom Becker" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "from 60 minutes before their time" })).toBeVisible();
    await expect(page.getByTestId("schedule-row").filter({ hasText: "Tom Becker" })).toContainText("Expected");
  }

  // The week view lists the same patient with the mark.
  await page.goto("/staff/schedule?view=week");
  await expect(page.getByRole("heading", { name: /^Week of / })).toBeVisible();
  await page.setViewportSize({ width: 820, height: 1180 });
  await expectNoAxeViolations(page);
});

test("the queue shows the last 30 days at a glance, with the numbers in a table for screen readers", async ({
  page,
}) => {
  await signIn(page, RECEPTION);
  const glance = page.getByRole("region", { name: /At a glance/ });
  await expect(glance).toContainText(/\d+ intakes?: \d+ emergency, \d+ urgent/);
  await expect(glance.getByTestId("median-ack")).toContainText("Median time to acknowledge");
  const table = glance.getByRole("table", { name: "Intakes per day by level, the last 30 days" });
  await expect(table.locator("tbody tr")).toHaveCount(30);
  // Today's row (the last) counts the demo EMERGENCY at least.
  const today = table.locator("tbody tr").last();
  expect(Number(await today.locator("td").first().textContent())).toBeGreaterThanOrEqual(1);
  // The drawing is an image the table stands in for (alt=""), served only to staff.
  const chart = glance.locator("img");
  await expect(chart).toHaveAttribute("alt", "");
  const svg = await page.request.get((await chart.getAttribute("src"))!);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toContain("Emergency");
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});
