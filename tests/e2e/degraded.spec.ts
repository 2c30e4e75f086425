import { expect, test } from "@playwright/test";
import { DEGRADED_URL } from "./servers";

// A second server runs with a DATABASE_URL nothing listens on.
test.describe("when the database is down", () => {
  test("health says 503 and names the database as down", async ({ request }) => {
    const res = await request.get(`${DEGRADED_URL}/api/health`);
    expect(res.status()).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable", db: "down" });
  });

  test("the landing page still shows the emergency advice", async ({ page }) => {
    const res = await page.goto(DEGRADED_URL);
    expect(res?.status()).toBe(200);
    await expect(page.getByText("weakness in both legs")).toBeVisible();
    await expect(page.getByText("call your local emergency number")).toBeVisible();
  });
});
