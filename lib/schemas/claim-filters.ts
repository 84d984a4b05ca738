import "@/lib/zod-config";
// The claims list's view, as it lives in the URL: `/claims?status=IN_REVIEW&assignee=me&q=volunteers`.
// One schema reads the page's searchParams and the API's query string, so a link reproduces a view.
import { z } from "zod";
import { isUuid } from "../ids";
import { CLAIM_KINDS } from "./claim";
import { CLAIM_STATUSES } from "../status";
import { DEFAULT_PAGE_SIZE, pageQuerySchema } from "../pagination";
import { REVIEW_FILTERS } from "../review-state";

export const CLAIM_SORTS = ["newest", "oldest", "updated"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
export const SORT_LABELS: Record<ClaimSort, string> = { newest: "Newest first", oldest: "Oldest first", updated: "Recently changed" };

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const claimFiltersSchema = pageQuerySchema.extend({
  q: optional(z.string().trim().max(200, "Keep the search under 200 characters.")),
  status: optional(z.enum(CLAIM_STATUSES, { error: "Unknown status." })),
  kind: optional(z.enum(CLAIM_KINDS, { error: "Unknown kind." })),
  tag: optional(z.string().trim().toLowerCase().max(100, "Unknown tag.")),
  metric: optional(z.uuid("Unknown metric.")),
  source: optional(z.uuid("Unknown source.")),
  /** "me", "none" (unassigned) or a user id. */
  assignee: optional(z.string().refine((v) => v === "me" || v === "none" || isUuid(v), "Unknown assignee.")),
  conflict: optional(z.literal("open", { error: "conflict can only be “open”." })),
  /** Where claims in review stand: waiting (the reviewers' queue), approved, sent back. */
  review: optional(z.enum(Object.values(REVIEW_FILTERS) as [string, ...string[]], { error: "review can be “waiting”, “approved” or “sent-back”." })),
  sort: z.preprocess(blank, z.enum(CLAIM_SORTS, { error: "Unknown sort order." }).default("newest")),
});

export type ClaimFilters = z.output<typeof claimFiltersSchema>;

/** The filters a user set (not sort, page or size): used to say "no claim matches" and to clear them. */
export const FILTER_KEYS = ["q", "status", "kind", "tag", "metric", "source", "assignee", "conflict", "review"] as const;

/** For a page: bad values are dropped one by one rather than failing the whole view. */
export function readClaimFilters(params: Record<string, string | string[] | undefined>): ClaimFilters {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) flat[k] = Array.isArray(v) ? v[0] : v;
  const parsed = claimFiltersSchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return claimFiltersSchema.parse(Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k))));
}

/** The query string for `filters` with `changes` applied; the cursor is dropped unless given. */
export function claimsHref(filters: Partial<ClaimFilters>, changes: Partial<Record<keyof ClaimFilters, string | number | undefined>> = {}) {
  const merged: Record<string, unknown> = { ...filters, cursor: undefined, ...changes };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "sort" && v === "newest") continue;
    if (k === "limit" && v === DEFAULT_PAGE_SIZE) continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `/claims?${qs}` : "/claims";
}
