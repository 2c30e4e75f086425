import Link from "next/link";
import { getClinicInfo } from "@/lib/clinic";
import { currentStaff } from "@/lib/staff/session";
import { signOutAction } from "./actions";
import styles from "./_components/staff.module.css";

const ROLE_NAMES = { admin: "Admin", clinician: "Clinician", reception: "Reception" } as const;

/**
 * Staff pages' frame: the clinic's name, and once signed in the staff bar (where to go, who is signed
 * in, sign out here or everywhere). Not the patients' header, emergency note and footer.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const [staff, clinic] = await Promise.all([currentStaff(), getClinicInfo()]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header>
        <div className={styles.staffHeader}>
          <Link href="/staff">{clinic.name}</Link> <span>Staff</span>
        </div>
        {staff ? (
          <div className={styles.bar}>
            <nav aria-label="Staff">
              <ul>
                <li>
                  <Link href="/staff">Case queue</Link>
                </li>
                <li>
                  <Link href="/staff/schedule">Schedule</Link>
                </li>
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
              <span>
                {staff.name} ({ROLE_NAMES[staff.role]})
              </span>
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
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
