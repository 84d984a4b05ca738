import { isExportFormat } from "@/lib/exports/formats";
import { isUuid } from "@/lib/ids";
import { withUser } from "@/lib/server/api";
import { appBaseUrl } from "@/lib/server/app-url";
import { downloadResponse } from "@/lib/server/export-jobs";
import { getVersion } from "@/lib/server/fact-sheet-publishing";

type Context = { params: Promise<{ id: string; number: string; format: string }> };

/** GET /api/fact-sheets/<id>/versions/<n>/exports/<pdf|csv|json|md|jsonld>: a version's stored export file, the same bytes for good. */
export const GET = withUser<Context>(async (request, actor, { params }) => {
  const { id, number, format } = await params;
  const n = Number(number);
  const notFound = () => Response.json({ error: "not_found", message: "No such version or format." }, { status: 404 });
  if (!isUuid(id) || !Number.isInteger(n) || n < 1 || !isExportFormat(format)) return notFound();
  const version = await getVersion(actor, id, n);
  if (!version) return notFound();
  return downloadResponse(version, format, { baseUrl: await appBaseUrl(), request, caching: "immutable" });
});
