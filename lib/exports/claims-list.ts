// The claims list as data: one JSON item shape for GET /api/claims and the list's downloads, and
// the CSV columns of a downloaded view. A view is the same filters as /claims.
import type { ClaimFilters } from "../schemas/claim-filters";
import { claimsHref } from "../schemas/claim-filters";
import { claimValueText, type ClaimValueFields, type DateLike, type Num } from "../values";
import type { CsvColumn } from "./csv";

export interface ClaimListRow extends ClaimValueFields {
  id: string;
  statement: string;
  status: string;
  valueLow: Num;
  valueHigh: Num;
  valueBest: Num;
  asOf: DateLike;
  periodStart: DateLike;
  periodEnd: DateLike;
  eventDate: DateLike;
  sourceCount: number;
  hasOpenConflict: boolean;
  metric: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

const str = (n: Num) => (n === null || n === undefined ? null : n.toString());
const day = (d: DateLike) => (d ? new Date(d).toISOString().slice(0, 10) : null);
const instant = (d: DateLike) => (d ? new Date(d).toISOString() : null);

/** One claim of the list as the API and the JSON download give it. */
export function claimListItemJson(c: ClaimListRow) {
  return {
    id: c.id,
    statement: c.statement,
    kind: c.kind,
    status: c.status,
    sourceCount: c.sourceCount,
    metric: c.metric,
    assignee: c.assignee,
    hasOpenConflict: c.hasOpenConflict,
    value: {
      low: str(c.valueLow),
      high: str(c.valueHigh),
      best: str(c.valueBest),
      unit: c.unit ?? null,
      ratePeriod: c.ratePeriod ?? null,
      asOf: instant(c.asOf),
      asOfPrecision: c.asOfPrecision ?? null,
      periodStart: instant(c.periodStart),
      periodEnd: instant(c.periodEnd),
      eventDate: instant(c.eventDate),
      eventDatePrecision: c.eventDatePrecision ?? null,
    },
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const CLAIM_LIST_CSV_COLUMNS: CsvColumn<ClaimListRow>[] = [
  { header: "id", cell: (c) => c.id },
  { header: "statement", cell: (c) => c.statement },
  { header: "kind", cell: (c) => c.kind },
  { header: "status", cell: (c) => c.status },
  { header: "value", cell: (c) => claimValueText(c) },
  { header: "low", cell: (c) => str(c.valueLow) },
  { header: "high", cell: (c) => str(c.valueHigh) },
  { header: "best", cell: (c) => str(c.valueBest) },
  { header: "unit", cell: (c) => c.unit ?? null },
  { header: "rate_period", cell: (c) => c.ratePeriod ?? null },
  { header: "as_of", cell: (c) => day(c.asOf) },
  { header: "period_start", cell: (c) => day(c.periodStart) },
  { header: "period_end", cell: (c) => day(c.periodEnd) },
  { header: "event_date", cell: (c) => day(c.eventDate) },
  { header: "metric", cell: (c) => c.metric?.name ?? null },
  { header: "assignee", cell: (c) => c.assignee?.name ?? null },
  { header: "sources", cell: (c) => String(c.sourceCount) },
  { header: "open_conflict", cell: (c) => String(c.hasOpenConflict) },
  { header: "created_at", cell: (c) => c.createdAt.toISOString() },
  { header: "updated_at", cell: (c) => c.updatedAt.toISOString() },
];

export const CLAIM_LIST_FORMATS = ["csv", "json"] as const;
export type ClaimListFormat = (typeof CLAIM_LIST_FORMATS)[number];

/** `/api/claims/export?format=csv&status=VERIFIED…`: the download of the view `filters` shows. */
export function claimsExportHref(filters: Partial<ClaimFilters>, format: ClaimListFormat): string {
  const query = claimsHref(filters).split("?")[1];
  return `/api/claims/export?format=${format}${query ? `&${query}` : ""}`;
}
