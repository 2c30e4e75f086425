import { runWithDb } from "./cli";

await runWithDb(async (handle) => {
  await handle.migrate();
  console.info(`Migrations applied (${handle.kind}).`);
});
