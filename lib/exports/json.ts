// The JSON export of a published version: its documented shape (docs/exports.md), also what the
// read-only API answers for a version. Made only from the snapshot; leaves out what is internal
// (the claims left out of the version).
import { z } from "zod";
import { snapshotClaimSchema, type SnapshotContent } from "../factsheets/snapshot";

export const JSON_EXPORT_FORMAT = "factdesk.fact-sheet-version/1";

export const versionExportSchema = z
  .object({
    format: z.literal(JSON_EXPORT_FORMAT),
    sheet: z.object({ id: z.string(), slug: z.string(), title: z.string(), summary: z.string().nullable().describe("Markdown") }),
    version: z.object({
      number: z.number().int().positive(),
      publishedAt: z.string().describe("ISO 8601 instant"),
      publishedBy: z.string(),
      changeNote: z.string().nullable().describe("Why this version replaced the one before; null for version 1"),
    }),
    newsroom: z.object({ name: z.string(), url: z.string().nullable() }),
    claims: z.array(snapshotClaimSchema),
  })
  .meta({ id: "FactSheetVersionExport" });

export type VersionExport = z.infer<typeof versionExportSchema>;

export function toVersionExport(content: SnapshotContent): VersionExport {
  return {
    format: JSON_EXPORT_FORMAT,
    sheet: { id: content.sheetId, slug: content.slug, title: content.title, summary: content.summary },
    version: { number: content.number, publishedAt: content.publishedAt, publishedBy: content.publishedBy, changeNote: content.changeNote },
    newsroom: content.newsroom,
    claims: content.claims,
  };
}

/** Two-space indented, trailing newline: the same text for the same snapshot. */
export const toJson = (content: SnapshotContent) => `${JSON.stringify(toVersionExport(content), null, 2)}\n`;
