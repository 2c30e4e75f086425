import { acknowledgeCaseApi } from "@/lib/staff/api";

/** Acknowledge a case (any staff role; audited). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return acknowledgeCaseApi(request, (await params).id);
}
