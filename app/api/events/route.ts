import { fieldErrors } from "@/lib/action-result";
import { nameSearchSchema } from "@/lib/schemas/common";
import { badRequest, withUser } from "@/lib/server/api";
import { searchEvents } from "@/lib/server/events";

/** GET /api/events?q=recognises&limit=10: events whose name contains q, for the claim form's picker. */
export const GET = withUser(async (request, actor) => {
  const query = nameSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(fieldErrors(query.error));
  return Response.json({ items: await searchEvents(actor, query.data.q, query.data.limit) });
});
