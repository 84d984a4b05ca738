import "server-only";
import { toJsonLd } from "@/lib/exports/claim-review";
import { toCsv } from "@/lib/exports/csv";
import { contentDisposition, EXPORT_FORMAT_INFO, EXPORT_FORMATS, exportFileName, type ExportFormat } from "@/lib/exports/formats";
import { toJson } from "@/lib/exports/json";
import { toMarkdown } from "@/lib/exports/markdown";
import { sha256Hex, type SnapshotContent } from "@/lib/factsheets/snapshot";
import type { Db } from "@/prisma/client";
import { db } from "./db";
import type { PublishedVersion } from "./fact-sheet-publishing";
import { renderPdf } from "./pdf";

// A version's export files are made once, from its snapshot only, and kept in the append-only
// fact_sheet_exports table: every later download, signed in or through a public link, is the
// same bytes with the same SHA-256, whatever happens to the live claims since.

/** The address of a version's page, the base of its ClaimReview anchors (`#claim-<position>`). */
export const versionUrl = (baseUrl: string, content: Pick<SnapshotContent, "sheetId" | "number">) =>
  `${baseUrl.replace(/\/$/, "")}/fact-sheets/${content.sheetId}/v/${content.number}`;

/** The bytes of one format, made from the snapshot alone. */
export async function makeExport(content: SnapshotContent, format: ExportFormat, baseUrl: string): Promise<Buffer> {
  switch (format) {
    case "pdf":
      return renderPdf(content);
    case "csv":
      return Buffer.from(toCsv(content), "utf8");
    case "json":
      return Buffer.from(toJson(content), "utf8");
    case "md":
      return Buffer.from(toMarkdown(content), "utf8");
    case "jsonld":
      return Buffer.from(toJsonLd(content, versionUrl(baseUrl, content)), "utf8");
  }
}

export interface StoredExport {
  format: ExportFormat;
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
}

/** Keeps a version's file (the first one kept wins: the same bytes, whoever made them). */
export async function saveExport(client: Db, snapshotId: string, format: ExportFormat, bytes: Buffer) {
  await client.factSheetExport.createMany({
    data: [{ snapshotId, format, sha256: sha256Hex(bytes), bytes: new Uint8Array(bytes) }],
    skipDuplicates: true,
  });
}

// Two first downloads of one new version at once make the file once in this process; across
// processes the insert keeps whichever was first and both answer with the stored one.
const making = new Map<string, Promise<void>>();

async function store(version: PublishedVersion, format: ExportFormat, baseUrl: string) {
  const key = `${version.id}:${format}`;
  let pending = making.get(key);
  if (!pending) {
    pending = (async () => saveExport(db, version.id, format, await makeExport(version.content, format, baseUrl)))().finally(() => making.delete(key));
    making.set(key, pending);
  }
  await pending;
}

const describeExport = (content: SnapshotContent, row: { format: string; sha256: string; size: number }): StoredExport => {
  const format = row.format as ExportFormat;
  return { format, fileName: exportFileName(content, format), contentType: EXPORT_FORMAT_INFO[format].contentType, sha256: row.sha256, size: row.size };
};

/** The files of a version made so far, by format, with their SHA-256 and size. */
export async function storedExports(version: Pick<PublishedVersion, "id" | "content">): Promise<Map<ExportFormat, StoredExport>> {
  const rows = await db.$queryRaw<{ format: string; sha256: string; size: number }[]>`
    SELECT format, sha256, octet_length(bytes) AS size FROM fact_sheet_exports WHERE snapshot_id = ${version.id}::uuid`;
  return new Map(rows.map((r) => [r.format as ExportFormat, describeExport(version.content, r)]));
}

/** The formats of a version (all unless `formats` names some) with their SHA-256 and size, making (once) those not made yet. */
export async function versionExports(version: PublishedVersion, baseUrl: string, formats: readonly ExportFormat[] = EXPORT_FORMATS): Promise<StoredExport[]> {
  let stored = await storedExports(version);
  const missing = formats.filter((f) => !stored.has(f));
  if (missing.length) {
    for (const format of missing) await store(version, format, baseUrl);
    stored = await storedExports(version);
  }
  return formats.map((f) => stored.get(f)!);
}

/** One stored file of a version (made now if it is the first ask). */
export async function versionExportFile(version: PublishedVersion, format: ExportFormat, baseUrl: string) {
  const read = () => db.factSheetExport.findUnique({ where: { snapshotId_format: { snapshotId: version.id, format } }, select: { sha256: true, bytes: true } });
  let row = await read();
  if (!row) {
    await store(version, format, baseUrl);
    row = (await read())!;
  }
  return { ...describeExport(version.content, { format, sha256: row.sha256, size: row.bytes.length }), bytes: row.bytes };
}

/**
 * How a browser may keep a download. At a version's own address (`immutable`), for good: its bytes
 * never change. Through a public link (`revalidate`), only asking again on every use (If-None-Match
 * with the file's SHA-256, 304 while it stands): a link may follow the sheet's latest version,
 * whose files change with each publication, and may be revoked. (Until 5 Dec both were kept for a
 * year: a reader who had downloaded a latest-version link's PDF was given that one again by the
 * browser after a correction was published.) A public link's files are public: a shared cache may
 * keep them too, asking again on every use, and a revoked link answers it 404.
 */
export type DownloadCaching = "immutable" | "revalidate";
const CACHE_CONTROL: Record<DownloadCaching, string> = { immutable: "private, max-age=31536000, immutable", revalidate: "no-cache" };

/** A download's validators: its SHA-256 as its entity tag, and how it may be kept. */
export const downloadValidators = (sha256: string, caching: DownloadCaching) => ({ ETag: `"${sha256}"`, "Cache-Control": CACHE_CONTROL[caching] });

/** The download response: the stored bytes, their type, the `<slug>-v<n>.<ext>` name and their hash. */
export function exportResponse(file: Awaited<ReturnType<typeof versionExportFile>>, caching: DownloadCaching) {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.fileName),
      "Content-Length": String(file.bytes.length),
      "X-Content-SHA256": file.sha256,
      ...downloadValidators(file.sha256, caching),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
