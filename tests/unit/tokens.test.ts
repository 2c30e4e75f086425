import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, signToken, verifyToken } from "@/lib/tokens";

const SECRET = "unit-secret-unit-secret-unit-secret-0123";
const ID = "5b0c8f7e-2a51-4c55-9d7b-0f1e2d3c4b5a";

describe("capability tokens", () => {
  it("give back the intake id for a genuine token", () => {
    expect(verifyToken(SECRET, "booking", signToken(SECRET, "booking", ID))).toBe(ID);
  });

  it("are refused for another purpose, another secret, or a changed id", () => {
    const token = signToken(SECRET, "booking", ID);
    expect(verifyToken(SECRET, "result", token)).toBeNull();
    expect(verifyToken("another-secret-another-secret-another", "booking", token)).toBeNull();
    expect(verifyToken(SECRET, "booking", token.replace(ID, ID.replace("5b0c", "5b0d")))).toBeNull();
  });

  it("are refused when malformed", () => {
    for (const bad of ["", ".", "abc", `${ID}.`, `.${ID}`, `${ID}.short`])
      expect(verifyToken(SECRET, "booking", bad)).toBeNull();
  });

  it("carry at least 256 bits of MAC", () => {
    const mac = signToken(SECRET, "booking", ID).split(".").pop()!;
    expect(Buffer.from(mac, "base64url").length).toBe(32);
  });
});

describe("sealed secrets (manage links waiting in the outbox)", () => {
  const LINK = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";
  it("open with the same secret, and hide the text", () => {
    const sealed = sealSecret(SECRET, LINK);
    expect(sealed).not.toContain(LINK);
    expect(openSecret(SECRET, sealed)).toBe(LINK);
    expect(sealSecret(SECRET, LINK)).not.toBe(sealed); // a fresh nonce each time
  });

  it("do not open under another secret, altered, or malformed", () => {
    const sealed = sealSecret(SECRET, LINK);
    expect(openSecret("another-secret-another-secret-another-1", sealed)).toBeNull();
    const [iv, tag, body] = sealed.split(".");
    const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    expect(openSecret(SECRET, [iv, tag, flipped].join("."))).toBeNull();
    expect(openSecret(SECRET, "not.sealed")).toBeNull();
    expect(openSecret(SECRET, "")).toBeNull();
  });
});
