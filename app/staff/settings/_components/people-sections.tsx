// Who signs in (staff accounts) and the emails that gave up (with a retry each).
import type { ReactNode } from "react";
import type { listDeadEmails } from "@/db/queries/outbox";
import type { listStaff } from "@/db/queries/staff";
import { MIN_PASSWORD_LENGTH } from "@/lib/staff/passwords";
import { ROLE_NAMES } from "@/common/vocabulary";
import { formatDateTime } from "@/lib/booking/format";
import { kindLabel } from "@/lib/notifications/labels";
import {
  changeStaffRoleAction,
  createStaffAction,
  resetSecondFactorAction,
  resetStaffPasswordAction,
  retryEmailAction,
  setStaffActiveAction,
  unlockStaffAction,
} from "../actions";
import { StaffForm } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";
import styles from "../settings.module.css";

type Head = { title: string; notice: ReactNode };

const roleOptions = Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }));

/** Someone's second factors, in words. */
function factorsLabel(f: { totp: boolean; passkeys: number } | undefined): string {
  const parts = [
    f?.passkeys ? `${f.passkeys} passkey${f.passkeys === 1 ? "" : "s"}` : null,
    f?.totp ? "authenticator app" : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "None";
}

export function AccountsSection({
  title,
  notice,
  accounts,
  factors,
  selfId,
  zone,
  now,
}: Head & {
  accounts: Awaited<ReturnType<typeof listStaff>>;
  factors: ReadonlyMap<string, { totp: boolean; passkeys: number }>;
  selfId: string;
  zone: string;
  now: Date;
}) {
  return (
    <section id="staff" className={styles.section} aria-labelledby="staff-title">
      <h2 id="staff-title">{title}</h2>
      {notice}
      <p className={staff.muted}>
        Deactivating an account, or setting a new password for someone who forgot theirs, signs it out everywhere at
        once; a password you set must be changed by its owner at their next sign-in. Reset second factor is for someone
        who lost their phone or passkey and their recovery codes. Wrong passwords pause sign-in for that account from
        the device that typed them (5 in 15 minutes), and from new devices after 20 in an hour; the owner can still sign
        in from a device they used before. Unlock clears the pause at once.
      </p>
      <div className={staff.tableWrap}>
        <table className={staff.table}>
          <caption className="visually-hidden">Staff accounts, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Sign-in</th>
              <th scope="col">Second factor</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              const self = a.id === selfId;
              const locked = !!a.lockedUntil && a.lockedUntil > now;
              return (
                <tr key={a.id}>
                  <th scope="row">
                    {a.name}
                    {self ? <span className={staff.muted}> (you)</span> : null}
                  </th>
                  <td>{a.email}</td>
                  <td>{ROLE_NAMES[a.role]}</td>
                  <td>
                    <span className={styles.status}>{a.active ? "✓ Active" : "✕ Deactivated"}</span>
                  </td>
                  <td>
                    {locked ? (
                      <strong>🔒 Sign-in paused until {formatDateTime(a.lockedUntil!, zone)}</strong>
                    ) : a.failedSignIns ? (
                      `${a.failedSignIns} failed sign-in${a.failedSignIns === 1 ? "" : "s"} in a row`
                    ) : (
                      "No problems"
                    )}
                  </td>
                  <td>{factorsLabel(factors.get(a.id))}</td>
                  <td>
                    {self ? (
                      <span className={staff.muted}>Ask another admin to change your own account.</span>
                    ) : (
                      <div className={styles.actions}>
                        {locked || a.failedSignIns ? (
                          <StaffForm
                            errorSummary
                            action={unlockStaffAction}
                            hidden={{ id: a.id }}
                            submitLabel={locked ? `Unlock ${a.name}` : `Clear failed sign-ins of ${a.name}`}
                            secondary={!locked}
                            layout="inline"
                          />
                        ) : null}
                        {factorsLabel(factors.get(a.id)) !== "None" ? (
                          <StaffForm
                            errorSummary
                            action={resetSecondFactorAction}
                            hidden={{ id: a.id }}
                            submitLabel={`Reset second factor of ${a.name}`}
                            secondary
                            layout="inline"
                          />
                        ) : null}
                        <StaffForm
                          errorSummary
                          action={setStaffActiveAction}
                          hidden={{ id: a.id, active: a.active ? "false" : "true" }}
                          submitLabel={`${a.active ? "Deactivate" : "Reactivate"} ${a.name}`}
                          secondary
                          layout="inline"
                        />
                        <StaffForm
                          errorSummary
                          action={changeStaffRoleAction}
                          hidden={{ id: a.id }}
                          fields={[
                            {
                              name: "role",
                              label: `Role for ${a.name}`,
                              kind: "select",
                              options: roleOptions,
                              defaultValue: a.role,
                            },
                          ]}
                          submitLabel={
                            <>
                              Change role<span className="visually-hidden"> of {a.name}</span>
                            </>
                          }
                          secondary
                          layout="inline"
                        />
                        <StaffForm
                          errorSummary
                          action={resetStaffPasswordAction}
                          hidden={{ id: a.id }}
                          fields={[
                            {
                              name: "password",
                              label: `New password for ${a.name}`,
                              kind: "password",
                              hint: `At least ${MIN_PASSWORD_LENGTH} characters`,
                              autoComplete: "new-password",
                            },
                          ]}
                          submitLabel={
                            <>
                              Set password<span className="visually-hidden"> for {a.name}</span>
                            </>
                          }
                          secondary
                          layout="inline"
                        />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Add a staff account</h3>
      <StaffForm
        errorSummary
        layout="grid"
        action={createStaffAction}
        fields={[
          { name: "name", label: "Name" },
          { name: "email", label: "Email", kind: "email" },
          { name: "role", label: "Role", kind: "select", options: [{ value: "", label: "Choose…" }, ...roleOptions] },
          {
            name: "password",
            label: "First password",
            kind: "password",
            hint: `At least ${MIN_PASSWORD_LENGTH} characters. Give it to them in person.`,
            autoComplete: "new-password",
          },
        ]}
        submitLabel="Create account"
      />
    </section>
  );
}

export function DeadEmailsSection({
  title,
  notice,
  emails,
  zone,
}: Head & { emails: Awaited<ReturnType<typeof listDeadEmails>>; zone: string }) {
  return (
    <section id="emails" className={styles.section} aria-labelledby="emails-title">
      <h2 id="emails-title">{title}</h2>
      {notice}
      {emails.length ? (
        <>
          <p className={staff.muted}>
            These emails failed on every attempt and were given up. Fix the cause (for example a mistyped address)
            first, then send again: it goes out within a minute. The last error stays until the next try.
          </p>
          <div className={staff.tableWrap}>
            <table className={staff.table}>
              <caption className="visually-hidden">Emails that could not be sent, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">To</th>
                  <th scope="col">Queued</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">
                    <span className="visually-hidden">Retry</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {emails.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{kindLabel(e.kind)}</th>
                    <td>{e.recipient}</td>
                    <td>{formatDateTime(e.createdAt, zone)}</td>
                    <td>{e.attempts}</td>
                    <td className={styles.lastError}>
                      {e.lastError ?? <span className={staff.muted}>None recorded</span>}
                    </td>
                    <td>
                      <StaffForm
                        errorSummary
                        action={retryEmailAction}
                        hidden={{ id: e.id }}
                        submitLabel={
                          <>
                            Retry sending<span className="visually-hidden"> to {e.recipient}</span>
                          </>
                        }
                        layout="inline"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>✓ No emails are waiting: every email was sent or is still being tried.</p>
      )}
    </section>
  );
}
