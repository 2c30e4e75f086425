import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, clientKey, readJsonBody } from "@/lib/http";
import { SOCKET_HEADER, stampSocketAddresses } from "@/lib/socket-address";

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

/** Headers as a route handler sees them: the Node request's, after this process stamped them. */
const toHeaders = (h: IncomingHttpHeaders) =>
  new Headers(
    Object.entries(h).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x): [string, string] => [k, x]))),
  );

/** Sends one request to a real HTTP server of this process and answers what clientAddress made of it. */
async function addressSeenBy(trustedProxies: number, headers: Record<string, string>): Promise<string> {
  stampSocketAddresses(); // what instrumentation.ts does at start-up
  const server = createServer((req, res) => res.end(clientAddress(toHeaders(req.headers), trustedProxies)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("the client's address", () => {
  it("with no trusted proxy (the default) is the socket's, whatever X-Forwarded-For says", async () => {
    expect(await addressSeenBy(0, {})).toBe("127.0.0.1");
    expect(await addressSeenBy(0, { "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
    expect(await addressSeenBy(0, { "x-forwarded-for": "203.0.113.9, 198.51.100.1" })).toBe("127.0.0.1");
  });

  it("cannot be forged with the stamp's own header", async () => {
    expect(await addressSeenBy(0, { [SOCKET_HEADER]: "anything 203.0.113.9" })).toBe("127.0.0.1");
    // Without this process's stamp (a request it did not stamp) the address is unknown: one shared bucket.
    const forged = new Headers({ [SOCKET_HEADER]: "guessed-token 203.0.113.9", "x-forwarded-for": "203.0.113.9" });
    expect(clientAddress(forged, 0)).toBe("unknown");
  });

  it("with one trusted proxy is the entry that proxy appended, not what the client sent before it", async () => {
    expect(await addressSeenBy(1, { "x-forwarded-for": "6.6.6.6, 203.0.113.5" })).toBe("203.0.113.5");
    expect(await addressSeenBy(1, { "x-forwarded-for": "203.0.113.5" })).toBe("203.0.113.5");
    // Past the proxy (no header at all: Next fills it from the socket), the socket's address.
    expect(await addressSeenBy(1, {})).toBe("127.0.0.1");
  });

  it("with two trusted proxies is two entries from the right; a shorter header gets the socket's address", async () => {
    expect(await addressSeenBy(2, { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" })).toBe("203.0.113.5");
    expect(await addressSeenBy(2, { "x-forwarded-for": "203.0.113.5" })).toBe("127.0.0.1");
  });

  it("writes an IPv4 client on a dual-stack socket as IPv4", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:192.0.2.4" }), 1)).toBe("192.0.2.4");
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
