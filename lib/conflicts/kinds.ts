// Figures of one metric at different times or for different spans, judged by what the metric
// holds: a running total since a start cannot fall; a count for part of a period cannot exceed the
// count for the whole; a level at one moment says nothing about another. Figures for the same time
// are the value groups' business (lib/conflicts/groups.ts).
import { comparableInterval, figureKindOf, figureText, quantitySpan, spanText, type ComparableClaim, type Finding } from "./compare";
import { normaliseUnit, type Interval } from "./figures";
import { toDay, type DaySpan } from "./time";

interface Placed {
  claim: ComparableClaim;
  span: DaySpan & { from: number; to: number };
  figure: Interval;
}

const NEG = -(2n ** 200n);
const POS = 2n ** 200n;
const lowOf = (i: Interval) => i.low ?? NEG;
const highOf = (i: Interval) => i.high ?? POS;

function place(c: ComparableClaim): Placed | null {
  const span = quantitySpan(c);
  const figure = comparableInterval(c);
  if (!span || span.from === null || span.to === null || !figure) return null;
  return { claim: c, span: { from: span.from, to: span.to }, figure };
}

function pair(kind: "fall" | "part", earlier: Placed, later: Placed): Finding {
  const ids = [earlier.claim.id, later.claim.id].sort();
  const a = `${figureText(earlier.claim)} (${spanText(earlier.span)})`;
  const b = `${figureText(later.claim)} (${spanText(later.span)})`;
  return {
    kind: "VALUE",
    severity: "CONTRADICTION",
    claimIds: ids,
    summary:
      kind === "fall"
        ? `A running total cannot fall: ${a} is more than ${b}, a later total from the same start.`
        : `A count for part of a period cannot exceed the count for all of it: ${a} is more than ${b}.`,
    detail: { severity: "contradiction", rule: kind === "fall" ? "running-total" : "nested-periods", lines: [a, b] },
  };
}

/**
 * Contradictions across times within one metric's totals (rates and levels are left alone). Running
 * totals: sorted by moment, each figure meets the earlier one with the highest minimum and the later
 * one with the lowest maximum (O(n log n)). Counts within periods: a focus figure against the
 * figures whose period holds its own, or that its period holds.
 */
export function orderedConflicts(claims: readonly ComparableClaim[], focusIds: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const series = new Map<string, Placed[]>();
  for (const c of claims) {
    if (c.kind !== "QUANTITY" || !c.metricId || c.ratePeriod || figureKindOf(c) === "LEVEL") continue;
    const placed = place(c);
    if (!placed) continue;
    // Running totals from one start form one series; counts are compared across periods per unit.
    const start = figureKindOf(c) === "RUNNING_TOTAL" ? String(toDay(c.periodStart) ?? "") : "";
    const key = `${figureKindOf(c)}|${c.metricId}|${normaliseUnit(c.unit).key}|${start}`;
    const list = series.get(key) ?? [];
    list.push(placed);
    series.set(key, list);
  }
  for (const [key, items] of series) {
    if (items.length < 2) continue;
    if (key.startsWith("RUNNING_TOTAL")) findings.push(...fallingTotals(items, focusIds));
    else findings.push(...nestedCounts(items, focusIds));
  }
  return findings;
}

function fallingTotals(items: Placed[], focusIds: ReadonlySet<string>): Finding[] {
  const sorted = [...items].sort((a, b) => a.span.to - b.span.to || a.span.from - b.span.from || (a.claim.id < b.claim.id ? -1 : 1));
  const found = new Map<string, Finding>();
  const add = (f: Finding) => found.set(f.claimIds.join(","), f);
  // For each figure: the earlier figure (wholly before it) with the highest minimum.
  const byEnd = [...sorted];
  let best: Placed | null = null;
  let j = 0;
  const byStart = [...sorted].sort((a, b) => a.span.from - b.span.from);
  for (const item of byStart) {
    while (j < byEnd.length && byEnd[j]!.span.to < item.span.from) {
      if (!best || lowOf(byEnd[j]!.figure) > lowOf(best.figure)) best = byEnd[j]!;
      j++;
    }
    if (best && lowOf(best.figure) > highOf(item.figure) && (focusIds.has(item.claim.id) || focusIds.has(best.claim.id))) add(pair("fall", best, item));
  }
  // And each focus figure that is earlier: the later figure with the lowest maximum.
  for (const item of sorted) {
    if (!focusIds.has(item.claim.id)) continue;
    let lowest: Placed | null = null;
    for (const later of sorted) if (later.span.from > item.span.to && (!lowest || highOf(later.figure) < highOf(lowest.figure))) lowest = later;
    if (lowest && lowOf(item.figure) > highOf(lowest.figure)) add(pair("fall", item, lowest));
  }
  return [...found.values()];
}

function nestedCounts(items: Placed[], focusIds: ReadonlySet<string>): Finding[] {
  const found = new Map<string, Finding>();
  const inside = (a: Placed, b: Placed) => a.span.from >= b.span.from && a.span.to <= b.span.to && (a.span.from !== b.span.from || a.span.to !== b.span.to);
  for (const a of items) {
    if (!focusIds.has(a.claim.id)) continue;
    for (const b of items) {
      if (a === b) continue;
      const [part, whole] = inside(a, b) ? [a, b] : inside(b, a) ? [b, a] : [null, null];
      if (part && whole && lowOf(part.figure) > highOf(whole.figure)) {
        const f = pair("part", part, whole);
        found.set(f.claimIds.join(","), f);
      }
    }
  }
  return [...found.values()];
}
