import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { ONCE } from "./screens";

const NOTHING_CHOSEN = "Choose at least one day and time, or Any day and time";
const HONEST_LINE = "If a time that suits you comes free, we email you at once and hold it for you for 30 minutes.";

/** A new ROUTINE patient's booking link (each test its own patient). */
async function routineBookingUrl(request: APIRequestContext, info: TestInfo, offset: number): Promise<string> {
  const res = await request.post("/api/v1/intakes", {
    data: vignetteIntake("P15", new Date()),
    headers: { "x-forwarded-for": `192.0.2.${offset + info.parallelIndex}` },
  });
  const intake = await res.json();
  expect(intake.level).toBe("ROUTINE");
  return intake.next.bookingUrl as string;
}

/** From the booking page to the waitlist form. */
async function openWaitlist(page: Page, bookingUrl: string) {
  await page.goto(bookingUrl);
  await page.getByRole("link", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the waitlist");
}

/** "Only at these times" with nothing ticked is refused; Monday morning and Wednesday evening are saved. */
async function joinMondayMorningWednesdayEvening(page: Page, { axe = false } = {}) {
  await page.getByRole("radio", { name: "Only at these times" }).check();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: NOTHING_CHOSEN })).toBeVisible();
  if (axe) await expectNoAxeViolations(page);

  await page.getByRole("checkbox", { name: "Monday morning" }).check();
  await page.getByRole("checkbox", { name: "Wednesday evening" }).check();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are on the waitlist");
  await expect(page.getByRole("main").getByRole("listitem")).toHaveText(["Monday morning", "Wednesday evening"]);
  await expect(page.getByText(HONEST_LINE)).toBeVisible();
}

test("a patient joins the waitlist from the booking page and can change the choice", async ({
  page,
  request,
}, info) => {
  const bookingUrl = await routineBookingUrl(request, info, 120);
  await openWaitlist(page, bookingUrl);
  await expect(page.getByText("All times are New York time.")).toBeVisible();
  await expectNoAxeViolations(page);

  await joinMondayMorningWednesdayEvening(page, { axe: true });
  await expect(page).toHaveURL(/\/book\/waitlist\?token=.+&joined=1$/);
  await expectNoAxeViolations(page);

  // Reopened: what was saved is ticked, and the button saves changes to the same place.
  await page.getByRole("link", { name: "Change when you can come" }).click();
  await expect(page.getByText(/You have been on the waitlist since/)).toBeVisible();
  await expect(page.getByRole("radio", { name: "Only at these times" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Monday morning" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Wednesday evening" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Monday afternoon" })).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();

  await page.getByRole("link", { name: "Back to choosing a time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a time for your initial assessment");
  // Back on the booking page, it says they are waiting, and links to their choice.
  await expect(
    page.getByText("You are on the waitlist: we email you if a time that suits you comes free."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Join the waitlist" })).toHaveCount(0);
  await page.getByRole("link", { name: "Change when you can come" }).click();
  await expect(page.getByText(/You have been on the waitlist since/)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a patient joins the waitlist", ONCE, async ({ page, request }, info) => {
    const bookingUrl = await routineBookingUrl(request, info, 130);
    await openWaitlist(page, bookingUrl);
    await joinMondayMorningWednesdayEvening(page);
  });
});
