// Which conflicts a set of claims holds: the pairs on one metric or event, and each attributed
// statement's own dates. Claims found false or retracted no longer conflict with anything.
import { compareEventDates, compareRateTotal, fingerprint, sameMeasure, type ComparableClaim, type Finding } from "./compare";
import { valueConflicts } from "./groups";
import { orderedConflicts } from "./kinds";
import { fnv1a } from "./hash";
import { statementDateFinding, type DatedCitation } from "./statement-dates";

export { fingerprint } from "./compare";
export type { ComparableClaim, Finding } from "./compare";

/** A claim found false or retracted no longer holds, so it conflicts with nothing. */
export const INACTIVE_STATUSES = ["FALSE", "RETRACTED"] as const;

export interface DetectableClaim extends ComparableClaim {
  status: string;
  citations?: readonly DatedCitation[];
}

export const isActive = (c: { status: string }) => !(INACTIVE_STATUSES as readonly string[]).includes(c.status);

/**
 * Conflicts that involve at least one of `focus`, found among `focus` and `others` (the claims of
 * the same metrics and events). Value conflicts come in groups (lib/conflicts/groups.ts); a rate
 * and a total, or two dates, come in pairs.
 */
export function findConflicts(focus: readonly DetectableClaim[], others: readonly DetectableClaim[]): Finding[] {
  const findings = new Map<string, Finding>();
  const add = (f: Finding | null) => {
    if (f) findings.set(fingerprint(f.kind, f.claimIds), f);
  };
  const all = new Map<string, DetectableClaim>();
  for (const c of [...others, ...focus]) all.set(c.id, c);
  const active = [...all.values()].filter(isActive);
  const focusIds = new Set(focus.filter(isActive).map((c) => c.id));
  const byMetric = groupBy(active.filter((c) => c.kind === "QUANTITY" && c.metricId), (c) => c.metricId!);
  const byEvent = groupBy(active.filter((c) => c.kind === "DATE" && c.eventId), (c) => c.eventId!);

  // Every value group of a touched metric: when a figure leaves a group (edited to agree, found
  // false), the figures it leaves behind may still disagree among themselves.
  const metrics = new Set(focus.filter((c) => c.kind === "QUANTITY" && c.metricId).map((c) => c.metricId!));
  for (const metricId of metrics) {
    const claims = byMetric.get(metricId) ?? [];
    for (const f of valueConflicts(claims)) add(f);
    for (const f of orderedConflicts(claims, focusIds)) add(f);
    const rates = claims.filter((c) => c.ratePeriod);
    const totals = claims.filter((c) => !c.ratePeriod);
    for (const claim of claims) {
      if (!focusIds.has(claim.id)) continue;
      for (const other of claim.ratePeriod ? totals : rates) {
        if (!sameMeasure(claim, other)) continue;
        add(claim.ratePeriod ? compareRateTotal(claim, other) : compareRateTotal(other, claim));
      }
    }
  }
  for (const claim of focus) {
    if (!focusIds.has(claim.id)) continue;
    if (claim.kind === "DATE" && claim.eventId) for (const other of byEvent.get(claim.eventId) ?? []) if (other.id !== claim.id) add(compareEventDates(claim, other));
    if (claim.kind === "ATTRIBUTED_STATEMENT" && claim.citations) add(statementDateFinding(claim.id, claim.citations));
  }
  return [...findings.values()];
}

/** Every conflict within a group of claims (one metric, one event): the full re-scan. */
export function findAllConflicts(claims: readonly DetectableClaim[]): Finding[] {
  return findConflicts(claims, []);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * What a claim says, as far as conflicts go, in a short stable string: a decided conflict is
 * raised again only when this changes (a status change or an assignment does not change it).
 */
export function claimSignature(c: DetectableClaim): string {
  const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d ? String(d).slice(0, 10) : "");
  const num = (n: unknown) => (n === null || n === undefined ? "" : String(n).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""));
  const parts = [
    c.kind, isActive(c) ? "active" : "inactive", c.metricId ?? "", c.eventId ?? "", num(c.valueLow), num(c.valueHigh), num(c.valueBest), c.unit ?? "",
    c.ratePeriod ?? "", c.approximate ? "approx" : "", day(c.asOf), c.asOfPrecision ?? "", day(c.periodStart), day(c.periodEnd), day(c.eventDate), c.eventDatePrecision ?? "",
    // Only citations that date the statement: adding an undated one changes no statement date.
    ...(c.citations ?? [])
      .filter((x) => x.saidOn || x.saidText)
      .map((x) => `${x.id}|${day(x.saidOn)}|${x.saidPrecision ?? ""}|${x.saidText ?? ""}|${day(x.source.publishedAt)}|${x.source.publishedPrecision ?? ""}`)
      .sort(),
  ];
  return fnv1a(parts.join("\u241f"));
}
