// /api/v1/staff/*: the case queue, one case and acknowledging it, and the audit trail, as JSON for
// clinic integrations (a wallboard, a pager bridge). Each handler checks the session and role on
// the server first: 401 without a live staff session, 403 for the wrong role, never data. The
// audit trail's handlers are in audit-api.ts.
import type { StaffRole } from "@/common/vocabulary";
import { getDb } from "@/lib/db";
import { callDue } from "@/lib/escalation";
import { jsonError } from "@/lib/http";
import { queueViewDetails, recordStaffView } from "./audit";
import { acknowledgeCase, viewCase } from "./cases";
import { explainGrade, ruleSummary } from "./format";
import { pageQueue, queueQuerySchema } from "./queue";
import { ANY_STAFF, requireStaffApi, type Staff } from "./session";

const PAGE_SIZE = 50;
const NO_STORE = { "Cache-Control": "no-store" };

async function withStaff(
  roles: readonly StaffRole[],
  run: (staff: Staff) => Promise<Response>,
  options: Parameters<typeof requireStaffApi>[1] = {},
): Promise<Response> {
  const staff = await requireStaffApi(roles, options);
  if (staff instanceof Response) return staff;
  return run(staff);
}

/**
 * GET /api/v1/staff/cases: the queue (same filters as /staff), keyset-paged with `after`;
 * `?queue=review` gives the "To review" list in the same shape.
 */
export function listCasesApi(request: Request): Promise<Response> {
  return withStaff(
    ANY_STAFF,
    async (staff) => {
      const query = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
      const db = await getDb();
      const { cases: page, next } = await pageQueue(db, query, PAGE_SIZE);
      await recordStaffView(db, staff, "api_case_list_viewed", { ...queueViewDetails(query), shown: page.length });
      const cases = page.map((c) => {
        const { due, overdueMs } = c;
        return {
          id: c.id,
          level: c.level,
          effectiveLevel: c.effectiveLevel,
          overrideLevel: c.overrideLevel,
          firstName: c.firstName,
          lastName: c.lastName,
          age: c.ageAtGrading,
          reason: c.escalationReason,
          rulesetVersion: c.rulesetVersion,
          topRule: c.firedRules[0]
            ? { id: c.firedRules[0], summary: ruleSummary(c.rulesetVersion, c.firedRules[0]) }
            : null,
          submittedAt: c.createdAt.toISOString(),
          /** Acknowledge by (the queue) or review by (the review list); clinic hours applied. */
          deadline: due?.toISOString() ?? null,
          acknowledgeBy: c.ackDueAt?.toISOString() ?? null,
          reviewBy: c.reviewDueAt?.toISOString() ?? null,
          arrivedOutOfHours: c.arrivedOutOfHours,
          overdue: overdueMs !== null,
          callDue: c.callDue,
          flags: c.flags,
          acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
          resolvedAt: c.resolvedAt?.toISOString() ?? null,
          reviewedAt: c.reviewedAt?.toISOString() ?? null,
        };
      });
      return Response.json({ cases, next }, { headers: NO_STORE });
    },
    { scope: "cases:read", request },
  );
}

/** GET /api/v1/staff/cases/:id: one case (audited as a view, like the case page). */
export function getCaseApi(request: Request, id: string): Promise<Response> {
  return withStaff(
    ANY_STAFF,
    async (staff) => {
      const found = await viewCase(await getDb(), staff, id);
      if (!found) return jsonError(404, "not_found", "No case with that id.");
      const { intake, notes, bookings } = found;
      return Response.json(
        {
          id: intake.id,
          contact: {
            firstName: intake.firstName,
            lastName: intake.lastName,
            email: intake.email,
            phone: intake.phone,
            dateOfBirth: intake.dateOfBirth,
          },
          level: intake.level,
          effectiveLevel: intake.effectiveLevel,
          overrideLevel: intake.overrideLevel,
          overrideReason: intake.overrideReason,
          deadline: (intake.ackDueAt ?? intake.reviewDueAt)?.toISOString() ?? null,
          reviewBy: intake.reviewDueAt?.toISOString() ?? null,
          arrivedOutOfHours: intake.arrivedOutOfHours,
          callDue: callDue(intake),
          ...explainGrade(intake),
          scores: intake.scores,
          answers: intake.answers,
          submittedAt: intake.createdAt.toISOString(),
          acknowledgedAt: intake.acknowledgedAt?.toISOString() ?? null,
          resolvedAt: intake.resolvedAt?.toISOString() ?? null,
          resolutionReason: intake.resolutionReason,
          reviewedAt: intake.reviewedAt?.toISOString() ?? null,
          notes: notes.map((n) => ({
            kind: n.kind,
            outcome: n.outcome,
            body: n.body,
            author: n.author,
            at: n.createdAt.toISOString(),
          })),
          appointments: bookings.map((b) => ({
            id: b.id,
            startsAt: b.startsAt.toISOString(),
            status: b.status,
            clinician: b.clinician,
            type: b.type,
          })),
        },
        { headers: NO_STORE },
      );
    },
    { scope: "cases:read", request },
  );
}

/**
 * A change requested by another site (a form or script on a page elsewhere riding on the staff
 * member's cookie) is refused; the cookie is SameSite=Lax already, this is the second lock.
 */
export function crossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

/** POST /api/v1/staff/cases/:id/acknowledge: 200 when done, 409 when someone already did. */
export function acknowledgeCaseApi(request: Request, id: string): Promise<Response> {
  return withStaff(ANY_STAFF, async (staff) => {
    if (crossSite(request)) return jsonError(403, "cross_site", "Changes must come from the clinic's own pages.");
    if (!/^[0-9a-f-]{36}$/i.test(id)) return jsonError(404, "not_found", "No case with that id.");
    const result = await acknowledgeCase(await getDb(), staff, id, new Date());
    if (result.status === "not_found") return jsonError(404, "not_found", "No case with that id.");
    if (result.status === "already")
      return jsonError(409, "already_acknowledged", "This case was already acknowledged.");
    return Response.json({ id, acknowledged: true }, { headers: NO_STORE });
  });
}
