import type { ReactNode } from "react";
import { PatientFrame } from "@/app/_components/patient-frame";

/** Patient pages: the clinic's header, the emergency note on every page, the footer. */
export default function PatientLayout({ children }: { children: ReactNode }) {
  return <PatientFrame>{children}</PatientFrame>;
}
