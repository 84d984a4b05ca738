// Claim values the way an editor reads them: "15,000–25,000 soldiers killed, since 24 Feb 2022".
export const DATE_PRECISIONS = ["DAY", "MONTH", "YEAR"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const RATE_PERIODS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;
export type RatePeriod = (typeof RATE_PERIODS)[number];

export type Num = number | string | { toString(): string } | null | undefined;
export type DateLike = Date | string | null | undefined;

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const dateFormats: Record<DatePrecision, Intl.DateTimeFormat> = {
  DAY: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }),
  MONTH: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "numeric" }),
  YEAR: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric" }),
};

/** A stored number (Decimal, string or number) as a JS number, or null. */
export function toNumber(n: Num): number | null {
  if (n === null || n === undefined) return null;
  const value = Number(n.toString());
  return Number.isFinite(value) ? value : null;
}

/** A stored date (Date or ISO string) as a Date, or null when missing or broken. */
export function toDate(d: DateLike): Date | null {
  if (!d) return null;
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatNumber(n: Num): string {
  const value = toNumber(n);
  return value === null ? "" : numberFormat.format(value);
}

/** A date shown no more precisely than it is known: "21 Feb 2022", "Jul 2022", "2014". */
export function formatDate(d: DateLike, precision: DatePrecision | null | undefined = "DAY"): string {
  const date = toDate(d);
  return date ? dateFormats[precision ?? "DAY"].format(date) : "";
}

export const RATE_LABELS: Record<RatePeriod, string> = { DAY: "per day", WEEK: "per week", MONTH: "per month", YEAR: "per year" };

export interface QuantityValue {
  low?: Num;
  high?: Num;
  best?: Num;
  unit?: string | null;
  ratePeriod?: RatePeriod | null;
  asOf?: DateLike;
  asOfPrecision?: DatePrecision | null;
  periodStart?: DateLike;
  periodEnd?: DateLike;
}

/** The figure alone: "15,000–25,000", "about 100", "at least 15,000". */
export function formatFigure(v: Pick<QuantityValue, "low" | "high" | "best">): string {
  const low = toNumber(v.low);
  const high = toNumber(v.high);
  const best = toNumber(v.best);
  if (low !== null && high !== null) {
    const range = low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
    const bestShown = best !== null && best !== low && best !== high;
    return bestShown ? `${range} (best estimate ${formatNumber(best)})` : range;
  }
  if (best !== null) return formatNumber(best);
  if (low !== null) return `at least ${formatNumber(low)}`;
  if (high !== null) return `up to ${formatNumber(high)}`;
  return "no figure";
}

/** When a figure holds: "24 Feb–31 Jul 2022", "since 24 Feb 2022", "as of Aug 2022". */
export function formatWhen(v: Pick<QuantityValue, "asOf" | "asOfPrecision" | "periodStart" | "periodEnd">): string {
  const parts: string[] = [];
  const start = toDate(v.periodStart);
  const end = toDate(v.periodEnd);
  if (start && end) parts.push(`${formatDate(start)} – ${formatDate(end)}`);
  else if (start) parts.push(`since ${formatDate(start)}`);
  else if (end) parts.push(`until ${formatDate(end)}`);
  if (toDate(v.asOf)) parts.push(`as of ${formatDate(v.asOf, v.asOfPrecision)}`);
  return parts.join(", ");
}

/** "15,000–25,000 soldiers killed, since 24 Feb 2022, as of Aug 2022". */
export function formatQuantity(v: QuantityValue): string {
  let text = formatFigure(v);
  if (v.unit) text += ` ${v.unit}`;
  if (v.ratePeriod) text += ` ${RATE_LABELS[v.ratePeriod]}`;
  const when = formatWhen(v);
  return when ? `${text}, ${when}` : text;
}

/** The value fields of a claim, as stored. */
export interface ClaimValueFields {
  kind: "QUANTITY" | "DATE" | "EVENT" | "ATTRIBUTED_STATEMENT";
  valueLow?: Num;
  valueHigh?: Num;
  valueBest?: Num;
  unit?: string | null;
  ratePeriod?: RatePeriod | null;
  asOf?: DateLike;
  asOfPrecision?: DatePrecision | null;
  periodStart?: DateLike;
  periodEnd?: DateLike;
  eventDate?: DateLike;
  eventDatePrecision?: DatePrecision | null;
}

/** A claim's structured value as an editor reads it, or null for kinds without one. */
export function claimValueText(c: ClaimValueFields): string | null {
  if (c.kind === "QUANTITY") {
    return formatQuantity({
      low: c.valueLow,
      high: c.valueHigh,
      best: c.valueBest,
      unit: c.unit,
      ratePeriod: c.ratePeriod,
      asOf: c.asOf,
      asOfPrecision: c.asOfPrecision,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
    });
  }
  if (c.kind === "DATE" && c.eventDate) return formatDate(c.eventDate, c.eventDatePrecision);
  return null;
}

/** A form's YYYY-MM-DD as the DATE column takes it (UTC midnight), and back: the one date-only conversion. */
export const dayToDate = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
export const dateToDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** When a source was published, as its page and citations say it: "about Mar 2024" when approximate. */
export function formatPublished(s: { publishedAt: DateLike; publishedPrecision: DatePrecision | null; publishedApprox: boolean }): string {
  return `${s.publishedApprox ? "about " : ""}${formatDate(s.publishedAt, s.publishedPrecision)}`;
}

/** A text cut to `max` characters with an ellipsis, for quotes and notes shown in a line. */
export const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
