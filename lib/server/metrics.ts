import "server-only";
import { decodeNameCursor, encodeNameCursor, keysetPage } from "@/lib/pagination";
import type { MergeMetricsValues, MetricValues, UpdateMetricValues } from "@/lib/schemas/metric";
import { byMoment } from "@/lib/timeline";
import { Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { reviseClaims } from "./claim-revision";
import { detectConflicts } from "./conflicts/detect-on-save";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction } from "./mutations";
import { db } from "./db";
import { claimWithSourcesSelect } from "./claim-sources";
import { isUniqueViolation, nameAfter } from "./named-rows";

type Tx = Prisma.TransactionClient;

/** At most this many figures on a metric's page, oldest first; the claims list has the rest. */
export const METRIC_CLAIMS_CAP = 500;

/** One keyset page of metrics in name order, with how many claims each has (counted for this page only). */
export async function listMetrics(user: SessionUser, options: { q?: string; limit: number; cursor?: string; includeMerged?: boolean }) {
  authorize(user, "claims:read");
  const after = decodeNameCursor(options.cursor);
  const rows = await db.metric.findMany({
    where: {
      AND: [
        options.includeMerged ? {} : { mergedIntoId: null },
        options.q ? { name: { contains: options.q, mode: "insensitive" } } : {},
        after ? nameAfter(after) : {},
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: options.limit + 1,
    select: { id: true, name: true, unit: true, description: true, mergedInto: { select: { id: true, name: true } } },
  });
  const { page, nextCursor } = keysetPage(rows, options.limit, encodeNameCursor);
  const counts = page.length
    ? await db.claim.groupBy({ by: ["metricId"], where: { metricId: { in: page.map((m) => m.id) } }, _count: { _all: true } })
    : [];
  const byMetric = new Map(counts.map((c) => [c.metricId, c._count._all]));
  return {
    items: page.map((m) => ({ ...m, claimCount: byMetric.get(m.id) ?? 0 })),
    nextCursor,
  };
}

/** For the picker: live metrics whose name contains `q`, by name, at most 20. */
export async function searchMetrics(user: SessionUser, q: string, limit = 10, options: { exclude?: string } = {}) {
  authorize(user, "claims:read");
  return db.metric.findMany({
    where: {
      mergedIntoId: null,
      ...(q ? { name: { contains: q, mode: "insensitive" } } : {}),
      ...(options.exclude ? { id: { not: options.exclude } } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 20),
    select: { id: true, name: true, unit: true, version: true },
  });
}

export type MetricChoice = Awaited<ReturnType<typeof searchMetrics>>[number];

const metricScalars = { id: true, name: true, unit: true, description: true, figureKind: true, tolerancePercent: true, allowsSigned: true, version: true, createdAt: true } as const;
type MetricRow = Prisma.MetricGetPayload<{ select: typeof metricScalars }> & {
  createdBy: { name: string };
  mergedInto: { id: string; name: string } | null;
  mergedFrom: { id: string; name: string }[];
  claimCount: number;
};

/**
 * A metric's own fields, what it was merged into and from (the first 50 by name), and how many
 * claims it has, or null. One statement: Prisma's nested read sent four (metric, creator, merged into, merged from).
 */
export async function findMetric(user: SessionUser, id: string): Promise<MetricRow | null> {
  authorize(user, "claims:read");
  const [metric] = await db.$queryRaw<MetricRow[]>`
    SELECT m.id, m.name, m.unit, m.description, m.figure_kind::text AS "figureKind", m.tolerance_percent AS "tolerancePercent",
           m.allows_signed AS "allowsSigned", m.version, m.created_at AS "createdAt",
           json_build_object('name', u.name) AS "createdBy",
           CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'name', i.name) END AS "mergedInto",
           coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name) ORDER BY f.name)
                       FROM (SELECT id, name FROM metrics WHERE merged_into_id = m.id ORDER BY name LIMIT 50) f), '[]') AS "mergedFrom",
           (SELECT count(*)::int FROM claims c WHERE c.metric_id = m.id) AS "claimCount"
      FROM metrics m
      JOIN users u ON u.id = m.created_by_id
      LEFT JOIN metrics i ON i.id = m.merged_into_id
     WHERE m.id = ${id}::uuid`;
  return metric ?? null;
}

/**
 * A citation `q`'s source as JSON, read by primary key: a join let PostgreSQL hash all 20,000
 * sources for 150 citations.
 */
const citedSource = Prisma.sql`(SELECT json_build_object('id', s.id, 'title', s.title, 'outlet', s.outlet) FROM sources s WHERE s.id = q.source_id)`;

/** The columns of a figure the chart and the table of figures show (claimWithSourcesSelect's, without citations). */
const { citations: _, ...figureScalars } = claimWithSourcesSelect;

/** A figure as the chart draws it: its columns, and each citation's source, origin first (no attribution chains). */
export type MetricFigure = Prisma.ClaimGetPayload<{ select: typeof figureScalars }> & {
  citations: { id: string; source: { id: string; title: string; outlet: string | null } }[];
};

/**
 * A metric with every figure recorded for it (up to the cap), oldest first, as the chart draws them
 * (each citation's source, no attribution chains: `figureCitations` reads those for one page of the table), or null.
 * The figures are one statement, their sources gathered per figure in SQL: Prisma's nested read (claims,
 * then citations, then sources: 500, 1,500 and 1,500 rows on the busiest metric) cost the page about 26 ms of CPU.
 */
export async function getMetric(user: SessionUser, id: string) {
  const metric = await findMetric(user, id);
  if (!metric) return null;
  const claims = await db.$queryRaw<MetricFigure[]>`
    SELECT c.id, c.statement, c.kind::text AS kind, c.status::text AS status, c.rank::text AS rank,
           c.value_low AS "valueLow", c.value_high AS "valueHigh", c.value_best AS "valueBest", c.unit,
           c.rate_period::text AS "ratePeriod", c.as_of AS "asOf", c.as_of_precision::text AS "asOfPrecision",
           c.period_start AS "periodStart", c.period_end AS "periodEnd",
           c.event_date AS "eventDate", c.event_date_precision::text AS "eventDatePrecision", c.period_text AS "periodText",
           coalesce((SELECT json_agg(json_build_object('id', q.id, 'source', ${citedSource}) ORDER BY q.created_at, q.id)
                       FROM citations q WHERE q.claim_id = c.id), '[]') AS citations
    FROM claims c
    WHERE c.metric_id = ${id}::uuid
    -- The (metric_id, as_of) index serves this; undated figures come last.
    ORDER BY c.as_of ASC NULLS LAST, c.id ASC
    LIMIT ${METRIC_CLAIMS_CAP}`;
  return { ...metric, claims: byMoment(claims) };
}

/** How many figures one page of a metric's table shows. */
export const METRIC_TABLE_PAGE = 50;

type FigureCitation = Prisma.CitationGetPayload<{ select: typeof claimWithSourcesSelect.citations.select }>;

/**
 * The citations of some claims (a page of the table of figures) with their sources and attribution
 * chains, origin first, by claim id. One statement, each claim's citations gathered in SQL: Prisma's
 * nested read (claims, citations, sources, links, actors) cost about 10 ms of CPU for 50 figures.
 */
export async function figureCitations(user: SessionUser, claimIds: string[]) {
  authorize(user, "claims:read");
  if (!claimIds.length) return new Map<string, FigureCitation[]>();
  const rows = await db.$queryRaw<{ claimId: string; citations: FigureCitation[] }[]>`
    SELECT q.claim_id::text AS "claimId",
           json_agg(json_build_object(
             'id', q.id, 'stance', q.stance,
             'source', ${citedSource},
             'chain', coalesce((SELECT json_agg(json_build_object('id', l.id, 'position', l.position, 'relation', l.relation,
                                                                 'actor', json_build_object('name', a.name, 'description', a.description)) ORDER BY l.position)
                                  FROM attribution_links l JOIN actors a ON a.id = l.actor_id WHERE l.citation_id = q.id), '[]')
           ) ORDER BY q.created_at, q.id) AS citations
      FROM citations q
     WHERE q.claim_id = ANY(${claimIds}::uuid[])
     GROUP BY q.claim_id`;
  return new Map(rows.map((r) => [r.claimId, r.citations]));
}

export type MetricDetail = NonNullable<Awaited<ReturnType<typeof getMetric>>>;

const NAME_TAKEN = "A metric with that name exists.";
const nameTaken = () => refuse(NAME_TAKEN, { fieldErrors: { name: [NAME_TAKEN] } });

/** Names are unique however they are capitalised; a merged-away metric keeps its name. */
async function nameInUse(tx: Tx, name: string, exceptId?: string) {
  const found = await tx.metric.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return found !== null;
}

const snapshotSelect = {
  id: true, name: true, unit: true, description: true, figureKind: true, tolerancePercent: true, allowsSigned: true, mergedIntoId: true, version: true,
} as const;

/** The comparison rules a metric's form sets; left as they are when the form does not send them. */
const rules = (v: MetricValues) => ({
  ...(v.figureKind ? { figureKind: v.figureKind } : {}),
  ...(v.allowsSigned !== undefined ? { allowsSigned: v.allowsSigned } : {}),
  tolerancePercent: v.tolerancePercent ?? null,
});

export async function createMetric(user: SessionUser, values: MetricValues, tx?: Tx) {
  authorize(user, "metrics:write");
  return inTransaction(user, async (tx, audit) => {
    if (await nameInUse(tx, values.name)) return nameTaken();
    try {
      const metric = await tx.metric.create({
        data: { name: values.name, unit: values.unit, description: values.description ?? null, ...rules(values), createdById: user.id },
        select: snapshotSelect,
      });
      audit({ action: "metric.create", entityType: "Metric", entityId: metric.id, after: metric });
      return ok({ id: metric.id });
    } catch (e) {
      // Two editors creating the same name at once: the unique index decides.
      if (isUniqueViolation(e)) return nameTaken();
      throw e;
    }
  }, { tx });
}

export async function updateMetric(user: SessionUser, values: UpdateMetricValues, tx?: Tx) {
  authorize(user, "metrics:write");
  return inTransaction(user, async (tx, audit) => {
    const current = await tx.metric.findUnique({ where: { id: values.id }, select: { ...snapshotSelect, mergedInto: { select: { name: true } } } });
    if (!current) return refuse("This metric does not exist.");
    if (current.version !== values.version) return refuse(staleMessage("metric"), { stale: true });
    if (current.mergedInto) return refuse(`This metric was merged into “${current.mergedInto.name}”: edit that one instead.`);
    if (await nameInUse(tx, values.name, values.id)) return nameTaken();
    try {
      const updated = await tx.metric.updateMany({
        where: { id: values.id, version: values.version },
        data: { name: values.name, unit: values.unit, description: values.description ?? null, ...rules(values), version: { increment: 1 } },
      });
      if (updated.count === 0) return refuse(staleMessage("metric"), { stale: true });
    } catch (e) {
      if (isUniqueViolation(e)) return nameTaken();
      throw e;
    }
    const { mergedInto: _, ...before } = current;
    const after = await tx.metric.findUniqueOrThrow({ where: { id: values.id }, select: snapshotSelect });
    audit({ action: "metric.update", entityType: "Metric", entityId: values.id, before, after });
    // New rules for comparing its figures: they are compared again under them.
    if (before.figureKind !== after.figureKind || String(before.tolerancePercent) !== String(after.tolerancePercent)) {
      const claims = await tx.claim.findMany({ where: { metricId: values.id }, select: { id: true } });
      await detectConflicts(tx, claims.map((c) => c.id), user.id, audit);
    }
    return ok({ id: values.id, version: after.version });
  }, { tx });
}

/**
 * Folds the source metric into the target: every claim of the source moves in one statement (each
 * claim's version goes up, so an edit begun before the merge is refused as stale), the source is
 * marked merged into the target, and metrics merged earlier into the source now point at the
 * target, so "merged into" never leads to another merged metric.
 */
export async function mergeMetrics(user: SessionUser, values: MergeMetricsValues, tx?: Tx) {
  authorize(user, "metrics:write");
  if (values.sourceId === values.targetId) return refuse("A metric cannot be merged into itself.", { fieldErrors: { targetId: ["A metric cannot be merged into itself."] } });
  return inTransaction(user, async (tx, audit) => {
    const found = await tx.metric.findMany({ where: { id: { in: [values.sourceId, values.targetId] } }, select: { ...snapshotSelect, mergedInto: { select: { name: true } } } });
    const source = found.find((m) => m.id === values.sourceId);
    const target = found.find((m) => m.id === values.targetId);
    if (!source) return refuse("This metric does not exist.");
    if (!target) return refuse("The metric to merge into does not exist.", { fieldErrors: { targetId: ["Choose the metric to merge into."] } });
    if (source.mergedInto) return refuse(`This metric was already merged into “${source.mergedInto.name}”.`);
    if (target.mergedInto) {
      const message = `“${target.name}” was itself merged into “${target.mergedInto.name}”: merge into that one.`;
      return refuse(message, { fieldErrors: { targetId: [message] } });
    }
    if (source.version !== values.sourceVersion || target.version !== values.targetVersion) return refuse(staleMessage("metric"), { stale: true });

    // Lock both rows in id order, so two opposite merges at once wait for each other instead of deadlocking.
    const locks = [
      { id: source.id, version: source.version, data: { mergedIntoId: target.id } },
      { id: target.id, version: target.version, data: {} },
    ].sort((a, b) => a.id.localeCompare(b.id));
    for (const lock of locks) {
      const updated = await tx.metric.updateMany({ where: { id: lock.id, version: lock.version, mergedIntoId: null }, data: { ...lock.data, version: { increment: 1 } } });
      if (updated.count === 0) return refuse(staleMessage("metric"), { stale: true });
    }
    // Retracted claims are never moved: they stay, as they were, on the metric they were retracted on.
    const moving = await tx.claim.findMany({ where: { metricId: source.id, status: { not: "RETRACTED" } }, select: { id: true } });
    const moved = await reviseClaims(
      tx, user.id, moving.map((c) => c.id), { type: "metric.merge" }, "Its metric was merged into another: back to review.", audit, { metricId: target.id },
    );
    const repointed = await tx.metric.updateManyAndReturn({
      where: { mergedIntoId: source.id },
      data: { mergedIntoId: target.id, version: { increment: 1 } },
      select: { id: true, version: true },
    });

    const summary = { sourceId: source.id, targetId: target.id, claimsMoved: moved.length, reason: values.reason };
    const { mergedInto: _s, ...sourceBefore } = source;
    audit({ action: "metric.merge", entityType: "Metric", entityId: source.id, before: sourceBefore, after: { ...sourceBefore, mergedIntoId: target.id, version: source.version + 1, ...summary } });
    audit({ action: "metric.merge.into", entityType: "Metric", entityId: target.id, before: { version: target.version }, after: { version: target.version + 1, ...summary } });
    for (const m of repointed) {
      audit({ action: "metric.merge.repoint", entityType: "Metric", entityId: m.id, before: { mergedIntoId: source.id, version: m.version - 1 }, after: { mergedIntoId: target.id, version: m.version } });
    }
    // One entry per moved claim, so an editor whose edit is refused as stale sees why; written in
    // one statement, as a merge may move thousands.
    if (moved.length) {
      await tx.$executeRaw`
        INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after)
        SELECT ${user.id}::uuid, 'claim.metric.merge', 'Claim', m.id::text,
               jsonb_build_object('metricId', ${source.id}::text, 'version', m.version - 1),
               jsonb_build_object('metricId', ${target.id}::text, 'version', m.version)
        FROM unnest(${moved.map((c) => c.id)}::uuid[], ${moved.map((c) => c.version)}::int[]) AS m(id, version)`;
    }
    // The moved claims now share a metric with the target's: compare them there.
    await detectConflicts(tx, moved.map((c) => c.id), user.id, audit);
    return ok({ targetId: target.id, claimsMoved: moved.length });
  }, { tx, timeout: 60_000 });
}
