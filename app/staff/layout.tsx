import Link from "next/link";
import { ROLE_NAMES } from "@/common/vocabulary";
import { getClinicCached } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { silentPilotOn } from "@/lib/governance/silent";
import { currentStaff } from "@/lib/staff/session";
import { signOutAction } from "./actions";
import styles from "./_components/staff.module.css";

/** The staff bar: where to go, who is signed in, sign out (here or everywhere). */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  // The silent pilot changes what every patient sees: said on every staff page while it is on
  // (the clinic row comes from the settings cache, so this costs no query on most pages).
  const silent = staff ? silentPilotOn(await getClinicCached(await getDb())) : false;
  // data-staff-area: globals.css hides the patient-only parts of the root layout while it is on screen.
  return (
    <div data-staff-area>
      {staff ? (
        <div className={styles.bar}>
          <nav aria-label="Staff">
            <ul>
              <li>
                <Link href="/staff">Case queue</Link>
              </li>
              <li>
                <Link href="/staff/review">To review</Link>
              </li>
              <li>
                <Link href="/staff/schedule">Schedule</Link>
              </li>
              <li>
                <Link href="/staff/calendar">Calendar</Link>
              </li>
              <li>
                <Link href="/staff/patients">Patients</Link>
              </li>
              <li>
                <Link href="/staff/book">Book for a caller</Link>
              </li>
              <li>
                <Link href="/staff/waitlist">Waitlist</Link>
              </li>
              {staff.role !== "reception" ? (
                <>
                  <li>
                    <Link href="/staff/outcomes">Outcomes</Link>
                  </li>
                  <li>
                    <Link href="/staff/triage-audit">Triage audit</Link>
                  </li>
                </>
              ) : null}
              {staff.role === "admin" ? (
                <>
                  <li>
                    <Link href="/staff/settings">Settings</Link>
                  </li>
                  <li>
                    <Link href="/staff/audit">Audit trail</Link>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
          <div className={styles.who}>
            <Link href="/staff/account">
              {staff.name} ({ROLE_NAMES[staff.role]})
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={styles.linkButton}>
                Sign out
              </button>
            </form>
            <form action={signOutAction}>
              <input type="hidden" name="everywhere" value="1" />
              <button type="submit" className={styles.linkButton}>
                Sign out everywhere
              </button>
            </form>
          </div>
        </div>
      ) : null}
      {silent ? (
        <p className={styles.notice} data-testid="silent-pilot-banner">
          <strong>Silent pilot: patients do not see their grade.</strong> Every new intake is on the case queue to
          triage by hand.{" "}
          {staff?.role === "admin" ? <Link href="/staff/settings#silent-pilot">Silent pilot settings</Link> : null}
        </p>
      ) : null}
      {children}
    </div>
  );
}
