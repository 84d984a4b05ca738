// The files a published fact-sheet version downloads as: one name, type and extension per format.
import type { SnapshotContent } from "../factsheets/snapshot";

export const EXPORT_FORMATS = ["pdf", "csv", "json", "md", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_INFO: Record<ExportFormat, { label: string; contentType: string; extension: string }> = {
  pdf: { label: "PDF", contentType: "application/pdf", extension: "pdf" },
  csv: { label: "CSV", contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  json: { label: "JSON", contentType: "application/json; charset=utf-8", extension: "json" },
  md: { label: "Markdown", contentType: "text/markdown; charset=utf-8", extension: "md" },
  jsonld: { label: "ClaimReview JSON-LD", contentType: "application/ld+json; charset=utf-8", extension: "jsonld" },
};

export const isExportFormat = (v: string): v is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(v);

/** `north-korea-figures-v2.csv`: the sheet's slug, the version number and the format's extension. */
export function exportFileName(content: Pick<SnapshotContent, "slug" | "number">, format: ExportFormat): string {
  return `${content.slug}-v${content.number}.${EXPORT_FORMAT_INFO[format].extension}`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the ASCII name plus the exact one. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
