import { getCaseApi } from "@/lib/staff/api";

/** One case as JSON (any staff role; audited as a view). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return getCaseApi((await params).id);
}
