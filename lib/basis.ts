// What a claim rests on, decided in this one place: a change to any of it voids the claim's
// approvals (its basis version moves on) and sends a decided claim back to review. Nothing else
// does: tags, assignment, comments, notes and re-anchored offsets leave a verified claim verified.
import { fromMicro, parseFigure } from "./conflicts/figures";
import type { ClaimStatus } from "./labels";
import { nameKey } from "./name-keys";

/** The claim's own fields it rests on: statement, value, unit, time, metric or event, speaker. */
export const CLAIM_BASIS_FIELDS = [
  "statement", "kind", "metricId", "valueLow", "valueHigh", "valueBest", "unit", "ratePeriod", "approximate",
  "asOf", "asOfPrecision", "periodStart", "periodEnd", "periodText", "eventId", "eventDate", "eventDatePrecision",
  "speakerName", "contentClaimId",
] as const;

/** A citation's fields it rests on: what is quoted, from where, how it bears on the claim, who said it, when. */
export const CITATION_BASIS_FIELDS = ["quote", "sourceId", "stance", "isPrimary", "chain", "saidOn", "saidPrecision", "saidText"] as const;

/** A cited source's fields it rests on: where it is and what it says. */
export const SOURCE_BASIS_FIELDS = ["url", "fullText"] as const;

/** Everything that can happen to a claim or what it cites. */
export type ClaimEvent =
  | { type: "claim.edit"; changed: readonly string[] }
  | { type: "citation.create" | "citation.delete" }
  | { type: "citation.edit"; changed: readonly string[] }
  | { type: "source.edit"; changed: readonly string[] }
  | { type: "metric.merge" | "metric.split" | "event.split" | "conflict.decision" | "actor.alias" }
  | { type: "claim.tags" | "claim.assign" | "claim.rank" | "comment" | "annotation" | "citation.reanchor" | "review" | "status" };

const within = (changed: readonly string[], fields: readonly string[]) => changed.some((f) => fields.includes(f));

/** Whether this event changes what the claim rests on. */
export function changesBasis(event: ClaimEvent): boolean {
  switch (event.type) {
    case "claim.edit":
      return within(event.changed, CLAIM_BASIS_FIELDS);
    case "citation.edit":
      return within(event.changed, CITATION_BASIS_FIELDS);
    case "source.edit":
      return within(event.changed, SOURCE_BASIS_FIELDS);
    case "citation.create":
    case "citation.delete":
    case "metric.merge":
    case "metric.split":
    case "event.split":
    case "conflict.decision":
    case "actor.alias":
      return true;
    default:
      return false;
  }
}

/** The statuses a change to the basis sends back to review: the decided ones. */
export const DECIDED_STATUSES: readonly ClaimStatus[] = ["VERIFIED", "DISPUTED", "FALSE"];

/** The status a claim takes when this event happens to it. Retracted claims never change. */
export function statusAfter(status: ClaimStatus, event: ClaimEvent): ClaimStatus {
  if (status === "RETRACTED" || !changesBasis(event)) return status;
  return DECIDED_STATUSES.includes(status) ? "IN_REVIEW" : status;
}

/** One reading of a form's or a row's value, so "15000", 15000 and Decimal("15000.000000") are equal. */
export function basisValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return JSON.stringify(v.map(basisValue));
  if (typeof v === "object" && !("toFixed" in (v as object)) && v.constructor === Object) return JSON.stringify(v);
  const text = String(v).trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text.replace(/^(-?)0+(?=\d)/, "$1");
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return text.slice(0, 10);
  return text;
}

/** The fields (of `fields`) whose value differs between before and after. */
export function changedFields<K extends string>(before: Partial<Record<K, unknown>>, after: Partial<Record<K, unknown>>, fields: readonly K[]): K[] {
  return fields.filter((f) => basisValue(before[f]) !== basisValue(after[f]));
}

const FIGURES = new Set(["valueLow", "valueHigh", "valueBest"]);

/** A claim's basis fields read one way, whether from a form ("15k", "Igor  korotchenko") or a row. */
function claimBasisValue(field: string, v: unknown): string {
  if (FIGURES.has(field) && typeof v === "string" && v.trim()) {
    const micro = parseFigure(v);
    return micro === null ? v.trim() : basisValue(fromMicro(micro));
  }
  if (field === "speakerName") return typeof v === "string" ? nameKey(v) : "";
  if (field === "approximate") return v === true || v === "true" || v === "on" ? "true" : "";
  return basisValue(v);
}

/** Which of the claim's own basis fields differ between two readings of it (a form's, a row's). */
export function claimBasisChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return CLAIM_BASIS_FIELDS.filter((f) => claimBasisValue(f, before[f]) !== claimBasisValue(f, after[f]));
}

/** What the edit form says before saving, or null when the save leaves the claim's status alone. */
export function reviewWarning(status: ClaimStatus, changed: readonly string[]): string | null {
  if (statusAfter(status, { type: "claim.edit", changed }) === status) return null;
  return `Saving will send this ${status.toLowerCase()} claim back to review: you changed what it rests on (${changed
    .filter((f) => (CLAIM_BASIS_FIELDS as readonly string[]).includes(f))
    .map((f) => FIELD_NAMES[f] ?? f)
    .join(", ")}), so its approvals no longer count.`;
}

const FIELD_NAMES: Record<string, string> = {
  statement: "statement", kind: "kind", metricId: "metric", valueLow: "low figure", valueHigh: "high figure", valueBest: "figure",
  unit: "unit", ratePeriod: "rate", approximate: "approximate", asOf: "as-of date", asOfPrecision: "date precision",
  periodStart: "period start", periodEnd: "period end", periodText: "wording of the time", eventId: "event", eventDate: "date",
  eventDatePrecision: "date precision", speakerName: "speaker", contentClaimId: "claim asserted",
};
