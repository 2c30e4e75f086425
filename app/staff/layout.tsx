import Link from "next/link";
import { ROLE_NAMES } from "@/common/vocabulary";
import { currentStaff } from "@/lib/staff/session";
import { signOutAction } from "./actions";
import styles from "./_components/staff.module.css";

/** The staff bar: where to go, who is signed in, sign out (here or everywhere). */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
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
                <li>
                  <Link href="/staff/outcomes">Outcomes</Link>
                </li>
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
      {children}
    </div>
  );
}
