import type { Metadata } from "next";
import Link from "next/link";
import { getClinicInfo } from "@/lib/clinic";
import { getDb } from "@/lib/db";
import { fieldErrors, firstValues } from "@/lib/forms";
import { PRIVATE_PAGE_REFERRER } from "@/lib/http";
import { isBackgroundView } from "@/lib/staff/audit-api";
import { findPatients, patientSearchSchema } from "@/lib/staff/patients";
import { requireStaff } from "@/lib/staff/session";
import { PatientSearchForm } from "../_components/patient-search-form";
import { LastIntake } from "../_components/last-intake";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Patients", robots: { index: false }, referrer: PRIVATE_PAGE_REFERRER };

const SEARCHED_BY = { name: "name", email: "email", phone: "phone number", dob: "date of birth" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Find a patient by name, email, phone or date of birth (every search is audited with its terms). */
export default async function PatientsPage({ searchParams }: Props) {
  const staff = await requireStaff(undefined, "/staff/patients");
  const raw = firstValues(await searchParams);
  const parsed = patientSearchSchema.safeParse({ q: raw.q ?? "", cursor: raw.cursor || undefined });
  const db = await getDb();
  const zone = (await getClinicInfo()).timeZone;
  const error = parsed.success ? null : (Object.values(fieldErrors(parsed.error)).flat()[0] ?? "Check the search.");
  const page = parsed.success
    ? await findPatients(db, staff, parsed.data, { source: "page", recordView: !(await isBackgroundView()) })
    : null;
  const q = parsed.success ? parsed.data.q : (raw.q ?? "").slice(0, 100);

  return (
    <div className={styles.page}>
      <h1>Patients</h1>
      <p className={styles.muted}>
        One record per person across visits. Search by name (first or last, the start is enough), email, phone number or
        date of birth (1961-04-09 or 04/09/1961).
      </p>
      <PatientSearchForm label="Find a patient" q={q} error={error} />
      {page?.status === "bad_cursor" ? (
        <p className={styles.notice}>
          That page of results has expired.{" "}
          <Link href={`/staff/patients?${new URLSearchParams({ q })}`}>Start again</Link>.
        </p>
      ) : null}
      {page?.status === "ok" && q ? (
        page.key === null ? (
          <p role="status">Type a name, an email, a phone number (at least 6 digits) or a date of birth.</p>
        ) : page.results.length === 0 ? (
          <p role="status">No patient matches that {SEARCHED_BY[page.key]}.</p>
        ) : (
          <>
            <p role="status" className={styles.muted}>
              Searched by {SEARCHED_BY[page.key]}.
            </p>
            <div className={styles.tableWrap}>
              <table className={`${styles.table} ${styles.stacked}`}>
                <caption className="visually-hidden">Patients matching the search, by last name</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Date of birth</th>
                    <th scope="col">Email</th>
                    <th scope="col">Phone</th>
                    <th scope="col">Last intake</th>
                  </tr>
                </thead>
                <tbody>
                  {page.results.map((p) => (
                    <tr key={p.id} data-testid="patient-row">
                      <td>
                        <Link href={`/staff/patients/${p.id}`} prefetch={false}>
                          {p.name}
                        </Link>
                        {p.erased ? <div className={styles.muted}>personal data erased</div> : null}
                      </td>
                      <td data-label="Born">{p.dateOfBirth ?? "—"}</td>
                      <td data-label="Email">{p.email ?? "—"}</td>
                      <td data-label="Phone">{p.phone || "—"}</td>
                      <td data-label="Last intake">
                        <LastIntake at={p.lastIntakeAt} level={p.lastLevel} zone={zone} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.next ? (
              <p>
                <Link href={`/staff/patients?${new URLSearchParams({ q, cursor: page.next })}`}>Next page</Link>
              </p>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
