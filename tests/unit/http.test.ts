import { describe, expect, it } from "vitest";
import { clientKey, readJsonBody } from "@/lib/http";

const SECRET = "unit-secret-unit-secret-unit-secret-0123";

describe("client address for rate limits", () => {
  const key = (xff: string | null, hops = 1) =>
    clientKey(new Headers(xff ? { "x-forwarded-for": xff } : {}), hops, SECRET);

  it("uses the address the nearest proxy added, so a client cannot pick its own bucket", () => {
    expect(key("6.6.6.6, 203.0.113.5")).toBe(key("203.0.113.5"));
    expect(key("1.1.1.1, 203.0.113.5")).toBe(key("9.9.9.9, 203.0.113.5"));
    expect(key("203.0.113.5")).not.toBe(key("203.0.113.6"));
  });

  it("looks one step further left per extra trusted proxy", () => {
    expect(key("203.0.113.5, 10.0.0.2", 2)).toBe(key("203.0.113.5"));
  });

  it("never exposes the address itself", () => {
    expect(key("203.0.113.5")).not.toContain("203");
  });
});

describe("reading a JSON body", () => {
  const req = (body: string, type = "application/json", headers: Record<string, string> = {}) =>
    new Request("http://x/", { method: "POST", headers: { "content-type": type, ...headers }, body });

  it("accepts JSON with a charset", async () => {
    expect(await readJsonBody(req("{}", "application/json; charset=utf-8"), 100)).toEqual({
      ok: true,
      text: "{}",
      json: {},
    });
  });

  it("refuses other content types with 415", async () => {
    for (const type of ["text/plain", "application/jsonp", "multipart/form-data"]) {
      const result = await readJsonBody(req("{}", type), 100);
      expect(result.ok ? 0 : result.response.status).toBe(415);
    }
  });

  it("refuses bodies over the limit with 413, whatever length is declared", async () => {
    const result = await readJsonBody(req("x".repeat(101)), 100);
    expect(result.ok ? 0 : result.response.status).toBe(413);
    const lying = await readJsonBody(req("x".repeat(200), "application/json", { "content-length": "10" }), 100);
    expect(lying.ok ? 0 : lying.response.status).toBe(413);
  });
});
