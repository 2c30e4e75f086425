// The data boundary is kept by lint (eslint.config.mjs): a deliberate violation must fail it.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The boundary messages ESLint gives for `code` as if it were the file at `path`. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("the data boundary, as lint keeps it", () => {
  it("refuses SQL and tables in lib/ and app/, and lets their types through", async () => {
    expect(await boundaryErrors("lib/example.ts", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n')).toEqual(
      [expect.stringContaining("SQL lives in db/queries")],
    );
    expect(
      await boundaryErrors(
        "app/example/page.tsx",
        'import { intakes } from "@/db/schema";\nexport const x = intakes;\n',
      ),
    ).toEqual([expect.stringContaining("Tables are for db/queries")]);
    expect(
      await boundaryErrors(
        "lib/example.ts",
        'import type { SQL } from "drizzle-orm";\nimport type { Intake } from "@/db/schema";\nexport type X = [SQL, Intake];\n',
      ),
    ).toEqual([]);
  }, 30_000);

  it("refuses arrows that run back: lib importing app, db importing lib, common importing anything", async () => {
    expect(
      await boundaryErrors("lib/example.ts", 'import { x } from "@/app/intake/actions";\nexport const y = x;\n'),
    ).toEqual([expect.stringContaining("lib does not import from app")]);
    expect(
      await boundaryErrors("db/queries/example.ts", 'import { x } from "@/lib/triage";\nexport const y = x;\n'),
    ).toEqual([expect.stringContaining("db imports nothing from lib")]);
    expect(
      await boundaryErrors("common/example.ts", 'import { x } from "@/lib/triage";\nexport const y = x;\n'),
    ).toEqual([expect.stringContaining("common/ imports nothing")]);
  }, 30_000);

  it("lets db/queries use drizzle, and app read through db/queries", async () => {
    expect(
      await boundaryErrors(
        "db/queries/example.ts",
        'import { eq } from "drizzle-orm";\nimport { intakes } from "@/db/schema";\nexport const x = [eq, intakes];\n',
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        "app/example/page.tsx",
        'import { getIntake } from "@/db/queries/intakes";\nexport const x = getIntake;\n',
      ),
    ).toEqual([]);
  }, 30_000);
});
