// A date as an editor types it ("4 March 2025", "March 2025", "2025", "4/3/2025"), read into the
// stored form: an ISO day and the precision it is known to. Numeric dates follow the newsroom's order.
import type { DatePrecision } from "./values";

export const DATE_ORDERS = ["DMY", "MDY", "YMD"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** The newsroom's order for all-number dates, from NEWSROOM_DATE_ORDER (day first unless set). */
export function readDateOrder(value: string | undefined): DateOrder {
  const v = (value ?? "").trim().toUpperCase();
  return (DATE_ORDERS as readonly string[]).includes(v) ? (v as DateOrder) : "DMY";
}

export interface TypedDate {
  /** YYYY-MM-DD: the first day of the month or year when known only to the month or year. */
  iso: string;
  precision: DatePrecision;
}

export type DateReading = { ok: true; date: TypedDate } | { ok: false; message: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?\b/g;

/** 1–12 for a month name or its abbreviation ("Mar", "Sept"), else null. */
function monthNumber(word: string): number | null {
  if (word.length < 3) return null;
  const w = word === "sept" ? "sep" : word;
  const i = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  return i === -1 ? null : i + 1;
}

const monthName = (month: number) => `${MONTHS[month - 1]![0]!.toUpperCase()}${MONTHS[month - 1]!.slice(1)}`;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);

export const DATE_HINT = "Write a date such as “4 March 2025”, “March 2025” or “2025”.";
const ORDER_EXAMPLE: Record<DateOrder, string> = { DMY: "4/3/2025 for 4 March", MDY: "3/4/2025 for 4 March", YMD: "2025/3/4 for 4 March" };

function build(year: number, month: number | null, dayOfMonth: number | null): DateReading {
  if (year < 1 || year > 9999) return { ok: false, message: "Write the year in full, between 1 and 9999." };
  if (month === null) return { ok: true, date: { iso: `${pad(year, 4)}-01-01`, precision: "YEAR" } };
  if (month < 1 || month > 12) return { ok: false, message: `There is no month ${month}. ${DATE_HINT}` };
  if (dayOfMonth === null) return { ok: true, date: { iso: `${pad(year, 4)}-${pad(month)}-01`, precision: "MONTH" } };
  const last = daysIn(year, month);
  if (dayOfMonth < 1 || dayOfMonth > last) return { ok: false, message: `${monthName(month)} ${year} has no day ${dayOfMonth}.` };
  return { ok: true, date: { iso: `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`, precision: "DAY" } };
}

const isYear = (t: string) => /^\d{4}$/.test(t);
const isSmall = (t: string) => /^\d{1,2}$/.test(t);

/**
 * Reads what an editor typed. Month names in English, full or short; numbers in `order`, except
 * that a four-digit first number is always a year (2025-03-04). The year is always written in full.
 */
export function parseDateInput(text: string, order: DateOrder): DateReading {
  const cleaned = text
    .toLowerCase()
    .replace(WEEKDAYS, " ")
    .replace(/(\d)(st|nd|rd|th)\b/g, "$1")
    .replace(/\bof\b/g, " ")
    .trim();
  if (!cleaned) return { ok: false, message: DATE_HINT };
  const tokens = cleaned.split(/[\s,./\-]+/).filter(Boolean);
  if (tokens.some((t) => !/^\d+$/.test(t) && monthNumber(t) === null)) return { ok: false, message: DATE_HINT };
  const named = tokens.map(monthNumber);
  const nameCount = named.filter((m) => m !== null).length;
  if (nameCount > 1) return { ok: false, message: DATE_HINT };
  const numbers = tokens.filter((_, i) => named[i] === null);
  const month = named.find((m) => m !== null) ?? null;

  if (month !== null) {
    // "March 2025", "4 March 2025", "March 4, 2025": the four-digit number is the year.
    const year = numbers.find(isYear);
    const rest = numbers.filter((n) => n !== year);
    if (!year) return { ok: false, message: numbers.some((n) => /^\d{2}$/.test(n)) ? "Write the year in full (2025, not 25)." : "Add the year: “March 2025”." };
    if (rest.length > 1 || (rest[0] !== undefined && !isSmall(rest[0]))) return { ok: false, message: DATE_HINT };
    return build(Number(year), month, rest[0] === undefined ? null : Number(rest[0]));
  }
  if (numbers.length === 1) {
    return isYear(numbers[0]!) ? build(Number(numbers[0]), null, null) : { ok: false, message: DATE_HINT };
  }
  if (numbers.length === 2) {
    // "2025-03" or "3/2025": a month and a year.
    const [a, b] = numbers as [string, string];
    if (isYear(a) && isSmall(b)) return build(Number(a), Number(b), null);
    if (isSmall(a) && isYear(b)) return build(Number(b), Number(a), null);
    return { ok: false, message: DATE_HINT };
  }
  if (numbers.length === 3) {
    const [a, b, c] = numbers as [string, string, string];
    if (isYear(a) && isSmall(b) && isSmall(c)) return build(Number(a), Number(b), Number(c));
    if (isSmall(a) && isSmall(b) && isYear(c) && order !== "YMD") {
      const [d, m] = order === "DMY" ? [a, b] : [b, a];
      return build(Number(c), Number(m), Number(d));
    }
    if (isSmall(a) && isSmall(b) && /^\d{2}$/.test(c)) return { ok: false, message: "Write the year in full (2025, not 25)." };
    return { ok: false, message: `${DATE_HINT} Numbers only: ${ORDER_EXAMPLE[order]}.` };
  }
  return { ok: false, message: DATE_HINT };
}

/** A stored date as the field shows it: "4 March 2025", "March 2025", "2025"; "" when none. */
export function formatDateInput(iso: string | null | undefined, precision: DatePrecision | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!m) return "";
  const [, y, mo, d] = m;
  const year = y!;
  if (precision === "YEAR") return year;
  if (precision === "MONTH") return `${monthName(Number(mo))} ${year}`;
  return `${Number(d)} ${monthName(Number(mo))} ${year}`;
}

/** The last day a date known to `precision` can mean: the end of a period typed as "July 2022". */
export function lastDayOf(date: TypedDate): string {
  const [y, m] = date.iso.split("-").map(Number) as [number, number];
  if (date.precision === "YEAR") return `${pad(y, 4)}-12-31`;
  if (date.precision === "MONTH") return `${pad(y, 4)}-${pad(m)}-${pad(daysIn(y, m))}`;
  return date.iso;
}
