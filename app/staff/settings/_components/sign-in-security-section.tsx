// Whether staff need a second factor: required (the default in production) or optional.
import type { ReactNode } from "react";
import type { MfaPolicy } from "@/lib/staff/mfa";
import { mfaPolicyAction } from "../actions";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

export function SignInSecuritySection({
  title,
  notice,
  policy,
  required,
  withoutFactor,
}: {
  title: string;
  notice: ReactNode;
  /** As stored; null is the default for this deployment. */
  policy: MfaPolicy;
  /** What applies now. */
  required: boolean;
  /** Active accounts with no second factor yet. */
  withoutFactor: readonly string[];
}) {
  return (
    <section id="sign-in" className={styles.section} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{title}</h2>
      {notice}
      <p>
        {required
          ? "Every staff member confirms it’s them with a passkey or an authenticator app after their password. Someone without one sets it up at their next sign-in."
          : "A second factor is optional: staff can add one on their account page."}
        {policy === null ? " This is the default for this server; choosing saves it." : null}
        {!required ? " Choosing Required applies to you too: without a second factor you set one up at once." : null}
      </p>
      {withoutFactor.length ? (
        <p className={staff.muted}>
          Without a second factor yet: {withoutFactor.join(", ")}.
          {required ? " They will be asked to set one up at their next page." : null}
        </p>
      ) : null}
      <StaffForm
        action={mfaPolicyAction}
        fields={[
          {
            name: "staffMfa",
            label: "Second factor for staff",
            kind: "radio",
            defaultValue: required ? "required" : "optional",
            options: [
              { value: "required", label: "Required for everyone (recommended for health data)" },
              { value: "optional", label: "Optional" },
            ],
          },
        ]}
        submitLabel="Save sign-in security"
      />
    </section>
  );
}
