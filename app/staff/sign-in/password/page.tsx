import type { Metadata } from "next";
import { MIN_PASSWORD_LENGTH } from "@/lib/staff/passwords";
import { signOutAction } from "../../actions";
import { forcedPasswordAction } from "../../mfa-actions";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";
import { onStep, safeNext } from "../step";

export const metadata: Metadata = { title: "Choose your password", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

/** After an admin set someone's password: they choose their own, so only they know it. */
export default async function ChoosePasswordPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  await onStep("change_password", next);
  return (
    <div className={styles.narrow}>
      <h1>Choose your own password</h1>
      <p>An admin set the password you just used. Choose a new one that only you know.</p>
      <StaffForm
        action={forcedPasswordAction}
        hidden={{ next }}
        errorSummary
        fields={[
          {
            name: "password",
            label: "New password",
            hint: `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`,
            kind: "password",
            autoComplete: "new-password",
            required: true,
          },
          {
            name: "confirm",
            label: "New password again",
            kind: "password",
            autoComplete: "new-password",
            required: true,
          },
        ]}
        submitLabel="Save my password"
      />
      <form action={signOutAction}>
        <button type="submit" className={styles.linkButton}>
          Cancel and sign out
        </button>
      </form>
    </div>
  );
}
