// The silent pilot (issue 22): before patients are shown their grade, the clinic runs the form on
// real patients with the grades seen by staff only, and staff triage every intake by hand.
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/booking/format";
import { silentPilotAction } from "../silent-pilot-actions";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Props = { title: string; notice: ReactNode; since: Date | null; setUp: boolean; zone: string };

export function SilentPilotSection({ title, notice, since, setUp, zone }: Props) {
  return (
    <section id="silent-pilot" className={styles.section} aria-labelledby="silent-pilot-title">
      <h2 id="silent-pilot-title">{title}</h2>
      {notice}
      <p>
        <strong>
          {since ? `On since ${formatDateTime(since, zone)}.` : "Off: patients see their result as usual."}
        </strong>
      </p>
      <p>
        A silent pilot lets the clinic check the grading on its own patients before anyone relies on it. While it is on:
      </p>
      <ul>
        <li>Every form is still graded and the grade is stored. Staff see it on the queue and the case page.</li>
        <li>
          Patients do not see their grade. After the form they see a thank-you, the clinic&apos;s phone, email and
          address, the warning signs that need emergency help, and a link to book. Emails never mention it either: the
          self-care advice email and its 14-day check-in are not sent.
        </li>
        <li>
          Patients may book any appointment type they can book themselves, at any time the clinic offers, whatever their
          grade.
        </li>
        <li>
          Every new form joins the case queue, so staff triage it by hand and record the level they would give. The
          triage audit compares that level with the engine&apos;s grade.
        </li>
        <li>
          Safety stays as it is: the emergency page during the form still tells patients to get help now, an emergency
          grade is still shown to the patient, and staff are still alerted to EMERGENCY and URGENT grades.
        </li>
      </ul>
      <p className={staff.muted}>
        The clinical guidance asks for at least four weeks or 500 forms, whichever is later, before grades are shown to
        patients. Switching is recorded in the audit trail.
      </p>
      {setUp ? (
        <StaffForm
          errorSummary
          action={silentPilotAction}
          hidden={{ on: since ? "off" : "on" }}
          fields={[
            {
              name: "confirm",
              kind: "checkbox",
              label: since
                ? "I understand that from now on patients see their grade and its advice again, and new forms are no longer all put on the case queue."
                : "I understand that from now on patients do not see their grade, and that staff must triage every new form by hand.",
            },
          ]}
          submitLabel={since ? "Turn the silent pilot off" : "Turn the silent pilot on"}
        />
      ) : (
        <p>Set up the clinic&apos;s details and policies first.</p>
      )}
    </section>
  );
}
