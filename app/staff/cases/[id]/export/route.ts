import { apiRoute } from "@/lib/http";
import { patientExportResponse } from "@/lib/privacy/export-api";

/** Everything held about the case's patient as a JSON download (clinicians and admins; audited as an export). */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) =>
  patientExportResponse((await params).id),
);
