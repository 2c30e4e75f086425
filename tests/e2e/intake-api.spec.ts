import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { ANY_SCREEN } from "./screens";

// The intake API through the real server (next start), on whichever database it runs.
test.describe("POST /api/v1/intakes", () => {
  test("grades a submitted intake and says what the patient may do next", ANY_SCREEN, async ({ request }, info) => {
    const res = await request.post("/api/v1/intakes", {
      data: vignetteIntake("P13", new Date()),
      headers: { "x-forwarded-for": `192.0.2.${10 + info.parallelIndex}` },
    });
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(body.level).toBe("SOON");
    expect(body.firedRules.map((r: { id: string }) => r.id)).toEqual(["S3b"]);
    expect(body.flags.map((f: { id: string }) => f.id)).toContain("FLAG_STOP_RUNNING");
    expect(body.next).toMatchObject({ action: "book", bookWithinDays: 7, bookingToken: expect.any(String) });
  });

  test("answers bad requests with clear 4xx errors, never a 500", ANY_SCREEN, async ({ request }) => {
    const wrongType = await request.post("/api/v1/intakes", {
      data: "hello",
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status()).toBe(415);
    const invalid = await request.post("/api/v1/intakes", { data: { contact: { email: "x" } } });
    expect(invalid.status()).toBe(400);
    const body = await invalid.json();
    expect(body.error).toBe("invalid_intake");
    expect(body.fieldErrors["contact.email"]).toBeDefined();
    expect(body.fieldErrors["pain"]).toBeDefined();
  });
});
