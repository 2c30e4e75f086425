import { expect, test } from "@playwright/test";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

// The demo EMERGENCY (lib/demo) is Maria Lopez: no response without a session may name her.
const PATIENT = "Lopez";
const ROUTES = (id: string) =>
  [
    { method: "GET", path: "/api/v1/staff/cases" },
    { method: "GET", path: `/api/v1/staff/cases/${id}` },
    { method: "POST", path: `/api/v1/staff/cases/${id}/acknowledge` },
    { method: "GET", path: "/api/v1/staff/audit" },
  ] as const;

test.describe("the staff API", () => {
  test("answers 401 without a session or with a forged one, 403 for the wrong role, and data only with both", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await signIn(page, RECEPTION);
    const list = await page.request.get("/api/v1/staff/cases?level=EMERGENCY&status=all");
    expect(list.status()).toBe(200);
    const { cases } = (await list.json()) as {
      cases: { id: string; lastName: string; acknowledgeBy: string | null; topRule: { summary: string } }[];
    };
    const maria = cases.find((c) => c.lastName === PATIENT)!;
    expect(maria.acknowledgeBy).not.toBeNull();
    expect(maria.topRule.summary.length).toBeGreaterThan(10);

    for (const headers of [{}, { cookie: "authjs.session-token=forged" }] as Record<string, string>[]) {
      const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
      for (const r of ROUTES(maria.id)) {
        const res = await anonymous.fetch(r.path, { method: r.method });
        expect(res.status(), `${r.method} ${r.path}`).toBe(401);
        expect(await res.text()).not.toContain(PATIENT);
      }
      // The queue's chart: 401 with a forged cookie, the sign-in page (proxy.ts) without one.
      const chart = await anonymous.get("/staff/glance.svg", { maxRedirects: 0 });
      if (headers.cookie) expect(chart.status()).toBe(401);
      else expect(chart.headers()["location"]).toContain("/staff/sign-in");
      await anonymous.dispose();
    }

    // Reception may read the queue and cases, not the audit trail.
    const audit = await page.request.get("/api/v1/staff/audit");
    expect(audit.status()).toBe(403);
    expect(await audit.text()).not.toContain(PATIENT);
    const one = await page.request.get(`/api/v1/staff/cases/${maria.id}`);
    expect(one.status()).toBe(200);
    expect(((await one.json()) as { contact: { lastName: string } }).contact.lastName).toBe(PATIENT);

    // A change from another site is refused even with the cookie.
    const forged = await page.request.post(`/api/v1/staff/cases/${maria.id}/acknowledge`, {
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status()).toBe(403);
  });

  test("an admin reads the audit trail, which records the API's case views", async ({ page }) => {
    await signIn(page, ADMIN);
    const { cases } = (await (await page.request.get("/api/v1/staff/cases?status=all")).json()) as {
      cases: { id: string }[];
    };
    const id = cases[0]!.id;
    expect((await page.request.get(`/api/v1/staff/cases/${id}`)).status()).toBe(200);
    const audit = await page.request.get(`/api/v1/staff/audit?subject=${id}`);
    expect(audit.status()).toBe(200);
    const { events } = (await audit.json()) as { events: { action: string; actorEmail: string }[] };
    expect(events).toContainEqual(expect.objectContaining({ action: "case_viewed", actorEmail: ADMIN.email }));
    expect((await page.request.get("/api/v1/staff/cases/not-a-case")).status()).toBe(404);
  });

  test("a copied session cookie stops working the moment its owner signs out", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await signIn(page, RECEPTION);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const copy = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
    // Seen (and its token decoded) by the server while the session is live...
    expect((await copy.get("/api/v1/staff/cases")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    // ...and refused once it has ended, though the cookie itself has not expired.
    const after = await copy.get("/api/v1/staff/cases");
    expect(after.status()).toBe(401);
    expect(await after.text()).not.toContain(PATIENT);
    const queue = await copy.get("/staff", { maxRedirects: 0 });
    expect(queue.status()).toBe(307);
    expect(queue.headers()["location"]).toContain("/staff/sign-in");
    await copy.dispose();
  });
});

test.describe("integration keys", () => {
  test("an admin creates a key with two scopes; it reads patients and FHIR, nothing else, is audited, and stops when revoked", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await signIn(page, ADMIN, "/staff/settings#api-keys");
    const section = page.locator("section#api-keys");
    await section.getByLabel("Name").fill("EHR import (e2e)");
    await section.getByLabel(/^patients:read/).check();
    await section.getByLabel(/^fhir:read/).check();
    await section.getByRole("button", { name: "Create key" }).click();
    await expect(section.getByText("Copy it now: it is shown only this once.")).toBeVisible();
    const key = (await section.getByTestId("api-key").textContent())!.trim();
    expect(key).toMatch(/^btk_/);

    const integration = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${key}` },
    });
    const found = await integration.get(`/api/v1/staff/patients?q=${PATIENT}`);
    expect(found.status()).toBe(200);
    const { patients } = (await found.json()) as { patients: { id: string; name: string }[] };
    const maria = patients.find((p) => p.name.includes(PATIENT))!;
    const bundle = await integration.get(`/api/v1/fhir/Patient/${maria.id}/$everything`);
    expect(bundle.status()).toBe(200);
    expect(bundle.headers()["content-type"]).toContain("application/fhir+json");
    const body = (await bundle.json()) as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(body).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(body.entry.map((e) => e.resource.resourceType)).toEqual(
      expect.arrayContaining(["Patient", "QuestionnaireResponse", "RiskAssessment"]),
    );

    // Outside its scopes: 403 naming the scope, never data; a person-only route too.
    const cases = await integration.get("/api/v1/staff/cases");
    expect(cases.status()).toBe(403);
    expect(cases.headers()["www-authenticate"]).toContain('scope="cases:read"');
    expect(await cases.text()).not.toContain(PATIENT);
    expect((await integration.get("/api/v1/staff/audit")).status()).toBe(403);

    // Every use is in the audit trail, under the key.
    const trail = (await (await page.request.get("/api/v1/staff/audit?action=api_key_used")).json()) as {
      events: { actorEmail: string; after: { path: string } }[];
    };
    expect(trail.events).toContainEqual(
      expect.objectContaining({
        actorEmail: expect.stringContaining("EHR import (e2e)"),
        after: expect.objectContaining({ path: `/api/v1/fhir/Patient/${maria.id}/$everything` }),
      }),
    );

    // The list shows it was used; revoking stops it at once.
    await page.reload();
    const row = section.getByRole("row", { name: /EHR import \(e2e\)/ });
    await expect(row.getByRole("cell").nth(2)).not.toHaveText("Never");
    await row.locator("summary").click();
    await row.getByRole("button", { name: /Revoke this key/ }).click();
    await expect(page.getByText("Key revoked: its next request is refused.")).toBeVisible();
    const refused = await integration.get(`/api/v1/staff/patients?q=${PATIENT}`);
    expect(refused.status()).toBe(401);
    expect(await refused.text()).not.toContain(PATIENT);
    await integration.dispose();
  });
});
