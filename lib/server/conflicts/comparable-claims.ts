import "server-only";
// The claims as the comparator reads them, loaded by conflict detection on save and by the re-scan.
import type { DetectableClaim } from "@/lib/conflicts/detect";
import type { Prisma } from "@/prisma/client";
import type { AuditEntry } from "../audit";

export type Tx = Prisma.TransactionClient;
export type Audit = (entry: AuditEntry) => void;

/** The columns the comparator reads; citations only for attributed statements. */
export const comparableSelect = {
  id: true, kind: true, status: true, version: true, metricId: true, eventId: true, valueLow: true, valueHigh: true, valueBest: true, unit: true,
  ratePeriod: true, asOf: true, asOfPrecision: true, periodStart: true, periodEnd: true, eventDate: true, eventDatePrecision: true,
  approximate: true, metric: { select: { figureKind: true, tolerancePercent: true, allowsSigned: true } },
} as const;

const citationSelect = {
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

/**
 * The claims `where` picks, as the comparator reads them, with their citations when they are
 * attributed statements (the only kind whose citations it reads): a figure's save reads no citations.
 */
export async function loadWithCitations(tx: Tx, where: Prisma.ClaimWhereInput): Promise<Loaded[]> {
  const claims = await tx.claim.findMany({ where, select: comparableSelect });
  const attributed = claims.filter((c) => c.kind === "ATTRIBUTED_STATEMENT").map((c) => c.id);
  const citations = attributed.length ? await tx.citation.findMany({ where: { claimId: { in: attributed } }, select: { claimId: true, ...citationSelect } }) : [];
  const byClaim = new Map<string, typeof citations>();
  for (const c of citations) {
    const list = byClaim.get(c.claimId);
    if (list) list.push(c);
    else byClaim.set(c.claimId, [c]);
  }
  return claims.map((c) => ({ ...asDetectable(c), citations: c.kind === "ATTRIBUTED_STATEMENT" ? (byClaim.get(c.id) ?? []) : undefined }));
}
