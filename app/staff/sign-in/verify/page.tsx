import type { Metadata } from "next";
import { getSecondFactors } from "@/db/queries/mfa";
import { getDb } from "@/lib/db";
import { signOutAction } from "../../actions";
import { verifyCodeAction } from "../../mfa-actions";
import { PasskeySignIn } from "../../_components/passkey-sign-in";
import { StaffForm } from "../../_components/staff-form";
import styles from "../../_components/staff.module.css";
import { onStep, safeNext } from "../step";

export const metadata: Metadata = { title: "Confirm it’s you", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

/** The second step of signing in: a passkey, a code from the authenticator app, or a recovery code. */
export default async function VerifyPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  const staff = await onStep("second_factor", next);
  const factors = await getSecondFactors(await getDb(), staff.id);
  return (
    <div className={styles.narrow}>
      <h1>Confirm it’s you</h1>
      <p>Your password was right. Now use your second factor, {staff.name}.</p>
      {factors.passkeys.length ? <PasskeySignIn next={next} /> : null}
      <h2>{factors.passkeys.length ? "Or enter a code" : "Enter a code"}</h2>
      <StaffForm
        action={verifyCodeAction}
        hidden={{ next }}
        fields={[
          {
            name: "code",
            label: factors.totp ? "Code from your authenticator app, or a recovery code" : "A recovery code",
            hint: factors.totp
              ? "6 digits from the app; a recovery code has 10 letters and digits"
              : "10 letters and digits, from the list you saved",
            autoComplete: "one-time-code",
            required: true,
          },
        ]}
        submitLabel="Continue"
      />
      <p className={styles.muted}>
        Lost your phone or passkey and your recovery codes? Ask an admin to reset your second factor.
      </p>
      <form action={signOutAction}>
        <button type="submit" className={styles.linkButton}>
          Cancel and sign out
        </button>
      </form>
    </div>
  );
}
