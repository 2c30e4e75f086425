import { openApiDocument } from "@/lib/openapi/document";

// The document depends only on the code: built once, at build time.
export const dynamic = "force-static";

/** The OpenAPI 3.1 document of the public, staff and FHIR APIs (lib/openapi); /docs/api reads the same. */
export function GET(): Response {
  return Response.json(openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=3600" },
  });
}
