import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum (19 MiB, 2 passes): about 50 ms per hash on this machine kind.
// @node-rs/argon2 ships prebuilt binaries with no install script (argon2 needs node-gyp).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
let dummy: Promise<string> | undefined;

/** Whether the password matches; with no hash (unknown email) it still does the work, then says no. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummy ??= hashPassword("not-a-real-password-0000")));
  const ok = await verify(target, password).catch(() => false);
  return passwordHash !== null && ok;
}
