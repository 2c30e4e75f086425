import { defineConfig } from "drizzle-kit";

// Only generate/check use this file; migrations are applied by the app (db/client.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
});
