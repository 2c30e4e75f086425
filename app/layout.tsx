import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { EmergencyNote } from "@/app/_components/emergency-note";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  const clinic = await getClinicInfo();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader clinic={clinic} />
        <EmergencyNote emergencyNumber={clinic.emergencyNumber} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter clinic={clinic} />
      </body>
    </html>
  );
}
