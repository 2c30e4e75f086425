import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { clinicLocal } from "./clinic-time";
import { follow } from "./follow";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

/** Fails the test on any Content-Security-Policy error in the console (blocked inline styles, scripts). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on(
    "console",
    (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
  );
  return violations;
}

// The demo schedule (lib/demo): Lena Fischer's appointment is inside the clinic's hours, today
// when the server started while the clinic was open, else on the next working day (a weekend
// can put it two days on).
async function showDayWith(page: Page, name: string): Promise<void> {
  for (let day = 0; day < 8; day++) {
    if (day > 0) await follow(page.getByRole("link", { name: "Next day", exact: true }));
    await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
    if ((await page.getByRole("link", { name: new RegExp(`^${name}, `) }).count()) > 0) return;
  }
  throw new Error(`${name} is not on the calendar`);
}

test("reception sees the day per clinician, moves to the week, and a free time links to booking", async ({ page }) => {
  const csp = watchCsp(page);
  await signIn(page, RECEPTION);
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { name: "Calendar", exact: true })).toBeVisible();
  await expect(page.getByText(/All times are New York time/)).toBeVisible();
  // A column per clinician, each with its heading.
  for (const name of ["Dr Priya Raman", "Sam Okafor", "Lena Novak"])
    await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();

  await showDayWith(page, "Lena Fischer");
  const lena = page.getByRole("link", { name: /^Lena Fischer, / });
  await expect(lena).toHaveAccessibleName(
    /Lena Fischer, .+, level (Soon|Routine|Self-care), .+ with (Dr Priya Raman|Sam Okafor|Lena Novak)$/,
  );
  // Her clinician: Dr Priya Raman on weekdays, whoever works when she does not.
  let clinician = "";
  for (const name of ["Dr Priya Raman", "Sam Okafor", "Lena Novak"])
    if ((await page.getByRole("link", { name: new RegExp(`^Lena Fischer, .+ with ${name}$`) }).count()) > 0)
      clinician = name;
  await expect(lena).toContainText("Lena Fischer");
  await expect(lena).toHaveAttribute("href", /^\/staff\/appointments\/[0-9a-f-]{36}$/);
  await expectNoAxeViolations(page);

  // The week: every clinician's days in counts, each a link to that clinician's day.
  const day = (await page.getByRole("heading", { level: 2 }).innerText()).replace(/^Today, /, "");
  await follow(page.getByRole("link", { name: "Week", exact: true }));
  await expect(page.getByRole("heading", { level: 2, name: /^Week of / })).toBeVisible();
  const week = page.getByRole("table", { name: /Every clinician.s week/ });
  await expect(week.getByRole("rowheader", { name: clinician })).toBeVisible();
  const herDay = week.getByRole("link", { name: new RegExp(`^${clinician}, ${day}: [1-9]\\d* appointments?`) });
  await expect(herDay).toBeVisible();
  await expectNoAxeViolations(page);
  await follow(herDay);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`${day}: ${clinician}$`) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /^Lena Fischer, / })).toBeVisible();

  // One clinician's week, hour by hour.
  await follow(page.getByRole("link", { name: "Week", exact: true }));
  await follow(page.getByRole("navigation", { name: "Clinicians shown" }).getByRole("link", { name: "Sam Okafor" }));
  await expect(page.getByRole("heading", { level: 2, name: /^Week of .*: Sam Okafor$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(7);
  await expectNoAxeViolations(page);

  // Back to one day of everyone: find a day with free time (today may be over) and check its link.
  await follow(page.getByRole("navigation", { name: "Clinicians shown" }).getByRole("link", { name: "Everyone" }));
  await follow(page.getByRole("link", { name: "Day", exact: true }));
  await expect(page.getByRole("link", { name: "Day", exact: true })).toHaveAttribute("aria-current", "page");
  const freeTime = page.getByRole("link", { name: /^Free .+ with .+: book a patient$/ });
  for (let i = 0; i < 7 && (await freeTime.count()) === 0; i++) {
    await follow(page.getByRole("link", { name: "Next day", exact: true }));
  }
  const href = await freeTime.first().getAttribute("href");
  const url = new URL(href!, "http://x");
  expect(url.pathname).toBe("/staff/book");
  expect(url.searchParams.get("clinician")).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Date(url.searchParams.get("start")!).toISOString()).toBe(url.searchParams.get("start"));
  // From the keyboard: a free time is reached with Tab and opened with Enter.
  await expect(async () => {
    await freeTime.first().focus();
    await expect(freeTime.first()).toBeFocused({ timeout: 1000 });
  }).toPass();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/staff\/book\?clinician=.+&start=/);

  // On a phone the day is a list per clinician, still with every link.
  await page.goto("/staff/calendar");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 3, name: "Dr Priya Raman" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(csp).toEqual([]);
});

test("adding time off defaults to one clinician and lists the appointment already booked inside it", async ({
  page,
}) => {
  const csp = watchCsp(page);
  await signIn(page, ADMIN, "/staff/settings");
  const section = page.locator("#time-off");
  const who = section.getByLabel("Who");
  await expect(who).not.toHaveValue("");
  await expect(who.locator("option:checked")).toHaveText("Dr Priya Raman");
  await expect(who.locator("option").last()).toHaveText(/whole clinic/i);

  // Tom Becker's demo appointment (lib/demo: later today, or on the next working day, with whoever
  // works then): time off for its first quarter of an hour covers it and nothing else, since the
  // clinician is booked then.
  const found = await page.request.get("/api/v1/staff/patients?q=Becker");
  const tomId = ((await found.json()) as { patients: { id: string; name: string }[] }).patients.find(
    (p) => p.name === "Tom Becker",
  )!.id;
  const record = (await (await page.request.get(`/api/v1/staff/patients/${tomId}`)).json()) as {
    appointments: { startsAt: string; status: string; clinician: string }[];
  };
  const tom = record.appointments.find((a) => a.status === "booked" && new Date(a.startsAt).getTime() > Date.now())!;
  await who.selectOption({ label: tom.clinician });
  const from = clinicLocal(new Date(tom.startsAt));
  const until = clinicLocal(new Date(new Date(tom.startsAt).getTime() + 15 * 60_000));
  await section.getByLabel("From (date)").fill(from.date);
  await section.getByLabel("From (time)").fill(from.time);
  await section.getByLabel("Until (date)").fill(until.date);
  await section.getByLabel("Until (time)").fill(until.time);
  await section.getByLabel("Reason (optional)").fill("Calendar test");
  await section.getByRole("button", { name: "Add time off" }).click();

  const added = page.getByTestId("time-off-added");
  await expect(added).toContainText(`1 appointment is still booked inside this time off (${tom.clinician}`);
  const link = added.getByRole("link", { name: /Tom Becker/ });
  await expect(link).toHaveAttribute("href", /^\/staff\/appointments\/[0-9a-f-]{36}$/);
  await expect(link).toHaveAccessibleName(new RegExp(`Tom Becker, .+ with ${tom.clinician}: move or cancel`));

  // The list of time off counts it too, with the same link.
  const row = section.getByTestId("time-off-row").filter({ hasText: "Calendar test" });
  await row.getByText(/1 appointment/).click();
  await expect(row.getByRole("link", { name: /Tom Becker/ })).toHaveAttribute(
    "href",
    (await link.getAttribute("href"))!,
  );
  await expectNoAxeViolations(page);

  // The calendar shades it, labelled, over the appointment.
  await page.goto(`/staff/calendar?date=${from.date}`);
  await expect(page.getByText(new RegExp(`Time off: ${tom.clinician}, .+ \\(Calendar test\\)`)).first()).toBeAttached();

  // Tidy up: the time off goes again.
  await page.goto("/staff/settings#time-off");
  await page
    .locator("#time-off")
    .getByTestId("time-off-row")
    .filter({ hasText: "Calendar test" })
    .getByRole("button", { name: /^Remove/ })
    .click();
  await page.getByRole("button", { name: "Yes, remove this time off" }).click();
  await expect(page.locator("#time-off")).toBeVisible();
  await expect(page.locator("#time-off").getByText("Calendar test")).toHaveCount(0);
  expect(csp).toEqual([]);
});
