import { fieldErrors } from "@/lib/action-result";
import { conflictListSchema } from "@/lib/schemas/conflict";
import { badRequest, withUser } from "@/lib/server/api";
import { listConflicts } from "@/lib/server/conflicts";

/**
 * GET /api/conflicts?status=OPEN&kind=RATE_TOTAL&limit=50&cursor=…: one keyset page of conflicts
 * (newest first) with their claims, and the cursor of the next page.
 */
export const GET = withUser(async (request, actor) => {
  const query = conflictListSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(fieldErrors(query.error));
  const page = await listConflicts(actor, query.data);
  return Response.json({
    items: page.items.map((c) => ({ id: c.id, kind: c.kind, status: c.status, summary: c.summary, createdAt: c.createdAt, claims: c.claims.map((l) => l.claim) })),
    nextCursor: page.nextCursor,
  });
});
