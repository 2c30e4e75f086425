import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { clinicLocal } from "./clinic-time";
import { vignetteIntake } from "../support/answers";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

/** A ROUTINE caller (the intakes API), with a name nobody else has. */
async function caller(page: Page, firstName: string): Promise<string> {
  const lastName = `Arrival${Date.now().toString(36)}${firstName}`;
  const data = vignetteIntake("P15", new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName, lastName, email: `${lastName.toLowerCase()}@example.test` };
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": "192.0.2.182" } });
  expect(res.status()).toBe(201);
  return `${firstName} ${lastName}`;
}

/** Sets the clinic's minimum notice and returns what it was. */
async function setMinNotice(admin: Page, minutes: string): Promise<string> {
  await admin.goto("/staff/settings#policies");
  const policies = admin.locator("#policies");
  const field = policies.getByLabel("Minimum notice (minutes)");
  const before = await field.inputValue();
  await field.fill(minutes);
  await policies.getByRole("button", { name: "Save clinic details and policies" }).click();
  await expect(admin.getByText("Clinic details and policies saved.")).toBeVisible();
  return before;
}

/**
 * Books `name` with `clinician` for `typeId` today, at the first time from `notBefore` (the staff
 * booking page); null when today has no such time left.
 */
async function bookToday(page: Page, name: string, clinician: string, typeId: string, notBefore: number) {
  await page.goto(`/staff/book?${new URLSearchParams({ q: name.split(" ")[1]! })}`);
  await page.getByRole("link", { name: `Book for ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Book for ${name}` })).toBeVisible();
  const url = new URL(page.url());
  url.searchParams.set("type", typeId);
  url.searchParams.set("date", clinicLocal(new Date()).date);
  await page.goto(url.toString());
  const times = page.locator(`section[aria-labelledby='times-heading'] a[aria-label*=' with ${clinician}']`);
  for (const time of await times.all()) {
    const start = new URL((await time.getAttribute("href"))!, url).searchParams.get("start");
    if (!start || new Date(start).getTime() < notBefore) continue;
    await time.click();
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page).toHaveURL(/\/staff\/appointments\/[0-9a-f-]{36}\?done=booked/);
    return new Date(start);
  }
  return null;
}

async function rowOf(page: Page, name: string): Promise<Locator> {
  await page.goto("/staff/schedule");
  const row = page.getByTestId("schedule-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  return row;
}

// The demo's appointments are inside the clinic's hours (lib/demo), so at night none has started:
// this test makes its own. A clinician of its own works the rest of today, a short type of its own
// fits before midnight, and the clinic's minimum notice is 0 only while it books (then restored).
test("reception marks today's patient as arrived, undoes it, and cannot mark a later patient early", async ({
  page,
  browser,
  baseURL,
}) => {
  // A long journey (an admin sets up a clinician, a type and hours; reception books twice, marks and
  // scans two pages): about a minute alone, so it has two.
  test.setTimeout(120_000);
  // Too near midnight for a time today: wait for the new day (at most a quarter of an hour).
  const clock = clinicLocal(new Date()).time;
  if (clock >= "23:45") {
    const [h, m] = clock.split(":").map(Number) as [number, number];
    const wait = ((24 - h) * 60 - m + 1) * 60_000;
    test.setTimeout(wait + 120_000);
    await page.waitForTimeout(wait);
  }
  const stamp = Date.now().toString(36);
  // Named to sort after the demo's clinicians, so no other test's default choice changes.
  const clinician = `Zoe Arrival ${stamp}`;
  const typeName = `Arrival check ${stamp}`;
  const now = Date.now();
  const first = await caller(page, "Ines");
  const later = await caller(page, "Omar");

  const admin = await browser.newPage({ baseURL });
  await signIn(admin, ADMIN, "/staff/settings");
  const clinicians = admin.locator("#clinicians");
  await clinicians.getByLabel("Name", { exact: true }).last().fill(clinician);
  await clinicians.getByLabel("Role", { exact: true }).last().fill("Physiotherapist");
  await clinicians.getByRole("button", { name: "Add clinician" }).click();
  await expect(admin.locator("#clinicians").getByRole("row", { name: new RegExp(clinician) })).toBeVisible();
  const add = admin.locator("#types form").filter({ has: admin.getByRole("button", { name: "Add appointment type" }) });
  await add.getByLabel("Name", { exact: true }).fill(typeName);
  await add.getByLabel("Length (minutes)").fill("5");
  await add.getByLabel("Sort order").fill("900");
  await add.getByRole("button", { name: "Add appointment type" }).click();
  await expect(admin.getByText("Appointment type created.")).toBeVisible();
  // From the next five minutes on (time to book), until the end of today.
  const from = clinicLocal(new Date(Math.ceil((now + 3 * 60_000) / 300_000) * 300_000));
  const hours = admin.locator("#hours");
  await hours.getByLabel("Clinician").selectOption({ label: clinician });
  await hours.getByLabel("Day").selectOption({ label: from.weekday });
  await hours.getByLabel("From").fill(from.time);
  await hours.getByLabel("Until").fill("23:59");
  await hours.getByRole("button", { name: "Add these hours" }).click();
  await expect(
    admin
      .locator("#hours")
      .getByRole("table", { name: clinician })
      .getByRole("row", { name: new RegExp(`^${from.weekday} `) }),
  ).toBeVisible();

  await signIn(page, RECEPTION, "/staff/schedule");
  const typeId = `arrival-check-${stamp}`;
  const notice = await setMinNotice(admin, "0");
  let laterStart: Date | null;
  try {
    expect(await bookToday(page, first, clinician, typeId, now)).not.toBeNull();
    // Later today, more than an hour away (none when the day is nearly over).
    laterStart = await bookToday(page, later, clinician, typeId, Date.now() + 75 * 60_000);
  } finally {
    await setMinNotice(admin, notice);
    await admin.close();
  }

  await page.goto("/staff/schedule");
  await expect(page.getByRole("heading", { name: "Schedule", exact: true })).toBeVisible();
  await expect(page.getByText(/All times are New York time/)).toBeVisible();
  const ines = await rowOf(page, first);
  await expect(ines).toContainText("Expected");
  await expectNoAxeViolations(page);

  await ines.getByRole("button", { name: `Arrived: ${first}` }).click();
  await expect(ines).toContainText("✓ Arrived");
  await ines.getByRole("button", { name: `Undo: ${first}` }).click();
  await expect(ines).toContainText("Expected");
  await ines.getByRole("button", { name: `Arrived: ${first}` }).click();
  await expect(ines).toContainText("✓ Arrived");

  if (laterStart) {
    const omar = await rowOf(page, later);
    await omar.getByRole("button", { name: `Arrived: ${later}` }).click();
    await expect(page.getByRole("alert").filter({ hasText: "from 60 minutes before their time" })).toBeVisible();
    await expect(page.getByTestId("schedule-row").filter({ hasText: later })).toContainText("Expected");
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
