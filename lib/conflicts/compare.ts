// The comparator: which pairs of claims on one metric or event cannot both hold, and why.
// Pure: the data-access layer hands it claims and stores what it finds.
import { formatDate, formatFigure, formatNumber, RATE_LABELS, type DatePrecision, type RatePeriod } from "@/lib/values";
import { fnv1a } from "./hash";
import { DEFAULT_TOLERANCE_PERCENT, disjoint, figureInterval, fromMicro, sameUnit, scaleInterval, widen, type Interval } from "./figures";
import { coarser, dayToDate, dayToIso, precisionSpan, spansOverlap, toDay, type DateInput, type DaySpan } from "./time";

type Num = string | number | { toString(): string } | null | undefined;

export interface ComparableClaim {
  id: string;
  kind: "QUANTITY" | "DATE" | "EVENT" | "ATTRIBUTED_STATEMENT";
  statement?: string;
  metricId?: string | null;
  eventId?: string | null;
  valueLow?: Num;
  valueHigh?: Num;
  valueBest?: Num;
  unit?: string | null;
  ratePeriod?: RatePeriod | null;
  asOf?: DateInput;
  asOfPrecision?: DatePrecision | null;
  periodStart?: DateInput;
  periodEnd?: DateInput;
  eventDate?: DateInput;
  eventDatePrecision?: DatePrecision | null;
  /** "About 1,200": compared within the metric's tolerance. */
  approximate?: boolean | null;
  /** What the metric says about its figures (lib/conflicts/kinds.ts). */
  metric?: MetricRules | null;
}

/** A running total since a start, a count within a period, or a level at a moment. */
export type FigureKind = "RUNNING_TOTAL" | "PERIOD_COUNT" | "LEVEL";

export interface MetricRules {
  figureKind?: FigureKind | null;
  /** Percent either side for approximate figures; null: 10 %. */
  tolerancePercent?: Num;
  allowsSigned?: boolean | null;
}

export const figureKindOf = (c: ComparableClaim): FigureKind => c.metric?.figureKind ?? "RUNNING_TOTAL";
export const toleranceOf = (c: ComparableClaim): number => {
  const t = Number(c.metric?.tolerancePercent?.toString() ?? DEFAULT_TOLERANCE_PERCENT);
  return Number.isFinite(t) && t >= 0 ? t : DEFAULT_TOLERANCE_PERCENT;
};

export type ConflictKind = "VALUE" | "RATE_TOTAL" | "DATE" | "STATEMENT_DATE";

/** A contradiction blocks verification until decided; a tension or a question needs the verifier's written acknowledgement. */
export type Severity = "CONTRADICTION" | "TENSION" | "QUESTION";

export interface Finding {
  kind: ConflictKind;
  severity: Severity;
  /** Sorted, so a pair found from either side is one conflict. */
  claimIds: string[];
  summary: string;
  detail: Record<string, unknown>;
}

/**
 * One conflict per kind and set of claims: found again, it is the same conflict. Large sets are
 * named by a hash of their ids, so the unique index stays small.
 */
export function fingerprint(kind: string, claimIds: readonly string[]): string {
  const ids = [...claimIds].sort();
  return ids.length <= 4 ? `${kind}:${ids.join(",")}` : `${kind}:${ids.length}:${fnv1a(ids.join(","))}`;
}

/**
 * A rate per day, in exact integers: every rate period becomes a multiple of "per day / 10227"
 * (10227 = 7 × 1461, and a year is 1461/4 days), so weeks, months and years compare exactly.
 */
const PER_DAY_DENOMINATOR = 10_227n;
const PER_DAY_FACTOR: Record<RatePeriod, bigint> = { DAY: 10_227n, WEEK: 1_461n, MONTH: 336n, YEAR: 28n };

/**
 * When a figure holds, or null when it is not dated. A total holds at a moment: its as-of date (at
 * its precision), else the end of its period. A count within a period (a PERIOD_COUNT metric) and
 * a rate hold over their whole period. A figure with no date is compared with nothing.
 */
export function quantitySpan(c: ComparableClaim): DaySpan | null {
  const start = toDay(c.periodStart);
  const end = toDay(c.periodEnd);
  if (figureKindOf(c) === "PERIOD_COUNT" && !c.ratePeriod && start !== null && end !== null) return { from: start, to: end };
  const asOf = precisionSpan(c.asOf, c.asOfPrecision);
  if (asOf) return asOf;
  if (!c.ratePeriod) return end === null ? null : { from: end, to: end };
  if (start !== null || end !== null) return { from: start ?? end, to: end };
  return null;
}

/** The days a figure covers: from its period's start (if known) to the end of its period or its as-of date. */
export function coverage(c: ComparableClaim): { start: number | null; end: DaySpan; endLabel: string } | null {
  const endDay = toDay(c.periodEnd);
  const end: DaySpan | null = endDay !== null ? { from: endDay, to: endDay } : precisionSpan(c.asOf, c.asOfPrecision);
  if (!end || end.from === null || end.to === null) return null;
  return { start: toDay(c.periodStart), end, endLabel: endDay !== null ? formatDate(c.periodEnd) : formatDate(c.asOf, c.asOfPrecision) };
}

/** How many days a total covers: from its period's start to its end or as-of date, as a range. */
export function totalDays(c: ComparableClaim): { min: number; max: number; from: number; to: DaySpan; endLabel: string } | null {
  const cov = coverage(c);
  if (!cov || cov.start === null) return null;
  const min = cov.end.from! - cov.start;
  const max = cov.end.to! - cov.start;
  return min > 0 ? { min, max, from: cov.start, to: cov.end, endLabel: cov.endLabel } : null;
}

/** A rate's or a total's figure, comparable with others of its kind: rates become per day × 10227. */
export function comparableInterval(c: ComparableClaim): Interval | null {
  const i = figureInterval({ low: c.valueLow, high: c.valueHigh, best: c.valueBest, unit: c.unit });
  if (!i) return null;
  const allowed = c.approximate ? widen(i, toleranceOf(c)) : i;
  return c.ratePeriod ? scaleInterval(allowed, PER_DAY_FACTOR[c.ratePeriod]) : allowed;
}

/** The values a figure allows, approximate ones widened by the metric's tolerance, not scaled for rates. */
export function allowedInterval(c: ComparableClaim): Interval | null {
  const i = figureInterval({ low: c.valueLow, high: c.valueHigh, best: c.valueBest, unit: c.unit });
  return i && c.approximate ? widen(i, toleranceOf(c)) : i;
}

/** "15,000–25,000", "about 1,200 (±10 %: 1,080–1,320)", "100 per day". */
export function figureText(c: ComparableClaim): string {
  let base = formatFigure({ low: c.valueLow, high: c.valueHigh, best: c.valueBest });
  if (c.approximate) {
    const i = allowedInterval(c);
    base = `about ${base} (±${formatNumber(toleranceOf(c))} %${i ? `: ${describeInterval(i)}` : ""})`;
  }
  return c.ratePeriod ? `${base} ${RATE_LABELS[c.ratePeriod]}` : base;
}

export function spanText(s: DaySpan): string {
  if (s.from === null && s.to === null) return "no date";
  if (s.from === s.to) return formatDate(dayToDate(s.from!));
  return `${s.from === null ? "…" : formatDate(dayToDate(s.from))} – ${s.to === null ? "…" : formatDate(dayToDate(s.to))}`;
}

const fig = (micro: bigint | null) => (micro === null ? "" : formatNumber(fromMicro(micro)));
const whole = (n: number) => formatNumber(Math.round(n));
const ratio = (micro: bigint, by: bigint) => Number(micro) / 1e6 / Number(by);

/** A figure's interval as an editor reads it: "15,000–25,000", "at least 15,000", "up to 100". */
export function describeInterval(i: Interval): string {
  if (i.low !== null && i.high !== null) return i.low === i.high ? fig(i.low) : `${fig(i.low)}–${fig(i.high)}`;
  if (i.low !== null) return `at least ${fig(i.low)}`;
  if (i.high !== null) return `up to ${fig(i.high)}`;
  return "any figure";
}


/** Two totals (or two rates) whose figures cannot both hold for overlapping times. */
export function compareValues(a: ComparableClaim, b: ComparableClaim): Finding | null {
  const ia = comparableInterval(a);
  const ib = comparableInterval(b);
  if (!ia || !ib || !disjoint(ia, ib)) return null;
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  return {
    kind: "VALUE",
    severity: "CONTRADICTION",
    claimIds: [first.id, second.id],
    summary: `${figureText(first)} (${spanText(quantitySpan(first) ?? { from: null, to: null })}) and ${figureText(second)} (${spanText(quantitySpan(second) ?? { from: null, to: null })}) cannot both hold for the same time: the figures do not overlap.`,
    detail: { severity: "contradiction", lines: [first, second].map((c) => `${figureText(c)} (${spanText(quantitySpan(c) ?? { from: null, to: null })})`) },
  };
}

/**
 * A rate against a total, over the days both cover, with the arithmetic naming those days. A rate
 * over the total's whole period (or with no start of its own: an average) times its days gives a
 * total: a contradiction when that cannot meet the total, a tension when it fits only one half of
 * a range (the seeds' "about 100 a day" against "15,000 to 25,000"). A rate for a part of the
 * period is a contradiction only when those days alone make more than the total; a rate outside
 * the total's period, or a level (which is not a sum of days), is not compared.
 */
export function compareRateTotal(rate: ComparableClaim, total: ComparableClaim): Finding | null {
  if (!rate.ratePeriod || total.ratePeriod || figureKindOf(total) === "LEVEL") return null;
  const days = totalDays(total);
  const r = allowedInterval(rate);
  const t = allowedInterval(total);
  const rStated = figureInterval({ low: rate.valueLow, high: rate.valueHigh, best: rate.valueBest, unit: rate.unit });
  const tStated = figureInterval({ low: total.valueLow, high: total.valueHigh, best: total.valueBest, unit: total.unit });
  if (!days || !r || !t || !rStated || !tStated) return null;
  const rc = coverage(rate);
  const totalEnd = days.to;
  if (rc && (rc.end.to! < days.from || (rc.start ?? rc.end.from!) > totalEnd.to!)) return null; // outside the total's period
  const whole = !rc || rc.start === null || (rc.start <= days.from && rc.end.from! >= totalEnd.from!);
  return whole ? wholePeriod(rate, total, days, r, t, rStated, tStated) : subPeriod(rate, total, days, rc!, r, t);
}

const perDayText = (p: RatePeriod) => (p === "DAY" ? "a day" : RATE_LABELS[p].replace("per ", "a "));
const dayCount = (min: number, max: number) => (min === max ? `${min} days` : `${min}–${max} days`);
const pairIds = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

function wholePeriod(
  rate: ComparableClaim, total: ComparableClaim, days: NonNullable<ReturnType<typeof totalDays>>,
  r: Interval, t: Interval, rStated: Interval, tStated: Interval,
): Finding | null {
  const factor = PER_DAY_FACTOR[rate.ratePeriod!];
  // Everything × 10227 so week, month and year rates stay whole numbers.
  const times = (i: Interval): Interval => ({
    low: i.low === null ? null : i.low * factor * BigInt(days.min),
    high: i.high === null ? null : i.high * factor * BigInt(days.max),
  });
  const implied = times(r);
  const scaledTotal = scaleInterval(t, PER_DAY_DENOMINATOR);
  let severity: "contradiction" | "tension" | null = null;
  let end: "low" | "high" | null = null;
  if (disjoint(implied, scaledTotal)) severity = "contradiction";
  else if (tStated.low !== null && tStated.high !== null && tStated.low < tStated.high) {
    // Where the stated figures fall, tolerance aside: the range's half the rate's total lies in.
    const stated = times(rStated);
    const twiceMid = (tStated.low + tStated.high) * PER_DAY_DENOMINATOR;
    if (stated.high !== null && stated.high * 2n <= twiceMid) [severity, end] = ["tension", "low"];
    else if (stated.low !== null && stated.low * 2n >= twiceMid) [severity, end] = ["tension", "high"];
  }
  if (!severity) return null;

  const perDay = perDayText(rate.ratePeriod!);
  const impliedText = describeInterval({
    low: implied.low === null ? null : implied.low / PER_DAY_DENOMINATOR,
    high: implied.high === null ? null : implied.high / PER_DAY_DENOMINATOR,
  });
  const stated = times(rStated);
  const statedText = describeInterval({
    low: stated.low === null ? null : stated.low / PER_DAY_DENOMINATOR,
    high: stated.high === null ? null : stated.high / PER_DAY_DENOMINATOR,
  });
  const dayText = dayCount(days.min, days.max);
  const periodText = `${formatDate(dayToDate(days.from))} to ${days.endLabel}`;
  const rateText = rate.approximate ? figureText({ ...rate, ratePeriod: null }) : describeInterval(r);
  const totalText = total.approximate ? figureText(total) : describeInterval(t);
  const perDayLow = t.low === null ? null : ratio(t.low, BigInt(days.max));
  const perDayHigh = t.high === null ? null : ratio(t.high, BigInt(days.min));
  const impliedRate =
    perDayLow !== null && perDayHigh !== null ? `${whole(perDayLow)}–${whole(perDayHigh)}` : perDayLow !== null ? `at least ${whole(perDayLow)}` : `up to ${whole(perDayHigh!)}`;
  const mid = tStated.low !== null && tStated.high !== null ? fig((tStated.low + tStated.high) / 2n) : "";
  const arithmetic = [
    `${rateText} ${perDay} × ${dayText} (${periodText}) = ${impliedText} in total.`,
    `${totalText} over ${dayText} = ${impliedRate} ${perDay}.`,
    severity === "contradiction"
      ? `The rate's total ${impliedText} and the total ${totalText} do not overlap: they cannot both hold.`
      : `The rate fits only the ${end} end of the range: its total ${statedText} lies ${end === "low" ? "below" : "above"} the range's midpoint, ${mid}.`,
  ];
  return {
    kind: "RATE_TOTAL",
    severity: severity === "contradiction" ? "CONTRADICTION" : "TENSION",
    claimIds: pairIds(rate.id, total.id),
    summary:
      severity === "contradiction"
        ? `${rateText} ${perDay} over ${dayText} (${periodText}) makes ${impliedText}, which contradicts the total of ${totalText}.`
        : `${rateText} ${perDay} over ${dayText} (${periodText}) makes ${impliedText}: it fits only the ${end} end of the total ${totalText}.`,
    detail: {
      severity,
      end,
      rateClaimId: rate.id,
      totalClaimId: total.id,
      days: [days.min, days.max],
      period: [dayToIso(days.from), days.endLabel],
      impliedTotal: [implied.low === null ? null : fromMicro(implied.low / PER_DAY_DENOMINATOR), implied.high === null ? null : fromMicro(implied.high / PER_DAY_DENOMINATOR)],
      impliedRate: [perDayLow, perDayHigh],
      arithmetic,
    },
  };
}

/** A rate for part of the total's period: only its days inside the period count, and only a surplus contradicts. */
function subPeriod(
  rate: ComparableClaim, total: ComparableClaim, days: NonNullable<ReturnType<typeof totalDays>>,
  rc: NonNullable<ReturnType<typeof coverage>>, r: Interval, t: Interval,
): Finding | null {
  const from = Math.max(rc.start ?? days.from, days.from);
  const min = Math.min(rc.end.from!, days.to.from!) - from + 1;
  const max = Math.min(rc.end.to!, days.to.to!) - from + 1;
  if (max <= 0 || r.low === null || t.high === null) return null;
  const factor = PER_DAY_FACTOR[rate.ratePeriod!];
  const least = r.low * factor * BigInt(Math.max(min, 0));
  if (least <= t.high * PER_DAY_DENOMINATOR) return null;
  const perDay = perDayText(rate.ratePeriod!);
  const lastDay = Math.min(rc.end.from!, days.to.from!);
  const span = `${formatDate(dayToDate(from))} to ${formatDate(dayToDate(lastDay))}`;
  const leastText = fig(least / PER_DAY_DENOMINATOR);
  const rateText = rate.approximate ? figureText({ ...rate, ratePeriod: null }) : describeInterval(r);
  const totalText = total.approximate ? figureText(total) : describeInterval(t);
  const totalPeriod = `${formatDate(dayToDate(days.from))} to ${days.endLabel}`;
  return {
    kind: "RATE_TOTAL",
    severity: "CONTRADICTION",
    claimIds: pairIds(rate.id, total.id),
    summary: `${rateText} ${perDay} over ${dayCount(min, min)} (${span}) makes at least ${leastText} in those days alone: more than the total of ${totalText} for ${totalPeriod}.`,
    detail: {
      severity: "contradiction",
      end: null,
      rateClaimId: rate.id,
      totalClaimId: total.id,
      days: [min, max],
      period: [dayToIso(from), dayToIso(lastDay)],
      impliedTotal: [fromMicro(least / PER_DAY_DENOMINATOR), null],
      arithmetic: [
        `The rate covers ${span}, ${dayCount(min, min)} of the total's period (${totalPeriod}); only those days are compared.`,
        `${rateText} ${perDay} × ${min} days = at least ${leastText}.`,
        `That alone exceeds the total of ${totalText} for the whole period: they cannot both hold.`,
      ],
    },
  };
}

/** Two date claims about one event that differ at the precision both share. */
export function compareEventDates(a: ComparableClaim, b: ComparableClaim): Finding | null {
  if (a.kind !== "DATE" || b.kind !== "DATE" || !a.eventId || a.eventId !== b.eventId) return null;
  if (!a.eventDate || !b.eventDate) return null;
  const precision = coarser(a.eventDatePrecision ?? "DAY", b.eventDatePrecision ?? "DAY");
  const sa = precisionSpan(a.eventDate, precision);
  const sb = precisionSpan(b.eventDate, precision);
  if (!sa || !sb || (sa.from === sb.from && sa.to === sb.to)) return null;
  // Read in date order; stored in id order, so either claim saved first finds the same conflict.
  const [earlier, later] = sa.from! < sb.from! ? [a, b] : [b, a];
  const da = formatDate(earlier.eventDate, earlier.eventDatePrecision);
  const db = formatDate(later.eventDate, later.eventDatePrecision);
  return {
    kind: "DATE",
    severity: "CONTRADICTION",
    claimIds: [a.id, b.id].sort(),
    summary: `The same event is dated ${da} and ${db}: they differ ${precision === "DAY" ? "by day" : precision === "MONTH" ? "by month" : "by year"}.`,
    detail: { severity: "contradiction", precision, lines: [da, db] },
  };
}

/** Whether two quantity claims are about the same thing at overlapping times. */
export function comparableQuantities(a: ComparableClaim, b: ComparableClaim): boolean {
  if (a.kind !== "QUANTITY" || b.kind !== "QUANTITY" || !a.metricId || a.metricId !== b.metricId || !sameUnit(a.unit, b.unit)) return false;
  const sa = quantitySpan(a);
  const sb = quantitySpan(b);
  return !!sa && !!sb && spansOverlap(sa, sb);
}

/** Whether two quantity claims measure the same thing in the same unit (whenever they hold). */
export function sameMeasure(a: ComparableClaim, b: ComparableClaim): boolean {
  return a.kind === "QUANTITY" && b.kind === "QUANTITY" && !!a.metricId && a.metricId === b.metricId && sameUnit(a.unit, b.unit);
}

/** Every reason two claims cannot both hold (at most one). Symmetric in its arguments. */
export function compareClaims(a: ComparableClaim, b: ComparableClaim): Finding | null {
  if (a.id === b.id) return null;
  if (a.kind === "DATE") return compareEventDates(a, b);
  if (!sameMeasure(a, b)) return null;
  const aRate = !!a.ratePeriod;
  const bRate = !!b.ratePeriod;
  if (aRate !== bRate) return aRate ? compareRateTotal(a, b) : compareRateTotal(b, a);
  if (!comparableQuantities(a, b)) return null;
  if (figureKindOf(a) === "PERIOD_COUNT" && !sameSpanOf(a, b)) return null;
  return compareValues(a, b);
}

const sameSpanOf = (a: ComparableClaim, b: ComparableClaim) => {
  const sa = quantitySpan(a);
  const sb = quantitySpan(b);
  return !!sa && !!sb && sa.from === sb.from && sa.to === sb.to;
};
