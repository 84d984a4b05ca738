// The read-only API for machine clients (/api/v1): its queries and answers as zod schemas. The
// routes parse their answers with these, and /api/v1/openapi.json is generated from them, so the
// document cannot drift from what the API returns.
import "@/lib/zod-config";
import { z } from "zod";
import { versionExportSchema } from "../exports/json";
import { CLAIM_KINDS } from "./claim";
import { claimFiltersSchema } from "./claim-filters";
import { pageQuerySchema } from "../pagination";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 hex");
const instant = z.string().describe("ISO 8601 instant");

export const apiErrorSchema = z.object({ error: z.string(), message: z.string().optional(), fieldErrors: z.record(z.string(), z.array(z.string()).optional()).optional() });

export const versionSummarySchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  publishedAt: instant,
  contentHash: sha256.describe("SHA-256 of this version's canonical content and the previous version's hash"),
  previousHash: sha256.nullable().describe("The hash of the version before; null for version 1"),
  changeNote: z.string().nullable(),
});

export const sheetSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  latestVersion: versionSummarySchema.pick({ number: true, publishedAt: true, contentHash: true }),
});

export const sheetListSchema = z.object({ items: z.array(sheetSummarySchema), nextCursor: z.string().nullable() });

export const sheetDetailSchema = sheetSummarySchema.omit({ latestVersion: true }).extend({ versions: z.array(versionSummarySchema).describe("Newest first") });

export const versionDetailSchema = versionExportSchema.extend({ contentHash: sha256, previousHash: sha256.nullable() });

const isoDateOrNull = z.string().nullable().describe("ISO 8601");
export const claimItemSchema = z.object({
  id: z.uuid(),
  statement: z.string(),
  kind: z.enum(CLAIM_KINDS),
  status: z.string(),
  sourceCount: z.number().int(),
  metric: z.object({ id: z.string(), name: z.string() }).nullable(),
  hasOpenConflict: z.boolean(),
  value: z.object({
    low: z.string().nullable(),
    high: z.string().nullable(),
    best: z.string().nullable(),
    unit: z.string().nullable(),
    ratePeriod: z.string().nullable(),
    asOf: isoDateOrNull,
    asOfPrecision: z.string().nullable(),
    periodStart: isoDateOrNull,
    periodEnd: isoDateOrNull,
    eventDate: isoDateOrNull,
    eventDatePrecision: z.string().nullable(),
  }),
  createdAt: instant,
  updatedAt: instant,
});
export const claimListSchema = z.object({ items: z.array(claimItemSchema), nextCursor: z.string().nullable() });

/** `?limit=&cursor=` of the published sheets (cursor: the last sheet's id). */
export const sheetListQuerySchema = z.object({
  limit: pageQuerySchema.shape.limit,
  cursor: z.uuid("cursor is not valid: use nextCursor from a previous page.").optional(),
});

/** The verified claims: the /claims filters less status and assignee (always verified; assignment is internal). */
export const verifiedClaimsQuerySchema = claimFiltersSchema.omit({ status: true, assignee: true });
