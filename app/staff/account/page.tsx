import type { Metadata } from "next";
import { getMfaPolicy, getSecondFactors } from "@/db/queries/mfa";
import { formatDateTime } from "@/lib/booking/format";
import { getClinicZone } from "@/lib/clinic-settings";
import { getDb } from "@/lib/db";
import { firstValues } from "@/lib/forms";
import { appSetUpView, mfaRequired, pendingAppSetUp, startAppSetUp } from "@/lib/staff/mfa";
import { MIN_PASSWORD_LENGTH } from "@/lib/staff/passwords";
import { requireStaff } from "@/lib/staff/session";
import { changePasswordAction, removeAppAction, removePasskeyAction } from "../mfa-actions";
import { AddSecondFactor } from "../_components/add-second-factor";
import { NewRecoveryCodes } from "../_components/new-recovery-codes";
import { StaffForm } from "../_components/staff-form";
import styles from "../_components/staff.module.css";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, (q: Record<string, string | undefined>) => string> = {
  password_changed: (q) =>
    `Your password is changed.${q.ended && q.ended !== "0" ? " You were signed out on your other devices." : ""}`,
  passkey_removed: () => "The passkey is removed.",
  app_removed: () => "The authenticator app is removed.",
  recovery_used: (q) =>
    `You signed in with a recovery code. ${q.left === "0" ? "You have none left" : `You have ${q.left ?? "few"} left`}: make new ones below and keep them safe.`,
};

/** Anyone's own account: password, passkeys, authenticator app, recovery codes. */
export default async function AccountPage({ searchParams }: Props) {
  const staff = await requireStaff(undefined, "/staff/account");
  const query = firstValues(await searchParams);
  const db = await getDb();
  const [factors, policy, zone] = await Promise.all([
    getSecondFactors(db, staff.id),
    getMfaPolicy(db),
    getClinicZone(db),
  ]);
  const required = mfaRequired(policy);
  const done = query.done && Object.hasOwn(DONE, query.done) ? DONE[query.done]!(query) : null;
  const setUp = factors.totp
    ? null
    : ((await pendingAppSetUp(db, staff)) ?? (await startAppSetUp(db, staff, new Date())));
  const app = setUp && "secret" in setUp ? await appSetUpView(setUp) : null;
  const hasFactor = factors.totp || factors.passkeys.length > 0;
  const when = (d: Date | null) => (d ? formatDateTime(d, zone) : "never");

  return (
    <div className={styles.page} key={query.done ?? ""}>
      <h1>Your account</h1>
      <p className={styles.muted}>
        {staff.name}, {staff.email}
      </p>
      {done ? (
        <p role="status" className={styles.notice}>
          {done}
        </p>
      ) : null}

      <section aria-labelledby="factors-title">
        <h2 id="factors-title">Second factor</h2>
        <p>
          {required
            ? "The clinic requires a second factor: a passkey or an authenticator app, asked for after your password."
            : "A second factor (a passkey or an authenticator app) keeps patients’ data safe even if your password leaks."}
        </p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.muted}>Your second factors</caption>
            <thead>
              <tr>
                <th scope="col">Factor</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {factors.passkeys.map((p) => (
                <tr key={p.id}>
                  <td>Passkey: {p.name}</td>
                  <td>{when(p.createdAt)}</td>
                  <td>{when(p.lastUsedAt)}</td>
                  <td>
                    <StaffForm
                      action={removePasskeyAction}
                      hidden={{ id: p.id }}
                      layout="inline"
                      secondary
                      submitLabel={
                        <>
                          Remove<span className="visually-hidden"> passkey {p.name}</span>
                        </>
                      }
                    />
                  </td>
                </tr>
              ))}
              {factors.totp ? (
                <tr>
                  <td>Authenticator app</td>
                  <td>{when(factors.totpSince)}</td>
                  <td>—</td>
                  <td>
                    <StaffForm
                      action={removeAppAction}
                      layout="inline"
                      secondary
                      submitLabel={
                        <>
                          Remove<span className="visually-hidden"> authenticator app</span>
                        </>
                      }
                    />
                  </td>
                </tr>
              ) : null}
              {!hasFactor ? (
                <tr>
                  <td colSpan={4}>None yet.</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <h3>Add a second factor</h3>
        <AddSecondFactor app={app} continueHref="/staff/account" continueLabel="Back to your account" />
      </section>

      {hasFactor ? (
        <section aria-labelledby="codes-title">
          <h2 id="codes-title">Recovery codes</h2>
          <p>
            {factors.recoveryCodesLeft} of 10 unused. Each lets you sign in once without your second factor. New codes
            replace all the old ones.
          </p>
          <NewRecoveryCodes />
        </section>
      ) : null}

      <section aria-labelledby="password-title" className={styles.formColumn}>
        <h2 id="password-title">Change your password</h2>
        <StaffForm
          action={changePasswordAction}
          errorSummary
          fields={[
            {
              name: "current",
              label: "Current password",
              kind: "password",
              autoComplete: "current-password",
              required: true,
            },
            {
              name: "password",
              label: "New password",
              hint: `At least ${MIN_PASSWORD_LENGTH} characters. You will be signed out on your other devices.`,
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
          submitLabel="Change password"
        />
      </section>
    </div>
  );
}
