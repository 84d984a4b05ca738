// The comparator: which pairs of claims on one metric or event cannot both hold, and why.
// Pure: the data-access layer hands it claims and stores what it finds.
import { formatDate, formatFigure, formatNumber, RATE_LABELS, type DatePrecision, type RatePeriod } from "@/lib/values";
import { fnv1a } from "./hash";
import { disjoint, figureInterval, fromMicro, sameUnit, scaleInterval, type Interval } from "./figures";
import { coarser, dayToDate, precisionSpan, spansOverlap, toDay, type DateInput, type DaySpan } from "./time";

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
}

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

/** The days a quantity holds for: its as-of date at its precision, else its period. */
/**
 * When a figure holds, or null when it is not dated. A total holds at a moment: its as-of date (at
 * its precision), else the end of its period; totals to different moments are not compared, as
 * counts grow. A rate holds over its period (or at its as-of date). A figure with no date is
 * compared with nothing: it cannot be placed.
 */
export function quantitySpan(c: ComparableClaim): DaySpan | null {
  const asOf = precisionSpan(c.asOf, c.asOfPrecision);
  if (asOf) return asOf;
  const start = toDay(c.periodStart);
  const end = toDay(c.periodEnd);
  if (!c.ratePeriod) return end === null ? null : { from: end, to: end };
  if (start !== null || end !== null) return { from: start ?? end, to: end };
  return null;
}

/** How many days a total covers: from its period's start to its end or as-of date, as a range. */
export function totalDays(c: ComparableClaim): { min: number; max: number; from: number; to: DaySpan; endLabel: string } | null {
  const start = toDay(c.periodStart);
  if (start === null) return null;
  const endDay = toDay(c.periodEnd);
  const end: DaySpan | null = endDay !== null ? { from: endDay, to: endDay } : precisionSpan(c.asOf, c.asOfPrecision);
  if (!end || end.from === null || end.to === null) return null;
  const min = end.from - start;
  const max = end.to - start;
  const endLabel = endDay !== null ? formatDate(c.periodEnd) : formatDate(c.asOf, c.asOfPrecision);
  return min > 0 ? { min, max, from: start, to: end, endLabel } : null;
}

/** A rate's or a total's figure, comparable with others of its kind: rates become per day × 10227. */
export function comparableInterval(c: ComparableClaim): Interval | null {
  const i = figureInterval({ low: c.valueLow, high: c.valueHigh, best: c.valueBest, unit: c.unit });
  return i && c.ratePeriod ? scaleInterval(i, PER_DAY_FACTOR[c.ratePeriod]) : i;
}

export function figureText(c: ComparableClaim): string {
  const base = formatFigure({ low: c.valueLow, high: c.valueHigh, best: c.valueBest });
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
    summary: `${figureText(first)} and ${figureText(second)} cannot both hold for the same time: the figures do not overlap.`,
    detail: { severity: "contradiction", lines: [first, second].map((c) => `${figureText(c)} (${spanText(quantitySpan(c) ?? { from: null, to: null })})`) },
  };
}

/**
 * A rate against a total over a period: the rate times the days gives a total, and the total over
 * the days gives a rate. A contradiction when they do not overlap; a tension when the rate fits
 * only one half of a range (the seeds' "about 100 a day" against "15,000 to 25,000").
 */
export function compareRateTotal(rate: ComparableClaim, total: ComparableClaim): Finding | null {
  if (!rate.ratePeriod || total.ratePeriod) return null;
  const days = totalDays(total);
  const r = figureInterval({ low: rate.valueLow, high: rate.valueHigh, best: rate.valueBest, unit: rate.unit });
  const t = figureInterval({ low: total.valueLow, high: total.valueHigh, best: total.valueBest, unit: total.unit });
  if (!days || !r || !t) return null;
  const factor = PER_DAY_FACTOR[rate.ratePeriod];
  // Everything × 10227 so week, month and year rates stay whole numbers.
  const implied: Interval = {
    low: r.low === null ? null : r.low * factor * BigInt(days.min),
    high: r.high === null ? null : r.high * factor * BigInt(days.max),
  };
  const scaledTotal = scaleInterval(t, PER_DAY_DENOMINATOR);
  let severity: "contradiction" | "tension" | null = null;
  let end: "low" | "high" | null = null;
  if (disjoint(implied, scaledTotal)) severity = "contradiction";
  else if (t.low !== null && t.high !== null && t.low < t.high && implied.low !== null && implied.high !== null) {
    const twiceMid = scaledTotal.low! + scaledTotal.high!;
    if (implied.high * 2n <= twiceMid) [severity, end] = ["tension", "low"];
    else if (implied.low * 2n >= twiceMid) [severity, end] = ["tension", "high"];
  }
  if (!severity) return null;

  const perDay = rate.ratePeriod === "DAY" ? "a day" : RATE_LABELS[rate.ratePeriod].replace("per ", "a ");
  const impliedText = describeInterval({
    low: implied.low === null ? null : implied.low / PER_DAY_DENOMINATOR,
    high: implied.high === null ? null : implied.high / PER_DAY_DENOMINATOR,
  });
  const dayText = days.min === days.max ? `${days.min} days` : `${days.min}–${days.max} days`;
  const periodText = `${formatDate(dayToDate(days.from))} to ${days.endLabel}`;
  const rateText = describeInterval(r);
  const totalText = describeInterval(t);
  const perDayLow = t.low === null ? null : ratio(t.low, BigInt(days.max));
  const perDayHigh = t.high === null ? null : ratio(t.high, BigInt(days.min));
  const impliedRate =
    perDayLow !== null && perDayHigh !== null ? `${whole(perDayLow)}–${whole(perDayHigh)}` : perDayLow !== null ? `at least ${whole(perDayLow)}` : `up to ${whole(perDayHigh!)}`;
  const mid = t.low !== null && t.high !== null ? fig((t.low + t.high) / 2n) : "";
  const arithmetic = [
    `${rateText} ${perDay} × ${dayText} (${periodText}) = ${impliedText} in total.`,
    `${totalText} over ${dayText} = ${impliedRate} ${perDay}.`,
    severity === "contradiction"
      ? `The rate's total ${impliedText} and the total ${totalText} do not overlap: they cannot both hold.`
      : `The rate fits only the ${end} end of the range: its total ${impliedText} lies ${end === "low" ? "below" : "above"} the range's midpoint, ${mid}.`,
  ];
  const [first, second] = rate.id < total.id ? [rate.id, total.id] : [total.id, rate.id];
  return {
    kind: "RATE_TOTAL",
    severity: severity === "contradiction" ? "CONTRADICTION" : "TENSION",
    claimIds: [first, second],
    summary:
      severity === "contradiction"
        ? `${rateText} ${perDay} over ${dayText} makes ${impliedText}, which contradicts the total of ${totalText}.`
        : `${rateText} ${perDay} over ${dayText} makes ${impliedText}: it fits only the ${end} end of the total ${totalText}.`,
    detail: {
      severity,
      end,
      rateClaimId: rate.id,
      totalClaimId: total.id,
      days: [days.min, days.max],
      impliedTotal: [implied.low === null ? null : fromMicro(implied.low / PER_DAY_DENOMINATOR), implied.high === null ? null : fromMicro(implied.high / PER_DAY_DENOMINATOR)],
      impliedRate: [perDayLow, perDayHigh],
      arithmetic,
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

/** Every reason two claims cannot both hold (at most one). Symmetric in its arguments. */
export function compareClaims(a: ComparableClaim, b: ComparableClaim): Finding | null {
  if (a.id === b.id) return null;
  if (a.kind === "DATE") return compareEventDates(a, b);
  if (!comparableQuantities(a, b)) return null;
  const aRate = !!a.ratePeriod;
  const bRate = !!b.ratePeriod;
  if (aRate === bRate) return compareValues(a, b);
  return aRate ? compareRateTotal(a, b) : compareRateTotal(b, a);
}
