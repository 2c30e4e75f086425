import { triageAuditApi } from "@/lib/governance/audit-api";
import { apiRoute } from "@/lib/http";

/** The triage audit's figures as JSON (clinicians and admins, session only; audited); see README "Staff API". */
export const GET = apiRoute((request: Request) => triageAuditApi(request));
