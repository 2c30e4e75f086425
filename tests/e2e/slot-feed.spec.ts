import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { completeIntake } from "./intake-flow";
import { ANY_SCREEN } from "./screens";

type Slot = { id: string; status: string; start: string; extension?: { url: string; valueUrl?: string }[] };

// A scheduling site reads the open-slot feed and sends a patient to a time's booking deep link: the
// intake comes first, and after a routine result the booking page offers that time first, chosen.
test(
  "a time chosen on a scheduling site is offered first after a routine intake",
  ANY_SCREEN,
  async ({ page, request }) => {
    const headers = { "x-forwarded-for": "10.210.0.1" };
    const manifest = await (await request.get("/api/v1/scheduling/$bulk-publish", { headers })).json();
    const slotFile = (manifest.output as { type: string; url: string }[]).find((o) => o.type === "Slot")!;
    const file = await request.get(slotFile.url, { headers });
    expect(file.headers()["content-type"]).toBe("application/fhir+ndjson");
    const slots = (await file.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Slot);
    // The furthest free time: no other spec books four weeks ahead.
    const chosen = slots.filter((s) => s.status === "free").at(-1)!;
    const link = chosen.extension!.find((e) => e.url.endsWith("/booking-deep-link"))!.valueUrl!;
    expect(link).toMatch(/\/intake\?slot=[a-z0-9-]+\.\d{8}T\d{4}Z$/);

    await page.goto(link);
    await expect(page).toHaveURL(/\/intake\/about-you$/);
    await completeIntake(page, vignetteIntake("P15", new Date()) as never);
    await expect(page.getByText("Routine: book when it suits you").first()).toBeVisible();
    await page.getByRole("link", { name: "Book your appointment" }).click();

    const first = page.getByRole("group", { name: "The time you chose" });
    await expect(first.getByRole("radio")).toBeChecked();
    await expect(page.getByText(/^Chosen: /)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your appointment");
    await expect(page.locator('input[name="start"]')).toHaveValue(chosen.start);
  },
);
