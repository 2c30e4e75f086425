// GET /api/v1/staff/patients (search, paged) and GET /api/v1/staff/patients/:id (one patient's
// timeline), as JSON: a live staff session, a request from the clinic's own pages (or a script
// without an Origin), any staff role; each search and view is audited like the pages' own.
import { getDb } from "@/lib/db";
import { fieldErrors } from "@/lib/forms";
import { jsonError } from "@/lib/http";
import { crossSite } from "./api";
import { findPatients, patientSearchSchema, viewPatient } from "./patients";
import { ANY_STAFF, requireStaffApi } from "./session";

const NO_STORE = { "Cache-Control": "no-store" };
const NOT_FOUND = "No patient with that id.";

async function guard(request: Request) {
  const staff = await requireStaffApi(ANY_STAFF, { scope: "patients:read", request });
  if (staff instanceof Response) return staff;
  if (crossSite(request)) return jsonError(403, "cross_site", "Requests must come from the clinic's own pages.");
  return staff;
}

/** GET /api/v1/staff/patients?q=&cursor=: 25 patients a page by last name; `next` is the cursor of the next page. */
export async function listPatientsApi(request: Request): Promise<Response> {
  const staff = await guard(request);
  if (staff instanceof Response) return staff;
  const params = new URL(request.url).searchParams;
  const parsed = patientSearchSchema.safeParse({
    q: params.get("q") ?? undefined,
    cursor: params.get("cursor") || undefined,
  });
  if (!parsed.success)
    return jsonError(400, "invalid_query", "Check the search.", { fieldErrors: fieldErrors(parsed.error) });
  const page = await findPatients(await getDb(), staff, parsed.data, { source: "api" });
  if (page.status === "bad_cursor")
    return jsonError(400, "invalid_cursor", "That cursor is not one this API gave out; start from the first page.");
  return Response.json(
    {
      searchedBy: page.key,
      patients: page.results.map((p) => ({
        ...p,
        lastIntakeAt: p.lastIntakeAt?.toISOString() ?? null,
      })),
      next: page.next,
    },
    { headers: NO_STORE },
  );
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * GET /api/v1/staff/patients/:id: the patient, the level that acts now, and their intakes,
 * appointments, notes and calls, emails (kind and status only) and staff alerts. A record merged into
 * another answers 307 to the one it joined; an unknown or malformed id 404.
 */
export async function getPatientApi(request: Request, id: string): Promise<Response> {
  const staff = await guard(request);
  if (staff instanceof Response) return staff;
  const view = await viewPatient(await getDb(), staff, id);
  if (view.status === "not_found") return jsonError(404, "not_found", NOT_FOUND);
  if (view.status === "merged")
    return jsonError(
      307,
      "merged",
      "This record was merged into another.",
      { survivorId: view.survivorId },
      { Location: `/api/v1/staff/patients/${view.survivorId}`, ...NO_STORE },
    );
  return Response.json(
    {
      ...view.patient,
      createdAt: view.patient.createdAt.toISOString(),
      currentLevel: view.currentLevel,
      currentIntakeId: view.currentIntakeId,
      intakes: view.intakes.map((i) => ({
        id: i.id,
        submittedAt: i.createdAt.toISOString(),
        level: i.level,
        effectiveLevel: i.effectiveLevel,
        overrideLevel: i.overrideLevel,
        overrideReason: i.overrideReason,
        status: i.status,
        previousIntakeId: i.previousIntakeId,
        firstIntakeId: i.firstIntakeId,
        ...i.grade,
      })),
      appointments: view.appointments.map((a) => ({
        id: a.id,
        intakeId: a.intakeId,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        status: a.status,
        clinician: a.clinician,
        type: a.type,
      })),
      notes: view.notes.map((n) => ({
        intakeId: n.intakeId,
        kind: n.kind,
        outcome: n.outcome,
        body: n.body,
        author: n.author,
        at: n.createdAt.toISOString(),
      })),
      emails: view.emails.map((e) => ({
        kind: e.kind,
        status: e.status,
        intakeId: e.intakeId,
        createdAt: e.createdAt.toISOString(),
        sentAt: iso(e.sentAt),
      })),
      alerts: view.alerts.map((a) => ({
        intakeId: a.intakeId,
        channel: a.channel,
        digest: a.digest,
        reason: a.reason,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        sentAt: iso(a.sentAt),
      })),
      waitlistOffers: view.waitlistOffers.map((o) => ({
        id: o.id,
        startsAt: o.startsAt.toISOString(),
        clinician: o.clinicianName,
        offeredAt: o.offeredAt.toISOString(),
        status: o.status,
        answeredAt: iso(o.answeredAt),
      })),
      preVisitChecks: view.preVisitChecks.map((c) => ({
        id: c.id,
        appointmentStartsAt: c.appointmentStartsAt.toISOString(),
        answeredAt: c.answeredAt.toISOString(),
        pain: c.pain,
        trend: c.trend,
        redFlags: c.redFlags,
        regrade: c.regrade,
        gaveTimeBack: c.gaveBack,
      })),
      merges: view.merges.map((m) => ({
        id: m.id,
        mergedId: m.mergedId,
        reason: m.reason,
        mergedAt: m.mergedAt.toISOString(),
        mergedBy: m.mergedBy,
      })),
    },
    { headers: NO_STORE },
  );
}
