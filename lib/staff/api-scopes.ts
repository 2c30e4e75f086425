// The integration keys' scopes as the settings page shows them (no server code: the create form,
// a client component, imports this).
import type { ApiScope } from "@/common/vocabulary";

/** What each scope lets a key do, as the settings page says it. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<ApiScope, string>> = {
  "cases:read": "Read the case queue and single cases",
  "patients:read": "Search patients and read their timelines",
  "fhir:read": "Export patients as FHIR R4 bundles",
  "appointments:write": "Book, move and cancel appointments",
  "webhooks:manage": "List, add and remove webhook endpoints and read their deliveries",
};

/** The form field of each scope's checkbox ("cases:read" → "scope_cases_read"). */
export const scopeField = (scope: ApiScope) => `scope_${scope.replace(":", "_")}`;
