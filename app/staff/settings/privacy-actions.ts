"use server";

import {
  NOTICE_FIELD_MAX,
  publishNotice,
  publishNoticeSchema,
  retentionSchema,
  updateRetention,
} from "@/lib/privacy/notice";
import { staffAction } from "@/lib/staff/action";
import { ADMIN, saved } from "./done";

/** Publishes a new version of the privacy notice (the form's one long field may hold the whole text). */
export const publishNoticeAction = staffAction(
  { ...ADMIN, schema: publishNoticeSchema, maxLength: NOTICE_FIELD_MAX },
  async (input, { db, staff, now }) => saved(await publishNotice(db, staff, input, now), "privacy_published"),
);

export const updateRetentionAction = staffAction(
  { ...ADMIN, schema: retentionSchema },
  async (input, { db, staff, now }) => saved(await updateRetention(db, staff, input, now), "retention_saved"),
);
