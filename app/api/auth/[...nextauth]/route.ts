import { handlers } from "@/auth";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute(handlers.GET);
export const POST = apiRoute(handlers.POST);
