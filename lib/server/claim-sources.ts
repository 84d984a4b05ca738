import "server-only";
import type { Prisma } from "@/prisma/client";

/** The columns a claim's value is read from (claimValueText): figures, unit, rate and dates. */
export const claimValueSelect = {
  valueLow: true,
  valueHigh: true,
  valueBest: true,
  unit: true,
  ratePeriod: true,
  asOf: true,
  asOfPrecision: true,
  periodStart: true,
  periodEnd: true,
  eventDate: true,
  eventDatePrecision: true,
} as const;

/** A claim as the metric and event pages list it: its value, status and rank, and each citation's source and chain, origin first. */
export const claimWithSourcesSelect = {
  id: true,
  statement: true,
  kind: true,
  status: true,
  rank: true,
  ...claimValueSelect,
  periodText: true,
  citations: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      stance: true,
      source: { select: { id: true, title: true, outlet: true } },
      chain: { orderBy: { position: "asc" }, select: { id: true, position: true, relation: true, actor: { select: { name: true, description: true } } } },
    },
  },
} as const satisfies Prisma.ClaimSelect;
