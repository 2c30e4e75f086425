import { seed } from "@/db/seed";
import { runWithDb } from "./cli";

await runWithDb(async (handle) => {
  await handle.migrate();
  const report = await seed(handle.db);
  console.info(`Demo data (${handle.kind}): clinic ${report.clinic}, ${report.clinicians} clinicians added.`);
});
