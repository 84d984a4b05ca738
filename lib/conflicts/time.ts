// Dates known to a precision, as intervals of whole days (days since 1 Jan 1970, UTC).
import type { DatePrecision } from "@/lib/values";

export type DateInput = Date | string | null | undefined;

/** An interval of days; null is open on that side. */
export interface DaySpan {
  from: number | null;
  to: number | null;
}

const DAY_MS = 86_400_000;

export function toDay(d: DateInput): number | null {
  if (!d) return null;
  const date = d instanceof Date ? d : new Date(d.length === 10 ? `${d}T00:00:00Z` : d);
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

export function dayToDate(day: number): Date {
  return new Date(day * DAY_MS);
}

export function dayToIso(day: number): string {
  return dayToDate(day).toISOString().slice(0, 10);
}

/** The days a date could be at its precision: "Jul 2022" is 1–31 July 2022. */
export function precisionSpan(d: DateInput, precision: DatePrecision | null | undefined): DaySpan | null {
  const day = toDay(d);
  if (day === null) return null;
  const date = dayToDate(day);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (precision ?? "DAY") {
    case "DAY":
      return { from: day, to: day };
    case "MONTH":
      return { from: toDay(new Date(Date.UTC(y, m, 1))), to: toDay(new Date(Date.UTC(y, m + 1, 0))) };
    case "YEAR":
      return { from: toDay(new Date(Date.UTC(y, 0, 1))), to: toDay(new Date(Date.UTC(y, 11, 31))) };
  }
}

export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  const aBeforeB = a.to !== null && b.from !== null && a.to < b.from;
  const bBeforeA = b.to !== null && a.from !== null && b.to < a.from;
  return !aBeforeB && !bBeforeA;
}

export function sameSpan(a: DaySpan, b: DaySpan): boolean {
  return a.from === b.from && a.to === b.to;
}

const RANK: Record<DatePrecision, number> = { DAY: 0, MONTH: 1, YEAR: 2 };

/** The coarser of two precisions: a year and a day compare as years. */
export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return RANK[a] >= RANK[b] ? a : b;
}
