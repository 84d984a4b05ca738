import { formatDate, formatQuantity } from "@/lib/values";
import type { ClaimListItem } from "@/lib/server/claims";

type ValueFields = Pick<
  ClaimListItem,
  "kind" | "valueLow" | "valueHigh" | "valueBest" | "unit" | "ratePeriod" | "asOf" | "asOfPrecision" | "periodStart" | "periodEnd" | "eventDate" | "eventDatePrecision"
>;

/** A claim's structured value as an editor reads it, or nothing for kinds without one. */
export function claimValueText(c: ValueFields): string | null {
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
