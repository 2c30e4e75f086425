import { seed } from "@/db/seed";
import { demoCredentialsText, seedDemo } from "@/lib/demo";
import { env } from "@/lib/env";
import { runWithDb } from "./cli";

await runWithDb(async (handle) => {
  await handle.migrate();
  const report = await seed(handle.db);
  console.info(`Demo data (${handle.kind}): clinic ${report.clinic}, ${report.clinicians} clinicians added.`);
  if (env().DEMO_DATA) {
    const demo = await seedDemo(handle.db);
    console.info(
      `Demo staff: ${demo.staff} added; demo intakes: ${demo.intakes} added. Sign-ins (development only):\n${demoCredentialsText()}`,
    );
  }
});
