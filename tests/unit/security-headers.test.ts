import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { noteDatabaseDown, noteDatabaseUp } from "@/db/errors";
import { HSTS, strictTransportSecurity } from "@/lib/security-headers";
import { rememberEmergencyNumber } from "@/lib/unavailable";

const config = { NODE_ENV: "production" as "production" | "development" | "test", APP_URL: "https://clinic.example" };
vi.mock("@/lib/env", () => ({ env: () => config }));

const { proxy } = await import("@/proxy");

const page = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, "https://clinic.example"), { headers });

afterEach(() => {
  noteDatabaseUp();
  rememberEmergencyNumber(null);
  Object.assign(config, { NODE_ENV: "production", APP_URL: "https://clinic.example" });
});

describe("Strict-Transport-Security", () => {
  it("is one year with subdomains, only in production on an https address", () => {
    expect(HSTS).toBe("max-age=31536000; includeSubDomains");
    expect(strictTransportSecurity({ NODE_ENV: "production", APP_URL: "https://clinic.example" })).toBe(HSTS);
    expect(strictTransportSecurity({ NODE_ENV: "production", APP_URL: "http://localhost:3107" })).toBeNull();
    expect(strictTransportSecurity({ NODE_ENV: "development", APP_URL: "https://clinic.example" })).toBeNull();
    expect(strictTransportSecurity({ NODE_ENV: "test", APP_URL: "https://clinic.example" })).toBeNull();
  });

  it("every page the proxy answers carries it in production, redirects included", () => {
    expect(proxy(page("/intake")).headers.get("strict-transport-security")).toBe(HSTS);
    expect(proxy(page("/staff")).headers.get("strict-transport-security")).toBe(HSTS); // to sign-in
    noteDatabaseDown();
    expect(proxy(page("/intake")).headers.get("strict-transport-security")).toBe(HSTS); // the outage page
  });

  it("is left out in development and on a local http production run", () => {
    config.NODE_ENV = "development";
    expect(proxy(page("/intake")).headers.get("strict-transport-security")).toBeNull();
    Object.assign(config, { NODE_ENV: "production", APP_URL: "http://localhost:3107" });
    expect(proxy(page("/intake")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("pages while the database cannot be reached", () => {
  it("answer 503 with Retry-After, a calm message and the clinic's emergency number", async () => {
    rememberEmergencyNumber("911");
    noteDatabaseDown();
    const res = proxy(page("/intake/about-you"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain("We cannot reach our system just now");
    expect(html).toContain("try again in a minute");
    expect(html).toContain('If this is an emergency, call <a href="tel:911">911</a> now.');
    expect(html).toContain("weakness in both legs");
  });

  it("without a known number, say to call the local emergency number", async () => {
    noteDatabaseDown();
    expect(await proxy(page("/book")).text()).toContain("call your local emergency number");
  });

  it("the landing page (no database needed) and server actions (they show their own message) go through", () => {
    noteDatabaseDown();
    expect(proxy(page("/")).status).toBe(200);
    expect(proxy(page("/intake/about-you", { "next-action": "abc123" })).status).toBe(200);
  });

  it("are served again once a statement succeeds, or after 30 seconds", () => {
    noteDatabaseDown();
    noteDatabaseUp();
    expect(proxy(page("/intake")).status).toBe(200);
    noteDatabaseDown(Date.now() - 31_000);
    expect(proxy(page("/intake")).status).toBe(200);
  });
});
