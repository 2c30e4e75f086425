import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const drizzleObjects = { drizzleObjectName: ["db", "tx"] };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "playwright-report/**", "test-results/**"]),
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without a where clause touches every patient row.
      "drizzle/enforce-delete-with-where": ["error", drizzleObjects],
      "drizzle/enforce-update-with-where": ["error", drizzleObjects],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Configuration is read and validated in one place: lib/env.ts.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through env() from lib/env.ts." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "scripts/**", "tests/**", "*.config.ts", "*.config.mjs", ".ci/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // The clinical rules and the slot maths are pure: plain data in, plain data out.
    files: ["lib/triage/**", "lib/scheduling/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/triage and lib/scheduling stay framework-free." },
            { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/triage and lib/scheduling stay framework-free." },
            { group: ["@/db", "@/db/*", "**/db/*", "**/db"], message: "lib/triage and lib/scheduling do not touch the database." },
            { group: ["@/lib/env", "**/lib/env", "**/env"], message: "lib/triage and lib/scheduling do not read the environment." },
          ],
        },
      ],
    },
  },
]);
