import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateTime } from "@/lib/booking/format";
import { getDb } from "@/lib/db";
import { recordPageView } from "@/lib/staff/audit-api";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { requireStaff } from "@/lib/staff/session";
import { offerableTimes } from "@/lib/staff/waitlist";
import { availabilitySchema } from "@/lib/waitlist";
import { availabilityInWords } from "@/lib/waitlist/words";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";
import { offerTimeAction } from "../actions";

export const metadata: Metadata = { title: "Offer a time", robots: { index: false } };

type Props = { searchParams: Promise<{ entry?: string }> };

/**
 * Offering a waiting patient a time of staff's choosing: the free times their grade may book on the
 * days and times they gave, the next 30 at most. The patient gets the same email and hold as an
 * automatic offer.
 */
export default async function OfferTimePage({ searchParams }: Props) {
  const { entry } = await searchParams;
  const staff = await requireStaff(undefined, `/staff/waitlist/offer?entry=${encodeURIComponent(entry ?? "")}`);
  const id = z.uuid().safeParse(entry);
  if (!id.success) notFound();
  const db = await getDb();
  const now = new Date();
  const found = await offerableTimes(db, id.data, now);
  if (!found) notFound();
  await recordPageView(db, staff, "waitlist_offer_times_viewed", { entryId: id.data, intakeId: found.row.intakeId });
  const zone = found.settings?.clinic?.timeZone ?? "UTC";
  const name = `${found.row.firstName} ${found.row.lastName}`;
  const availability = availabilitySchema.safeParse(found.row.availability);

  return (
    <div className={styles.page}>
      <p>
        <Link href="/staff/waitlist">Back to the waitlist</Link>
      </p>
      <h1>Offer a time to {name}</h1>
      <p className={styles.muted}>
        {LEVEL_NAMES[found.row.level as keyof typeof LEVEL_NAMES] ?? found.row.level}.{" "}
        {availability.success ? `When they can come: ${availabilityInWords(availability.data).join("; ")}.` : ""} They
        get an email with a private link, and the time is held for them until they answer or the hold ends. Times are in
        the clinic&apos;s zone.
      </p>
      {found.why ? (
        <p className={styles.warning}>{found.why}</p>
      ) : found.times.length === 0 ? (
        <p>No free time suits them now. The waitlist offers them one as soon as a time that suits them comes free.</p>
      ) : (
        <StaffForm
          action={offerTimeAction}
          hidden={{ entryId: id.data }}
          submitLabel="Offer this time"
          errorSummary
          fields={[
            {
              name: "time",
              kind: "radio",
              label: `Free times ${found.type ? `(${found.type.name}, ${found.type.minutes} minutes)` : ""}`,
              required: true,
              options: found.times.map((s) => ({
                value: `${s.clinicianId}@${s.start.toISOString()}`,
                label: `${formatDateTime(s.start, zone)}, ${s.clinicianName}`,
              })),
            },
          ]}
        />
      )}
    </div>
  );
}
