import { claimListItemJson } from "@/lib/exports/claims-list";
import { claimListSchema, verifiedClaimsQuerySchema } from "@/lib/schemas/api-v1";
import { badRequest } from "@/lib/server/api-responses";
import { withApiTokenKeptAnswer } from "@/lib/server/api-v1";
import { listClaims } from "@/lib/server/claims";

/** GET /api/v1/claims?limit=&cursor=&q=&kind=&tag=&metric=&source=&sort=: verified claims, keyset pages (kept, and 304 to a poller holding the answer: withApiTokenKeptAnswer). */
export const GET = withApiTokenKeptAnswer(async (request, client) => {
  const query = verifiedClaimsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(query.error.flatten().fieldErrors);
  const page = await listClaims(client.actor, { ...query.data, status: "VERIFIED" });
  return Response.json(claimListSchema.parse({ items: page.items.map(claimListItemJson), nextCursor: page.nextCursor }));
});
