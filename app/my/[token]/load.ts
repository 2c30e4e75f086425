// What a My back link opens, read once per request (the page and its metadata share it).
import { cache } from "react";
import { getDb } from "@/lib/db";
import { openMyBack } from "@/lib/recovery/links";
import { myBackView, type MyBackView } from "@/lib/recovery/my-back";

export type MyBackLoad =
  | { status: "ok"; view: MyBackView; now: Date }
  /** The link opens a patient with no intake left (erased, or never): nothing to show. */
  | { status: "empty" }
  | { status: "expired" | "not_found" };

export const loadMyBack = cache(async (token: string): Promise<MyBackLoad> => {
  const db = await getDb();
  const now = new Date();
  const access = await openMyBack(db, token, now);
  if (access.status !== "ok") return { status: access.status };
  const view = await myBackView(db, access.patientId, now);
  return view ? { status: "ok", view, now } : { status: "empty" };
});
