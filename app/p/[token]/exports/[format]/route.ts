import { isExportFormat } from "@/lib/exports/formats";
import { appBaseUrl } from "@/lib/server/app-url";
import { downloadResponse } from "@/lib/server/export-jobs";
import { openPublicLink } from "@/lib/server/fact-sheet-links";

/**
 * GET /p/<token>/exports/<format>: the export files of the version a public link opens; 404 for
 * unknown or revoked tokens. Asked about again on every download (a link may follow the latest version).
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; format: string }> }) {
  const { token, format } = await params;
  const version = isExportFormat(format) ? await openPublicLink(token) : null;
  if (!version || !isExportFormat(format)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return downloadResponse(version, format, { baseUrl: await appBaseUrl(), request, caching: "revalidate" });
}
