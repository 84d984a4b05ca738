import { toVersionExport } from "@/lib/exports/json";
import { isUuid } from "@/lib/ids";
import { versionDetailSchema } from "@/lib/schemas/api-v1";
import { notFoundJson } from "@/lib/server/api-responses";
import { withApiTokenKeptAnswer } from "@/lib/server/api-v1";
import { getVersion } from "@/lib/server/fact-sheet-publishing";

/** GET /api/v1/fact-sheets/<id>/versions/<n>: one published version (the JSON export's shape) with its hashes (kept, and 304 to a client holding it). */
export const GET = withApiTokenKeptAnswer<{ params: Promise<{ id: string; number: string }> }>(async (_request, client, { params }) => {
  const { id, number } = await params;
  const version = isUuid(id) && /^[1-9]\d{0,8}$/.test(number) ? await getVersion(client.actor, id, Number(number)) : null;
  if (!version) return notFoundJson("No such version.");
  return Response.json(versionDetailSchema.parse({ ...toVersionExport(version.content), contentHash: version.contentHash, previousHash: version.previousHash }));
});
