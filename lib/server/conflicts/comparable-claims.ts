import "server-only";
// The claims as the comparator reads them, loaded by conflict detection on save and by the re-scan.
import type { DetectableClaim } from "@/lib/conflicts/detect";
import { jsonDateOrNull, type AsJson } from "@/lib/json-rows";
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

type Comparable = Prisma.ClaimGetPayload<{ select: typeof comparableSelect }>;
type ComparableMetric = NonNullable<Comparable["metric"]>;
type DatedCitationRow = Prisma.CitationGetPayload<{ select: typeof citationSelect }>;

/** Figures travel as text, scale trimmed ("40000", not "40000.000000"): what the comparator reads, without a Decimal a value. */
type ComparableRow = Omit<Comparable, "metric" | "valueLow" | "valueHigh" | "valueBest"> & {
  valueLow: string | null;
  valueHigh: string | null;
  valueBest: string | null;
  figureKind: ComparableMetric["figureKind"] | null;
  tolerancePercent: string | null;
  allowsSigned: boolean | null;
  citations: AsJson<DatedCitationRow>[] | null;
};

/**
 * The claims `where` picks (a condition on `claims c`), as the comparator reads them, in one
 * statement: each claim's columns, its metric's settings, and for attributed statements (the only
 * kind whose citations it reads) the citations with their sources. Prisma's nested read sent two
 * to four (claims, metrics, citations, sources), on every save; `comparableSelect` and
 * `citationSelect` stay the shape, and tests/integration/comparable-claims.test.ts holds this read
 * equal to Prisma's reading of them.
 */
export async function readComparable(tx: Tx, name: `comparable_${string}`, where: Prisma.Sql): Promise<Loaded[]> {
  // Prepared under `name` (prisma/client.ts), one name for each shape of `where`: planning this
  // statement cost PostgreSQL more than running it. Every shape reads by an index on ids, metric or event.
  const rows = await tx.$queryRaw<ComparableRow[]>`${Prisma.raw(`/* prepared: ${name} */`)}
    SELECT c.id, c.kind::text AS kind, c.status::text AS status, c.version, c.metric_id AS "metricId", c.event_id AS "eventId",
           trim_scale(c.value_low)::text AS "valueLow", trim_scale(c.value_high)::text AS "valueHigh", trim_scale(c.value_best)::text AS "valueBest",
           c.unit, c.rate_period::text AS "ratePeriod",
           c.as_of AS "asOf", c.as_of_precision::text AS "asOfPrecision", c.period_start AS "periodStart", c.period_end AS "periodEnd",
           c.event_date AS "eventDate", c.event_date_precision::text AS "eventDatePrecision", c.approximate,
           m.figure_kind::text AS "figureKind", trim_scale(m.tolerance_percent)::text AS "tolerancePercent", m.allows_signed AS "allowsSigned",
           CASE WHEN c.kind = 'ATTRIBUTED_STATEMENT' THEN coalesce((
             SELECT json_agg(json_build_object(
                      'id', q.id, 'saidOn', q.said_on, 'saidPrecision', q.said_precision, 'saidText', q.said_text,
                      'source', (SELECT json_build_object('title', s.title, 'outlet', s.outlet, 'publishedAt', s.published_at, 'publishedPrecision', s.published_precision)
                                   FROM sources s WHERE s.id = q.source_id)) ORDER BY q.created_at, q.id)
               FROM citations q WHERE q.claim_id = c.id), '[]') END AS citations
      FROM claims c
      -- Each claim's metric by its key. Joined plainly, PostgreSQL hashed all 2,000 metrics for the
      -- ~50 claims a save reads (0.83-1.14 against 0.53-0.55 ms of its CPU a read); OFFSET 0
      -- keeps the subquery from being folded back into that join. A re-scan's batch of 200
      -- metrics (10,000 claims) costs the same either way.
      LEFT JOIN LATERAL (SELECT figure_kind, tolerance_percent, allows_signed FROM metrics WHERE id = c.metric_id OFFSET 0) m ON true
     WHERE ${where}
     ORDER BY c.id`;
  // One object a claim, built once: a save reads every figure of its metric (555 on the benchmark's busiest).
  return rows.map((r) => ({
    id: r.id, kind: r.kind, status: r.status, version: r.version, metricId: r.metricId, eventId: r.eventId,
    valueLow: r.valueLow, valueHigh: r.valueHigh, valueBest: r.valueBest, unit: r.unit, ratePeriod: r.ratePeriod,
    asOf: r.asOf, asOfPrecision: r.asOfPrecision, periodStart: r.periodStart, periodEnd: r.periodEnd,
    eventDate: r.eventDate, eventDatePrecision: r.eventDatePrecision, approximate: r.approximate,
    // A claim's metric always exists (a foreign key): its columns are null only when the claim has none.
    metric: r.metricId === null ? null : { figureKind: r.figureKind!, tolerancePercent: r.tolerancePercent, allowsSigned: r.allowsSigned! },
    citations: r.citations?.map((q) => ({ ...q, saidOn: jsonDateOrNull(q.saidOn), source: { ...q.source, publishedAt: jsonDateOrNull(q.source.publishedAt) } })),
  }));
}

/** Some claims by id, as the comparator reads them. */
export const loadComparable = (tx: Tx, ids: readonly string[]) => readComparable(tx, "comparable_by_id", Prisma.sql`c.id = ANY(${[...ids]}::uuid[])`);
