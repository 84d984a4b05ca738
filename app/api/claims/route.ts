import { claimListItemJson } from "@/lib/exports/claims-list";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import { badRequest, withUser } from "@/lib/server/api";
import { listClaims } from "@/lib/server/claims";

/**
 * GET /api/claims?limit=50&cursor=…&q=…&status=…&kind=…&tag=…&metric=…&source=…&assignee=me|none|<id>&conflict=open&sort=newest|oldest|updated
 * The same filters as the /claims page; follow `nextCursor` for the next page.
 */
export const GET = withUser(async (request, actor) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = claimFiltersSchema.safeParse(params);
  if (!query.success) return badRequest(query.error.flatten().fieldErrors);
  const page = await listClaims(actor, query.data);
  return Response.json({ items: page.items.map(claimListItemJson), nextCursor: page.nextCursor });
});
