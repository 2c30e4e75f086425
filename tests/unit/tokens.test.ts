import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "@/lib/tokens";

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
    for (const bad of ["", ".", "abc", `${ID}.`, `.${ID}`, `${ID}.short`]) expect(verifyToken(SECRET, "booking", bad)).toBeNull();
  });

  it("carry at least 256 bits of MAC", () => {
    const mac = signToken(SECRET, "booking", ID).split(".").pop()!;
    expect(Buffer.from(mac, "base64url").length).toBe(32);
  });
});
