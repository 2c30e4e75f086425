import { expect, test } from "@playwright/test";
import { DEGRADED_URL } from "./servers";

// The server whose DATABASE_URL points at nothing (see servers.ts): every route that needs the
// database answers 503 with Retry-After, the API in JSON, pages with a calm page and the emergency advice.
test.describe("when the database is down, every route says so with 503", () => {
  test("the intake API answers 503 with Retry-After, in JSON", async ({ request }) => {
    const res = await request.post(`${DEGRADED_URL}/api/v1/intakes`, { data: {} });
    expect(res.status()).toBe(503);
    expect(res.headers()["retry-after"]).toBe("30");
    expect(await res.json()).toMatchObject({ error: "unavailable" });
  });

  test("a page that needs the database answers 503 with the outage page and the emergency advice", async ({
    page,
    request,
  }) => {
    // A failed database call in the last 30 seconds is what the pages go by (health makes one).
    expect((await request.get(`${DEGRADED_URL}/api/health`)).status()).toBe(503);
    const res = await page.goto(`${DEGRADED_URL}/intake/about-you`);
    expect(res?.status()).toBe(503);
    expect(res?.headers()["retry-after"]).toBe("30");
    await expect(page.getByRole("heading", { name: "We cannot reach our system just now" })).toBeVisible();
    await expect(page.getByText("weakness in both legs")).toBeVisible();
  });
});
