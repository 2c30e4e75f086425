import type { Metadata } from "next";
import { connection } from "next/server";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { currentNotice } from "@/lib/privacy/notice";
import { NoticeView } from "./_components/notice-view";

export const metadata: Metadata = { title: "Privacy notice" };

/** The clinic's current privacy notice (the one the intake form links to), or the built-in one. */
export default async function PrivacyPage() {
  await connection(); // the clinic's notice, read at request time, never at build time
  const db = await getDb();
  const [notice, clinic] = await Promise.all([currentNotice(db), getClinicInfo()]);
  return <NoticeView notice={notice} clinicName={clinic.name} timeZone={clinic.timeZone} current />;
}
