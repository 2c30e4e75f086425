import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { vignetteIntake } from "../support/answers";
import { CLINICIAN, RECEPTION, signIn } from "./staff-session";

// The demo schedule (lib/demo): Tom Becker, a self-bookable demo patient, has an appointment to come
// (later today, or on the next working day when the server started outside the clinic's hours).
const LAST_NAME = "Becker";

test.describe("patient records", () => {
  test("reception finds a demo patient by last name, reads their record and follows it to the case", async ({
    page,
  }) => {
    await signIn(page, RECEPTION, "/staff/patients");
    await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Name, email, phone or date of birth").fill(LAST_NAME.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=becker/);
    const row = page.getByTestId("patient-row").filter({ hasText: LAST_NAME });
    await expect(row).toHaveCount(1);
    await expectNoAxeViolations(page);

    await row.getByRole("link", { name: `Tom ${LAST_NAME}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Tom ${LAST_NAME}`) })).toBeVisible();
    await expect(page.getByTestId("patient-intake")).toHaveCount(1);
    await expect(page.getByTestId("patient-appointment").first()).toContainText("Booked");
    // Reception reads the record; merging is for clinicians and admins.
    await expect(page.getByRole("heading", { name: "Merge another record into this one" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    const patientUrl = page.url();

    await page.getByRole("link", { name: /^Open the case/ }).click();
    await expect(page).toHaveURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Tom ${LAST_NAME}`) })).toBeVisible();
    // …and back from the case to the patient.
    await page.getByRole("link", { name: /^Patient record/ }).click();
    await expect(page).toHaveURL(patientUrl);
  });

  test("the staff API searches and reads a patient with a session, and says 401 or 404 otherwise", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await signIn(page, RECEPTION);
    const search = await page.request.get(`/api/v1/staff/patients?q=${LAST_NAME}`);
    expect(search.status()).toBe(200);
    const { patients, searchedBy } = (await search.json()) as {
      patients: { id: string; name: string; lastLevel: string }[];
      searchedBy: string;
    };
    expect(searchedBy).toBe("name");
    const tom = patients.find((p) => p.name === `Tom ${LAST_NAME}`)!;
    expect(tom.lastLevel).toBeTruthy();

    const one = await page.request.get(`/api/v1/staff/patients/${tom.id}`);
    expect(one.status()).toBe(200);
    const body = (await one.json()) as { intakes: { id: string; firedRules: unknown[] }[]; appointments: unknown[] };
    expect(body.intakes).toHaveLength(1);
    expect(body.appointments.length).toBeGreaterThan(0);

    expect((await page.request.get("/api/v1/staff/patients/not-an-id")).status()).toBe(404);
    expect((await page.request.get("/api/v1/staff/patients/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
    expect((await page.request.get(`/api/v1/staff/patients?q=${LAST_NAME}&cursor=forged`)).status()).toBe(400);
    const crossSite = await page.request.get(`/api/v1/staff/patients?q=${LAST_NAME}`, {
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status()).toBe(403);

    const anonymous = await playwright.request.newContext({ baseURL });
    for (const path of [`/api/v1/staff/patients?q=${LAST_NAME}`, `/api/v1/staff/patients/${tom.id}`]) {
      const res = await anonymous.get(path);
      expect(res.status(), path).toBe(401);
      expect(await res.text()).not.toContain(LAST_NAME);
    }
    await anonymous.dispose();
  });

  test("a clinician merges a duplicate record into a patient and undoes it", async ({ page, request }) => {
    const lastName = `Merge${Date.now().toString(36)}`;
    for (const [email, phone] of [
      [`${lastName}.one@example.com`, "+1 212 555 0111"],
      [`${lastName}.two@example.com`, "+1 212 555 0122"],
    ]) {
      const intake = vignetteIntake("P13", new Date()) as { contact: Record<string, unknown> };
      intake.contact = { ...intake.contact, lastName, email, phone, dateOfBirth: "1980-03-04" };
      expect((await request.post("/api/v1/intakes", { data: intake })).status()).toBe(201);
    }
    await signIn(page, CLINICIAN, `/staff/patients?q=${lastName}`);
    const rows = page.getByTestId("patient-row");
    await expect(rows).toHaveCount(2);
    await rows.first().getByRole("link").click();
    await expect(page.getByTestId("patient-intake")).toHaveCount(1);

    const merge = page.getByRole("region", { name: "Merge another record into this one" });
    const survivorUrl = page.url();
    const otherId = await merge.getByLabel("Likely the same person").locator("option").nth(1).getAttribute("value");
    await merge.getByLabel("Likely the same person").selectOption({ index: 1 });
    await merge.getByLabel("Why merge them?").fill("Same runner, second email address");
    await merge.getByRole("button", { name: "Merge into this record" }).click();
    await expect(page.getByText("Records merged.")).toBeVisible();
    await expect(page.getByTestId("patient-intake")).toHaveCount(2);
    await expectNoAxeViolations(page);
    // The merged-away record's address leads to the record it joined.
    await page.goto(`/staff/patients/${otherId}`);
    await expect(page.getByText("The record you opened was merged into this one.")).toBeVisible();
    expect(page.url()).toContain(survivorUrl);

    await page.getByLabel("Why undo it?").fill("Two different people after all");
    await page.getByRole("button", { name: /^Undo merge/ }).click();
    await expect(page.getByText("Merge undone.")).toBeVisible();
    await expect(page.getByTestId("patient-intake")).toHaveCount(1);
  });
});
