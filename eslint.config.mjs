import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const drizzleObjects = { drizzleObjectName: ["db", "tx"] };

const BOUNDARY_PATHS = [
  {
    name: "drizzle-orm",
    allowTypeImports: true,
    message: "SQL lives in db/queries: call a query function (fn(db, scope)) instead.",
  },
  {
    name: "@/db/schema",
    allowTypeImports: true,
    message: "Tables are for db/queries: import a query function, or the row type with `import type`.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
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
  // The data boundary (README, "Architecture"): app → lib → db/queries. Every SQL statement lives in
  // db/queries; pages may read through db/queries, and every write goes through lib. Types may cross.
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: BOUNDARY_PATHS }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: BOUNDARY_PATHS,
          patterns: [
            { group: ["@/app", "@/app/*"], message: "lib does not import from app: move the shared code into lib." },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib", "@/lib/*", "@/app", "@/app/*"],
              message: "db imports nothing from lib or app: move what it needs into db or common.",
            },
          ],
        },
      ],
    },
  },
  {
    // Words shared by db and lib (levels, roles): pure constants that import nothing.
    files: ["common/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["*", "@/*"], message: "common/ imports nothing." }] },
      ],
    },
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
            {
              group: ["react", "react/*", "react-dom", "react-dom/*"],
              message: "lib/triage and lib/scheduling stay framework-free.",
            },
            {
              group: ["@/db", "@/db/*", "**/db/*", "**/db"],
              message: "lib/triage and lib/scheduling do not touch the database.",
            },
            {
              group: ["@/lib/env", "**/lib/env", "**/env"],
              message: "lib/triage and lib/scheduling do not read the environment.",
            },
          ],
        },
      ],
    },
  },
]);
