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
});

export async function loadWithCitations(tx: Tx, where: Prisma.ClaimWhereInput): Promise<Loaded[]> {
  const claims = await tx.claim.findMany({ where, select: { ...comparableSelect, citations: { select: citationSelect } } });
  return claims.map((c) => ({ ...asDetectable(c), citations: c.kind === "ATTRIBUTED_STATEMENT" ? c.citations : undefined }));
}
