import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getClinicInfo } from "@/lib/clinic";
import { parseSlotHandle, SLOT_PARAM } from "@/lib/slot-feed/link";
import { intakeResume } from "./_components/resume";
import { WelcomeBack } from "./_components/welcome-back";
import styles from "./_components/intake.module.css";

export const metadata: Metadata = { title: "Your back-pain check" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The way back into a check begun on this device. The home page is the one start page: with
 * nothing saved, this goes straight to the first question. A scheduling site's booking deep link
 * (`?slot=<type>.<time>`) has its time remembered first (a page cannot set a cookie); a bad one is ignored.
 */
export default async function IntakeStartPage({ searchParams }: Props) {
  const slot = (await searchParams)[SLOT_PARAM];
  if (parseSlotHandle(slot)) redirect(`/api/v1/scheduling/chosen-time?${SLOT_PARAM}=${slot}`);
  const resume = await intakeResume((await getClinicInfo()).timeZone);
  if (!resume) redirect("/intake/about-you");
  return (
    <div className={styles.page}>
      <h1>Your back-pain check</h1>
      <WelcomeBack resume={resume} />
    </div>
  );
}
