import { fieldErrors } from "@/lib/action-result";
import { claimListItemJson } from "@/lib/exports/claims-list";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import { badRequest, withUserKeptAnswer } from "@/lib/server/api";
import { createClaim } from "@/lib/server/claim-edits";
import { listClaims } from "@/lib/server/claims";
import { routeAction } from "@/lib/server/route-action";
import { claimSchema } from "@/lib/schemas/claim";

/**
 * GET /api/claims?limit=50&cursor=…&q=…&status=…&kind=…&tag=…&metric=…&source=…&assignee=me|none|<id>&conflict=open&sort=newest|oldest|updated
 * The same filters as the /claims page; follow `nextCursor` for the next page. Kept until the next
 * write, and 304 to a poller whose If-None-Match names the answer's ETag (lib/server/page-cache.ts, keptAnswer).
 */
export const GET = withUserKeptAnswer(async (request, actor) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = claimFiltersSchema.safeParse(params);
  if (!query.success) return badRequest(fieldErrors(query.error));
  const page = await listClaims(actor, query.data);
  return Response.json({ items: page.items.map(claimListItemJson), nextCursor: page.nextCursor });
});

/** POST /api/claims: records a claim (the fields of the new-claim form, as JSON); 201 with its id. */
export const POST = routeAction(claimSchema, createClaim);
