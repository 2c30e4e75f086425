// npm run staff:create -- --email <e> --name <n> --role <admin|clinician|reception>
// Reads the password from standard input (piped, or typed without echo), never from arguments,
// so it stays out of shell history and process lists. An existing email is updated.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/staff/passwords";
import { runWithDb } from "./cli";

const args = z
  .object({
    email: z
      .string({ error: "--email is required" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "--email must be an email address" })),
    name: z.string({ error: "--name is required" }).trim().min(1, { error: "--name is required" }).max(200),
    role: z.enum(["admin", "clinician", "reception"], { error: "--role must be admin, clinician or reception" }),
  })
  .safeParse(
    parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
      strict: true,
    }).values,
  );
if (!args.success) {
  console.error(args.error.issues.map((i) => i.message).join("\n"));
  console.error(
    "Usage: npm run staff:create -- --email <e> --name <n> --role <admin|clinician|reception>  (password on standard input)",
  );
  process.exit(2);
}

const password = await readPassword();
if (password.length < MIN_PASSWORD_LENGTH) {
  console.error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  process.exit(2);
}

await runWithDb(async (handle) => {
  await handle.migrate();
  const { email, name, role } = args.data;
  const result = await handle.db.transaction(async (tx) => {
    const r = await upsertStaff(tx, { email, name, role, passwordHash: await hashPassword(password) });
    await recordAudit(tx, {
      actor: null,
      action: r.created ? "staff_created" : "staff_updated",
      subjectType: "staff_user",
      subjectId: r.id,
      after: { email, name, role },
      clientAddress: "command line",
    });
    return r;
  });
  console.info(`${result.created ? "Created" : "Updated"} ${role} ${email} (${handle.kind}).`);
});

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  process.stdout.write("Password: ");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Do not echo what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const line = await new Promise<string>((resolve) => rl.once("line", resolve));
  rl.close();
  process.stdout.write("\n");
  return line;
}
