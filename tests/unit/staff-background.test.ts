import { describe, expect, it } from "vitest";
import { BACKGROUND_COOKIE, isBackgroundRequest } from "@/lib/staff/background";

const background = (headers: Record<string, string>, cookies: Record<string, string> = {}) =>
  isBackgroundRequest(new Headers(headers), (name) => cookies[name]);

describe("requests that do not keep a staff session alive", () => {
  it("counts the auto-refresh, prefetches and images as background", () => {
    expect(background({ rsc: "1" }, { [BACKGROUND_COOKIE]: "1" })).toBe(true);
    expect(background({ rsc: "1", "next-router-prefetch": "1" })).toBe(true);
    expect(background({ rsc: "1", "next-router-segment-prefetch": "/_tree" })).toBe(true);
    expect(background({ "sec-fetch-dest": "image" })).toBe(true);
  });

  it("counts a page opened, a link followed and a form sent as activity", () => {
    expect(background({ "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" })).toBe(false);
    expect(background({ rsc: "1", "sec-fetch-dest": "empty" })).toBe(false);
    expect(background({ "next-action": "abc123" })).toBe(false);
    expect(background({}, { [BACKGROUND_COOKIE]: "" })).toBe(false);
  });
});
