import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getClinicInfo } from "@/lib/clinic";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const clinic = await getClinicInfo();
  return {
    title: { default: `Back-pain check – ${clinic.name}`, template: `%s – ${clinic.name}` },
    description: "Answer a few questions about your back pain, find out how soon you should be seen, and book.",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#005a6e" };

// The page frame is the route group's: patient pages (app/(patient)/layout.tsx) and staff pages
// (app/staff/layout.tsx) each have their own.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
