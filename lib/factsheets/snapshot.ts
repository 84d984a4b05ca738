// The content of one published fact-sheet version, frozen at publication. Everything a public
// page, an export or the API shows of a version is read from here, never from live rows again,
// so a version looks and downloads the same forever. Stored in `fact_sheet_snapshots.content`.
//
// Canonical form (for the hash chain): `canonicalJson` sorts object keys and writes no spaces;
// `contentHash` is the SHA-256 hex of the canonical JSON of the content together with the
// previous version's hash, so changing any version (or its order) breaks every hash after it.
import { createHash } from "node:crypto";
import { z } from "zod";
import { CLAIM_STATUSES } from "@/lib/status";
import { DATE_PRECISIONS, RATE_PERIODS } from "@/lib/values";

export const SNAPSHOT_FORMAT = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/); // a date-only value, "2022-02-24"
const isoTime = z.string(); // an instant, ISO 8601 with Z
const precision = z.enum(DATE_PRECISIONS);

export const snapshotLinkSchema = z.object({
  /** The actor's name as it stood at publication; position 0 is the origin. */
  actor: z.string(),
  kind: z.string(),
  relation: z.string().nullable(),
});

export const snapshotCitationSchema = z.object({
  id: z.string(),
  quote: z.string(),
  stance: z.enum(["SUPPORTS", "CONTRADICTS", "MENTIONS"]),
  isPrimary: z.boolean(),
  saidOn: isoDate.nullable(),
  saidPrecision: precision.nullable(),
  saidText: z.string().nullable(),
  source: z.object({
    id: z.string(),
    title: z.string(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    kind: z.string(),
    publishedAt: isoDate.nullable(),
    publishedPrecision: precision.nullable(),
    language: z.string().nullable(),
  }),
  /** The attribution chain, origin first. */
  chain: z.array(snapshotLinkSchema),
});

export const snapshotClaimSchema = z.object({
  id: z.string(),
  /** 1-based position on the sheet; the public page's anchor is `claim-<position>`. */
  position: z.number().int().positive(),
  section: z.string().nullable(),
  statement: z.string(),
  kind: z.enum(["QUANTITY", "DATE", "EVENT", "ATTRIBUTED_STATEMENT"]),
  status: z.enum(CLAIM_STATUSES),
  /** The value as an editor reads it ("15,000–25,000 soldiers killed, since 24 Feb 2022"); null when the kind has none. */
  valueText: z.string().nullable(),
  value: z
    .object({
      low: z.string().nullable(),
      high: z.string().nullable(),
      best: z.string().nullable(),
      unit: z.string().nullable(),
      ratePeriod: z.enum(RATE_PERIODS).nullable(),
      asOf: isoDate.nullable(),
      asOfPrecision: precision.nullable(),
      periodStart: isoDate.nullable(),
      periodEnd: isoDate.nullable(),
      periodText: z.string().nullable(),
    })
    .nullable(),
  eventDate: isoDate.nullable(),
  eventDatePrecision: precision.nullable(),
  metric: z.string().nullable(),
  event: z.string().nullable(),
  speaker: z.string().nullable(),
  verification: z.object({
    rule: z.enum(["INDEPENDENT_ORIGINS", "PRIMARY_SOURCE"]).nullable(),
    note: z.string().nullable(),
    verifiedBy: z.string().nullable(),
    verifiedAt: isoTime.nullable(),
    approvedBy: z.array(z.object({ name: z.string(), at: isoTime })),
  }),
  citations: z.array(snapshotCitationSchema),
});

export const snapshotContentSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  sheetId: z.string(),
  slug: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  /** Markdown, rendered sanitised. */
  summary: z.string().nullable(),
  publishedAt: isoTime,
  publishedBy: z.string(),
  /** Required from version 2 on: the public corrections record. */
  changeNote: z.string().nullable(),
  /** The newsroom named as the ClaimReview author at publication. */
  newsroom: z.object({ name: z.string(), url: z.string().nullable() }),
  claims: z.array(snapshotClaimSchema),
  /** Claims on the sheet that were left out of this version, and why. */
  omitted: z.array(z.object({ id: z.string(), statement: z.string(), reasons: z.array(z.string()) })),
});

export type SnapshotLink = z.infer<typeof snapshotLinkSchema>;
export type SnapshotCitation = z.infer<typeof snapshotCitationSchema>;
export type SnapshotClaim = z.infer<typeof snapshotClaimSchema>;
export type SnapshotContent = z.infer<typeof snapshotContentSchema>;

/** JSON with object keys sorted at every depth and no whitespace: one text for one content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The hash chain link of one version: its canonical content and the hash of the version before it ("" for version 1). */
export function contentHash(content: SnapshotContent, previousHash: string | null): string {
  return sha256Hex(`${previousHash ?? ""}\n${canonicalJson(content)}`);
}
