import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { currentNoticeId, noticeById, parseNoticeId } from "@/lib/privacy/notice";
import { NoticeView } from "../_components/notice-view";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: parseNoticeId(version) ? `Privacy notice, version ${version}` : "Privacy notice" };
}

/**
 * One version of the privacy notice, by the id intakes record ("v3", or "2026-11" for the built-in
 * one): what a patient agreed to when they sent their form. Anything else is a 404.
 */
export default async function PrivacyVersionPage({ params }: Props) {
  const { version } = await params;
  if (!parseNoticeId(version)) notFound(); // not an id at all: no database query
  await connection();
  const db = await getDb();
  const [notice, currentId, clinic] = await Promise.all([
    noticeById(db, version),
    currentNoticeId(db),
    getClinicInfo(),
  ]);
  if (!notice) notFound();
  return (
    <NoticeView notice={notice} clinicName={clinic.name} timeZone={clinic.timeZone} current={notice.id === currentId} />
  );
}
