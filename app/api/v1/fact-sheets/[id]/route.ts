import { isUuid } from "@/lib/ids";
import { sheetDetailSchema } from "@/lib/schemas/api-v1";
import { notFoundJson } from "@/lib/server/api-responses";
import { withApiTokenKeptAnswer } from "@/lib/server/api-v1";
import { getPublishedSheet } from "@/lib/server/published-sheets";

/** GET /api/v1/fact-sheets/<id>: one published sheet and every version's hash chain link (kept, and 304 to a poller holding the answer). */
export const GET = withApiTokenKeptAnswer<{ params: Promise<{ id: string }> }>(async (_request, client, { params }) => {
  const { id } = await params;
  const sheet = isUuid(id) ? await getPublishedSheet(client.actor, id) : null;
  return sheet ? Response.json(sheetDetailSchema.parse(sheet)) : notFoundJson("No published fact sheet has this id.");
});
