"use server";

import {
  NOTICE_FIELD_MAX,
  publishNotice,
  publishNoticeSchema,
  retentionSchema,
  updateRetention,
} from "@/lib/privacy/notice";
import { staffAction, type Outcome } from "@/lib/staff/action";
import type { SettingsResult } from "@/lib/staff/settings-fields";
import { DONE, type Done } from "./done";

// The admin's, like every settings change: the page checked the role, every action checks it again.
const ADMIN = { roles: ["admin"], next: "/staff/settings" } as const;

/** Done: back to the page (fresh data, forms reset) with a note beside the section; refused: back to the form. */
function saved(result: SettingsResult, done: Done): Outcome {
  if (!result.ok) return result;
  return {
    redirect: `/staff/settings?done=${done}&n=${Date.now().toString(36)}#${DONE[done].section}`,
    revalidate: "/staff/settings",
  };
}

/** Publishes a new version of the privacy notice (the form's one long field may hold the whole text). */
export const publishNoticeAction = staffAction(
  { ...ADMIN, schema: publishNoticeSchema, maxLength: NOTICE_FIELD_MAX },
  async (input, { db, staff, now }) => saved(await publishNotice(db, staff, input, now), "privacy_published"),
);

export const updateRetentionAction = staffAction(
  { ...ADMIN, schema: retentionSchema },
  async (input, { db, staff, now }) => saved(await updateRetention(db, staff, input, now), "retention_saved"),
);
