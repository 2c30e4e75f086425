import { expect, test, type APIRequestContext } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { CLINIC_ZONE } from "./clinic-time";
import { openEmail } from "./mailbox";

type Slot = { start: string; clinicianId: string; appointmentTypeId: string };

/** A patient graded by the intake API: their booking link's token and email address. */
async function graded(request: APIRequestContext, vignette: string, lastName: string, ip: string) {
  const email = `${lastName.toLowerCase()}@example.test`;
  const data = vignetteIntake(vignette, new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName: "Ines", lastName, email };
  const response = await request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(response.status()).toBe(201);
  const intake = (await response.json()) as { level: string; next: { bookingUrl: string } };
  const token = new URL(intake.next.bookingUrl, "http://clinic.test").searchParams.get("token")!;
  return { level: intake.level, token, email };
}

/** The weekday key and part of the day of an instant, on the clinic's clock. */
function clinicSlotTime(iso: string): { day: string; part: "morning" | "afternoon" | "evening" } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: CLINIC_ZONE, weekday: "short", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  return {
    day: parts.weekday!.toLowerCase().slice(0, 3),
    part: hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening",
  };
}

// The "done when": a cancellation produces, within a minute, an offer in the mailbox to the most
// urgent waiting patient it suits; taking it books it. Each project uses its own part of the day (and
// avoids the days other specs' waiting patients chose), so the two runs never compete for one time.
test("a cancelled time is offered by email to the waiting patient it suits, who takes it in one click", async ({
  page,
  request,
}, info) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)}${info.project.name === "phone" ? "p" : "d"}`;
  const part = info.project.name === "phone" ? "morning" : "afternoon";
  const waiter = await graded(request, "P12", `Offerwait${stamp}`, "192.0.2.211");
  expect(waiter.level).toBe("SOON");

  // A time the waiting patient could have booked (within their 7 days), on a day and part of the day they choose.
  const slotsRes = await request.get(`/api/v1/slots?bookingToken=${encodeURIComponent(waiter.token)}&days=7`);
  const { slots } = (await slotsRes.json()) as { slots: Slot[] };
  const fitting = slots.filter((s) => {
    const t = clinicSlotTime(s.start);
    return t.part === part && !["mon", "wed"].includes(t.day);
  });
  expect(fitting.length).toBeGreaterThan(0);
  const slot = fitting[Math.floor(fitting.length / 2)]!;
  const { day } = clinicSlotTime(slot.start);

  // Another patient books it; the waiting patient joins for that day and part of the day.
  const other = await graded(request, "P15", `Offerother${stamp}`, "192.0.2.212");
  const booked = await request.post("/api/v1/bookings", {
    data: {
      bookingToken: other.token,
      appointmentTypeId: slot.appointmentTypeId,
      clinicianId: slot.clinicianId,
      start: slot.start,
    },
    headers: { "x-forwarded-for": "192.0.2.212" },
  });
  expect(booked.status()).toBe(201);
  const { manageUrl } = (await booked.json()) as { manageUrl: string };
  const joined = await request.post("/api/v1/waitlist", {
    data: { bookingToken: waiter.token, availability: { [day]: [part] } },
    headers: { "x-forwarded-for": "192.0.2.211" },
  });
  expect(joined.status()).toBe(201);

  // The other patient cancels from their link.
  await page.goto(`${new URL(manageUrl).pathname}?cancel=1`);
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment is cancelled" })).toBeVisible();

  // Within a minute the waiting patient has an offer with a private link.
  const offer = await openEmail(page, waiter.email, "Waitlist offer");
  expect(offer.text).toContain("A time has come up for you");
  expect(offer.text).toMatch(/We are holding it for you until/);
  const link = offer.text.match(/https?:\/\/[^\s)]+\/waitlist\/offer\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeTruthy();
  const offerPath = new URL(link!).pathname;

  await page.goto(offerPath);
  await expect(page.getByRole("heading", { level: 1, name: "A time has come up for you" })).toBeVisible();
  await expect(page.getByText(/We are holding this time for you until/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Take this time" }).click();
  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your appointment" })).toBeVisible();
  await openEmail(page, waiter.email, "Booking confirmation");

  // The link again, later: it says calmly that the time is theirs.
  await page.goto(offerPath);
  await expect(page.getByRole("heading", { level: 1, name: "You have taken this time" })).toBeVisible();
});
