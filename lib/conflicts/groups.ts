// Value conflicts among many figures on one metric, without comparing every pair: figures whose
// times overlap form a group, and a figure is in conflict when some figure of its group, at an
// overlapping time, allows no value it allows. One conflict per group, however many figures it
// holds, so thirty outlets' estimates make one conflict to resolve, not 435.
import { compareValues, comparableInterval, figureKindOf, figureText, quantitySpan, spanText, type ComparableClaim, type Finding } from "./compare";
import { disjoint, normaliseUnit, type Interval } from "./figures";
import { spansOverlap, type DaySpan } from "./time";

/** Above this many figures in one group, members are found by extremes instead of by pairs. */
const PAIRWISE_LIMIT = 400;

interface Item {
  claim: ComparableClaim;
  span: DaySpan;
  figure: Interval;
}

const NEG = -(2n ** 200n);
const POS = 2n ** 200n;
const lowOf = (i: Interval) => i.low ?? NEG;
const highOf = (i: Interval) => i.high ?? POS;

/** Overlapping time spans, chained: sorted by start, a span that starts after every end so far opens a new group. */
function timeGroups(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => (a.span.from ?? -Infinity) - (b.span.from ?? -Infinity) || (a.claim.id < b.claim.id ? -1 : 1));
  const groups: Item[][] = [];
  let current: Item[] = [];
  let end = -Infinity;
  for (const item of sorted) {
    const from = item.span.from ?? -Infinity;
    if (current.length && from > end) {
      groups.push(current);
      current = [];
      end = -Infinity;
    }
    current.push(item);
    end = Math.max(end, item.span.to ?? Infinity);
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * The figures of a group that some other figure, at an overlapping time, contradicts. Exact: by
 * pairs in a small group, by extremes among figures for the very same days (the common case: one
 * as-of month). A large group of differing days is split by its days, and only figures for the
 * same days are compared there: an approximation that never invents a conflict.
 */
function members(group: Item[]): Item[] {
  const sameSpan = group.every((g) => g.span.from === group[0]!.span.from && g.span.to === group[0]!.span.to);
  if (!sameSpan && group.length <= PAIRWISE_LIMIT) {
    return group.filter((a) => group.some((b) => b !== a && spansOverlap(a.span, b.span) && disjoint(a.figure, b.figure)));
  }
  if (!sameSpan) {
    const buckets = new Map<string, Item[]>();
    for (const g of group) {
      const key = `${g.span.from}|${g.span.to}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(g);
      else buckets.set(key, [g]);
    }
    return [...buckets.values()].filter((b) => b.length > 1).flatMap(byExtremes);
  }
  return byExtremes(group);
}

function byExtremes(group: Item[]): Item[] {
  // By extremes: a figure conflicts with the group when another's high is below its low, or
  // another's low above its high. The two lowest highs and two highest lows answer that for all.
  const byHigh = [...group].sort((a, b) => (highOf(a.figure) < highOf(b.figure) ? -1 : highOf(a.figure) > highOf(b.figure) ? 1 : 0));
  const byLow = [...group].sort((a, b) => (lowOf(a.figure) > lowOf(b.figure) ? -1 : lowOf(a.figure) < lowOf(b.figure) ? 1 : 0));
  return group.filter((a) => {
    const lowestHigh = highOf((byHigh[0] === a ? byHigh[1] : byHigh[0])!.figure);
    const highestLow = lowOf((byLow[0] === a ? byLow[1] : byLow[0])!.figure);
    return lowestHigh < lowOf(a.figure) || highestLow > highOf(a.figure);
  });
}

/** Every value conflict among the quantity claims of one metric (totals with totals, rates with rates). */
export function valueConflicts(claims: readonly ComparableClaim[]): Finding[] {
  const partitions = new Map<string, Item[]>();
  for (const claim of claims) {
    if (claim.kind !== "QUANTITY" || !claim.metricId) continue;
    const figure = comparableInterval(claim);
    const span = quantitySpan(claim);
    if (!figure || !span) continue;
    // A figure with no unit meets only figures with none; counts within periods only counts for the same period.
    const unit = normaliseUnit(claim.unit).key;
    const period = figureKindOf(claim) === "PERIOD_COUNT" && !claim.ratePeriod ? `|${span.from}-${span.to}` : "";
    const key = `${claim.metricId}|${unit}|${claim.ratePeriod ? "rate" : "total"}${period}`;
    const list = partitions.get(key) ?? [];
    list.push({ claim, span, figure });
    partitions.set(key, list);
  }
  const findings: Finding[] = [];
  for (const items of partitions.values()) {
    if (items.length < 2) continue;
    for (const group of timeGroups(items)) {
      if (group.length < 2) continue;
      const found = members(group).sort((a, b) => (a.claim.id < b.claim.id ? -1 : 1));
      if (found.length < 2) continue;
      if (found.length === 2) {
        const pair = compareValues(found[0]!.claim, found[1]!.claim);
        if (pair) findings.push(pair);
        continue;
      }
      const byLow = [...found].sort((a, b) => (lowOf(a.figure) < lowOf(b.figure) ? -1 : 1));
      const lowest = byLow[0]!.claim;
      const highest = [...found].sort((a, b) => (highOf(a.figure) > highOf(b.figure) ? -1 : 1))[0]!.claim;
      findings.push({
        kind: "VALUE",
        severity: "CONTRADICTION",
        claimIds: found.map((f) => f.claim.id),
        summary: `${found.length} figures for overlapping times cannot all hold: they run from ${figureText(lowest)} to ${figureText(highest)}.`,
        detail: {
          severity: "contradiction",
          lines: byLow.slice(0, 20).map((f) => `${figureText(f.claim)} (${spanText(f.span)})`),
          more: Math.max(0, found.length - 20),
        },
      });
    }
  }
  return findings;
}
