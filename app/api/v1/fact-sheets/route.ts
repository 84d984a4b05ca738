import { sheetListQuerySchema, sheetListSchema } from "@/lib/schemas/api-v1";
import { badRequest } from "@/lib/server/api-responses";
import { withApiTokenKeptAnswer } from "@/lib/server/api-v1";
import { listPublishedSheets } from "@/lib/server/published-sheets";

/** GET /api/v1/fact-sheets?limit=&cursor=: published fact sheets with their latest version's hash (kept, and 304 to a poller holding the answer). */
export const GET = withApiTokenKeptAnswer(async (request, client) => {
  const query = sheetListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(query.error.flatten().fieldErrors);
  return Response.json(sheetListSchema.parse(await listPublishedSheets(client.actor, query.data)));
});
