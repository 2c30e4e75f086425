import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

// Staff screens are for desktops and tablets (playwright.config.ts runs staff specs there only).

async function postIntake(page: Page, vignette: string, contact: Record<string, string>, ip: string) {
  const data = vignetteIntake(vignette, new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, ...contact };
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; next: { bookingUrl?: string } };
}

test("an admin publishes a new version of the notice, which /privacy shows at once as plain text", async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, ADMIN, "/staff/settings#privacy");
  const section = page.locator("#privacy");
  const body = section.getByLabel("Notice text");
  const before = await body.inputValue();
  expect(before).toContain("## What we collect");

  // "What changed" is required: the refusal keeps the text and says why beside the field.
  await body.fill(`${before}\n\n## Text messages ${stamp}\nWe also send reminders by <b>text</b> message.`);
  await section.getByRole("button", { name: /Publish as version v\d+/ }).click();
  await expect(section.getByText("Say what changed in this version (at least 5 characters)").first()).toBeVisible();
  await expect(section.getByLabel("Notice text")).toHaveValue(new RegExp(`Text messages ${stamp}`));
  await section.getByLabel("What changed").fill(`Added text messages ${stamp}`);
  await section.getByRole("button", { name: /Publish as version v\d+/ }).click();
  await expect(page.getByText("New privacy notice published.", { exact: false })).toBeVisible();
  const row = page
    .locator("#privacy")
    .getByRole("row")
    .filter({ hasText: `Added text messages ${stamp}` });
  await expect(row).toBeVisible();
  const version = /\bv\d+\b/.exec(await row.getByRole("link").innerText())?.[0];
  expect(version).toMatch(/^v\d+$/);

  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 2, name: `Text messages ${stamp}` })).toBeVisible();
  await expect(page.getByText("We also send reminders by <b>text</b> message.")).toBeVisible(); // text, not HTML
  await expect(page.getByText(`Version ${version}`, { exact: false })).toBeVisible();
  await page.goto("/privacy/2026-11");
  await expect(page.getByText("This is an earlier version of the notice.", { exact: false })).toBeVisible();
});

test("an admin exports a patient's data, then erases it through the confirmation page; the case keeps a pseudonym", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36).replace(/\d/g, "x");
  const lastName = `Erasable${stamp}`;
  const intake = await postIntake(
    page,
    "P15",
    { firstName: "Imogen", lastName, email: `imogen.${stamp}@example.test`, phone: "+1 555 010 7777" },
    "192.0.2.171",
  );
  expect(intake.next.bookingUrl).toBeTruthy();

  // Reception may open cases but neither export nor erase; a malformed id is a 404, not a 500.
  const other = await browser.newContext();
  const reception = await other.newPage();
  await signIn(reception, RECEPTION);
  expect((await reception.request.get(`/staff/cases/${intake.id}/export`)).status()).toBe(403);
  expect((await reception.goto(`/staff/cases/${intake.id}/erase`))!.status()).toBe(403);
  await other.close();

  await signIn(page, ADMIN, `/staff/cases/${intake.id}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Imogen ${lastName}`) })).toBeVisible();
  await expect(page.getByRole("link", { name: /^version (v\d+|2026-11)$/ })).toBeVisible();
  expect((await page.request.get("/staff/cases/not-a-case/export")).status()).toBe(404);
  expect((await page.goto("/staff/cases/not-a-case/erase"))!.status()).toBe(404);
  await page.goto(`/staff/cases/${intake.id}`);

  // The export: one JSON file with the contact, the answers and its own audit event.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export this patient's data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^patient-export-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.format).toBe("backtrack-patient-export");
  expect(exported.intakes[0].contact.lastName).toBe(lastName);
  expect(exported.auditEvents.map((e: { action: string }) => e.action)).toContain("patient_exported");

  // The confirmation page says what goes and what stays, then asks for a reason and the last name.
  await page.getByRole("link", { name: "Erase this patient's personal data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Erase Imogen ${lastName}'s personal data` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What is erased" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What is kept" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Why are you erasing this patient's data?").fill("The patient asked by email today.");
  await page.getByLabel(/Type the patient's last name/).fill("Someone");
  await page.getByRole("button", { name: "Erase this patient's personal data" }).click();
  await expect(page.getByText("That is not the patient's last name.", { exact: false }).first()).toBeVisible();
  await page.getByLabel(/Type the patient's last name/).fill(lastName);
  await page.getByRole("button", { name: "Erase this patient's personal data" }).click();

  await expect(page).toHaveURL(new RegExp(`/staff/cases/${intake.id}\\?done=erased`));
  await expect(page.getByTestId("erased")).toContainText("Personal data erased on");
  await expect(page.getByTestId("erased")).toContainText("The patient asked by email today.");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Erased patient [2-9A-Z]{6}/);
  await expect(page.getByRole("link", { name: "Erase this patient's personal data" })).toHaveCount(0);
  // A fresh load (the first document's own scripts still hold the page as it was before erasing).
  await page.reload();
  await expect(heading).toHaveText(/^Erased patient [2-9A-Z]{6}/);
  expect(await page.content()).not.toContain(lastName);
  await expectNoAxeViolations(page);

  // The trail keeps the events, under the pseudonym.
  await page.goto(`/staff/audit?subject=${intake.id}`);
  const erasedRow = page.getByTestId("audit-row").filter({ hasText: "patient's personal data erased" }).first();
  await expect(erasedRow).toBeVisible();
  await expect(erasedRow).toContainText(/Erased patient [2-9A-Z]{6}/);
  expect(await page.content()).not.toContain(lastName);

  // The patient's booking link opens nothing, calmly.
  await page.goto(intake.next.bookingUrl!);
  await expect(page.getByRole("heading", { name: "This booking link no longer opens anything" })).toBeVisible();
});
