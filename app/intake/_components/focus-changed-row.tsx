"use client";

import { useEffect } from "react";

/**
 * After "Change" and Continue the page opens at the changed row (`#row-…`): the browser scrolls there
 * by itself without JavaScript; with it, the row is scrolled to the top and its link takes focus, so
 * keyboard and screen-reader users carry on from the row they changed, not from the top.
 */
export function FocusChangedRow() {
  useEffect(() => {
    const id = window.location.hash.slice(1); // row ids are plain ASCII: nothing to decode (a bad escape would throw)
    if (!id.startsWith("row-")) return;
    const row = document.getElementById(id);
    if (!row) return;
    row.scrollIntoView({ block: "start" });
    row.querySelector<HTMLElement>("a[href]")?.focus({ preventScroll: true });
  }, []);
  return null;
}
