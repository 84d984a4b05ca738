import "server-only";
// The claims as the comparator reads them, loaded by conflict detection on save and by the re-scan.
import type { DetectableClaim } from "@/lib/conflicts/detect";
import { Prisma } from "@/prisma/client";
import type { AuditEntry } from "../audit";

export type Tx = Prisma.TransactionClient;
export type Audit = (entry: AuditEntry) => void;

/** The columns the comparator reads; citations only for attributed statements. */
export const comparableSelect = {
  id: true, kind: true, status: true, version: true, metricId: true, eventId: true, valueLow: true, valueHigh: true, valueBest: true, unit: true,
  ratePeriod: true, asOf: true, asOfPrecision: true, periodStart: true, periodEnd: true, eventDate: true, eventDatePrecision: true,
  approximate: true, metric: { select: { figureKind: true, tolerancePercent: true, allowsSigned: true } },
} as const;

export const citationSelect = {
  id: true, saidOn: true, saidPrecision: true, saidText: true,
  source: { select: { title: true, outlet: true, publishedAt: true, publishedPrecision: true } },
} as const;

export type Loaded = DetectableClaim & { version: number };

export const asDetectable = (c: Prisma.ClaimGetPayload<{ select: typeof comparableSelect }> & { citations?: DetectableClaim["citations"] }): Loaded => ({
  ...c,
  valueLow: c.valueLow?.toString() ?? null,
  valueHigh: c.valueHigh?.toString() ?? null,
  valueBest: c.valueBest?.toString() ?? null,
  metric: c.metric ? { ...c.metric, tolerancePercent: c.metric.tolerancePercent?.toString() ?? null } : null,
});

type Comparable = Prisma.ClaimGetPayload<{ select: typeof comparableSelect }>;
type ComparableMetric = NonNullable<Comparable["metric"]>;
type CitationJson = { id: string; saidOn: string | null; saidPrecision: DatedCitationRow["saidPrecision"]; saidText: string | null; source: { title: string; outlet: string | null; publishedAt: string | null; publishedPrecision: DatedCitationRow["source"]["publishedPrecision"] } };
type DatedCitationRow = Prisma.CitationGetPayload<{ select: typeof citationSelect }>;
type ComparableRow = Omit<Comparable, "metric"> & {
  figureKind: ComparableMetric["figureKind"] | null;
  tolerancePercent: ComparableMetric["tolerancePercent"];
  allowsSigned: boolean | null;
  citations: CitationJson[] | null;
};

const dayOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The claims `where` picks (a condition on `claims c`), as the comparator reads them, in one
 * statement: each claim's columns, its metric's settings, and for attributed statements (the only
 * kind whose citations it reads) the citations with their sources. Prisma's nested read sent two
 * to four (claims, metrics, citations, sources), on every save; `comparableSelect` and
 * `citationSelect` stay the shape, and tests/integration/comparable-claims.test.ts holds this read
 * equal to Prisma's reading of them.
 */
export async function readComparable(tx: Tx, where: Prisma.Sql): Promise<Loaded[]> {
  const rows = await tx.$queryRaw<ComparableRow[]>`
    SELECT c.id, c.kind::text AS kind, c.status::text AS status, c.version, c.metric_id AS "metricId", c.event_id AS "eventId",
           c.value_low AS "valueLow", c.value_high AS "valueHigh", c.value_best AS "valueBest", c.unit, c.rate_period::text AS "ratePeriod",
           c.as_of AS "asOf", c.as_of_precision::text AS "asOfPrecision", c.period_start AS "periodStart", c.period_end AS "periodEnd",
           c.event_date AS "eventDate", c.event_date_precision::text AS "eventDatePrecision", c.approximate,
           m.figure_kind::text AS "figureKind", m.tolerance_percent AS "tolerancePercent", m.allows_signed AS "allowsSigned",
           CASE WHEN c.kind = 'ATTRIBUTED_STATEMENT' THEN coalesce((
             SELECT json_agg(json_build_object(
                      'id', q.id, 'saidOn', q.said_on, 'saidPrecision', q.said_precision, 'saidText', q.said_text,
                      'source', (SELECT json_build_object('title', s.title, 'outlet', s.outlet, 'publishedAt', s.published_at, 'publishedPrecision', s.published_precision)
                                   FROM sources s WHERE s.id = q.source_id)) ORDER BY q.created_at, q.id)
               FROM citations q WHERE q.claim_id = c.id), '[]') END AS citations
      FROM claims c LEFT JOIN metrics m ON m.id = c.metric_id
     WHERE ${where}
     ORDER BY c.id`;
  return rows.map(({ figureKind, tolerancePercent, allowsSigned, citations, ...c }) => ({
    // A claim's metric always exists (a foreign key): its columns are null only when the claim has none.
    ...asDetectable({ ...c, metric: c.metricId === null ? null : { figureKind: figureKind!, tolerancePercent, allowsSigned: allowsSigned! } }),
    citations: citations?.map((q) => ({ ...q, saidOn: dayOrNull(q.saidOn), source: { ...q.source, publishedAt: dayOrNull(q.source.publishedAt) } })),
  }));
}

/** Some claims by id, as the comparator reads them. */
export const loadComparable = (tx: Tx, ids: readonly string[]) => readComparable(tx, Prisma.sql`c.id = ANY(${[...ids]}::uuid[])`);
