// What the number line on a conflict page draws: one bar per figure (or date), on one axis, and
// the stretch they all share, if any. Pure, so its arithmetic is tested without a browser.
import { formatDate, formatNumber, RATE_LABELS, type RatePeriod } from "@/lib/values";
import { describeInterval } from "./compare";
import { figureInterval } from "./figures";
import { precisionSpan, type DateInput } from "./time";

export interface LineRow {
  label: string;
  detail: string;
  /** Null is open on that side ("at least 15,000"). */
  low: number | null;
  high: number | null;
  tone: "claim" | "implied";
  /** The figure's claim is verified (an implied figure never is): drawn solid, the others hatched. */
  verified: boolean;
}

export interface NumberLine {
  axis: "number" | "date";
  rows: LineRow[];
  /** Where every bar overlaps; null when they do not all meet. */
  shared: { low: number; high: number } | null;
  /** The midpoint of the total's range, where the rate-against-total arithmetic divides low from high. */
  midpoint: { value: number; label: string } | null;
  domain: [number, number];
}

interface LineClaim {
  id: string;
  kind: string;
  valueLow?: unknown;
  valueHigh?: unknown;
  valueBest?: unknown;
  unit?: string | null;
  ratePeriod?: RatePeriod | null;
  eventDate?: DateInput;
  eventDatePrecision?: "DAY" | "MONTH" | "YEAR" | null;
  status?: string;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const toNum = (v: bigint | null) => (v === null ? null : Number(v) / 1e6);

function figureRow(c: LineClaim, label: string): LineRow | null {
  const i = figureInterval({ low: str(c.valueLow), high: str(c.valueHigh), best: str(c.valueBest), unit: c.unit });
  if (!i) return null;
  const text = describeInterval(i);
  return { label, detail: c.ratePeriod ? `${text} ${RATE_LABELS[c.ratePeriod]}` : text, low: toNum(i.low), high: toNum(i.high), tone: "claim", verified: c.status === "VERIFIED" };
}

const DAY_MS = 86_400_000;

/**
 * The rows for a conflict: its claims' figures (a rate's figure becomes the total it implies, from
 * the conflict's arithmetic), its dates, or the dates its citations give a statement. `labelOf`
 * names a claim or, for statement dates, a citation.
 */
export function numberLine(kind: string, claims: readonly LineClaim[], detail: Record<string, unknown> | null, labelOf: (claimId: string) => string): NumberLine | null {
  const rows: LineRow[] = [];
  let axis: NumberLine["axis"] = "number";
  let midpoint: NumberLine["midpoint"] = null;
  if (kind === "STATEMENT_DATE") {
    axis = "date";
    const dates = (detail?.dates ?? []) as { citationId: string; label: string; from: number; to: number }[];
    const verified = claims.every((c) => c.status === "VERIFIED");
    for (const d of dates) rows.push({ label: labelOf(d.citationId), detail: d.label, low: d.from * DAY_MS, high: d.to * DAY_MS, tone: "claim", verified });
    rows.sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true }));
  } else if (claims.every((c) => c.kind === "DATE")) {
    axis = "date";
    for (const c of claims) {
      const span = precisionSpan(c.eventDate, c.eventDatePrecision);
      if (span?.from == null || span.to == null) continue;
      rows.push({ label: labelOf(c.id), detail: formatDate(c.eventDate, c.eventDatePrecision), low: span.from * DAY_MS, high: span.to * DAY_MS, tone: "claim", verified: c.status === "VERIFIED" });
    }
  } else if (kind === "RATE_TOTAL") {
    const d0 = (detail ?? {}) as { totalClaimId?: string };
    const totalFigure = claims.find((c) => c.id === d0.totalClaimId);
    const t = totalFigure ? figureRow(totalFigure, "") : null;
    if (t && t.low !== null && t.high !== null && t.low < t.high) {
      const value = (t.low + t.high) / 2;
      midpoint = { value, label: `Midpoint of the total, ${formatNumber(value)}` };
    }
    const d = (detail ?? {}) as { rateClaimId?: string; totalClaimId?: string; impliedTotal?: [string | null, string | null]; days?: [number, number] };
    const total = claims.find((c) => c.id === d.totalClaimId);
    const rate = claims.find((c) => c.id === d.rateClaimId);
    const totalRow = total ? figureRow(total, labelOf(total.id)) : null;
    if (totalRow) rows.push(totalRow);
    if (rate && d.impliedTotal) {
      const [lo, hi] = d.impliedTotal.map((v) => (v === null ? null : Number(v)));
      const rateRow = figureRow(rate, labelOf(rate.id));
      const days = d.days ? (d.days[0] === d.days[1] ? `${d.days[0]} days` : `${d.days[0]}–${d.days[1]} days`) : "the period";
      rows.push({
        label: `${labelOf(rate.id)} × ${days}`,
        detail: `${rateRow?.detail ?? "the rate"} makes ${lo !== null && hi !== null ? `${formatNumber(lo)}–${formatNumber(hi)}` : "an open range"} in total`,
        low: lo ?? null,
        high: hi ?? null,
        tone: "implied",
        verified: false,
      });
    }
  } else {
    const rates = claims.filter((c) => c.ratePeriod);
    const comparable = rates.length === 0 || rates.length === claims.length ? claims : claims.filter((c) => !c.ratePeriod);
    for (const c of comparable) {
      const row = figureRow(c, labelOf(c.id));
      if (row) rows.push(row);
    }
  }
  if (!rows.length) return null;

  const lows = rows.map((r) => r.low).filter((v): v is number => v !== null);
  const highs = rows.map((r) => r.high).filter((v): v is number => v !== null);
  const ends = [...lows, ...highs];
  let min = Math.min(...ends);
  let max = Math.max(...ends);
  if (min === max) {
    const pad = axis === "date" ? 15 * DAY_MS : Math.max(1, Math.abs(min) * 0.1);
    [min, max] = [min - pad, max + pad];
  } else {
    const pad = (max - min) * 0.08;
    [min, max] = [min - pad, max + pad];
  }
  if (axis === "number" && min < 0 && Math.min(...ends) >= 0) min = 0;
  const sharedLow = Math.max(...rows.map((r) => r.low ?? -Infinity));
  const sharedHigh = Math.min(...rows.map((r) => r.high ?? Infinity));
  const shared = sharedLow <= sharedHigh ? { low: Math.max(sharedLow, min), high: Math.min(sharedHigh, max) } : null;
  return { axis, rows, shared, midpoint, domain: [min, max] };
}
