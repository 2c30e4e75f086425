import type { ReactNode } from "react";
import { getClinicInfo } from "@/lib/clinic";
import { EmergencyNote } from "./emergency-note";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** What every patient page has around it: the clinic's header, the emergency note, the footer. */
export async function PatientFrame({ children }: { children: ReactNode }) {
  const clinic = await getClinicInfo();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <SiteHeader clinic={clinic} />
      <EmergencyNote emergencyNumber={clinic.emergencyNumber} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter clinic={clinic} />
    </>
  );
}
