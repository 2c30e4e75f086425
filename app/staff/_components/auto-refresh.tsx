"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { BACKGROUND_COOKIE } from "@/lib/staff/background";

// While a refresh is on the way its requests carry this cookie, so the server does not count them
// as activity (lib/staff/background.ts): an unattended screen still signs out after 30 idle
// minutes, and the refresh after that lands on the sign-in page, which says why. The cookie is
// cleared when the refresh is done; max-age ends it anyway if the page goes away first.
const mark = (on: boolean) => {
  document.cookie = `${BACKGROUND_COOKIE}=${on ? "1" : ""}; path=/; max-age=${on ? 20 : 0}; samesite=strict`;
};

/** Re-renders the page from the server every `seconds`, keeping the address (filters, page) and scroll. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      mark(true);
      startRefresh(() => router.refresh());
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  useEffect(() => {
    if (!refreshing) mark(false);
  }, [refreshing]);
  useEffect(() => () => mark(false), []);
  return null;
}
