// When was a statement made? Each citation may date it ("in July", "Monday", 13 Jul 2022);
// relative words are resolved against the source's publication date, at that date's precision.
import * as chrono from "chrono-node";
import { formatDate, type DatePrecision } from "@/lib/values";
import type { Finding } from "./compare";
import { dayToDate, precisionSpan, sameSpan, spansOverlap, type DateInput, type DaySpan } from "./time";

export interface DatedCitation {
  id: string;
  saidOn?: DateInput;
  saidPrecision?: DatePrecision | null;
  saidText?: string | null;
  source: { title: string; outlet?: string | null; publishedAt?: DateInput; publishedPrecision?: DatePrecision | null };
}

export interface SaidDate {
  citationId: string;
  span: { from: number; to: number };
  /** How an editor reads it: "“in July” (Jul 2022)". */
  label: string;
  how: "given" | "resolved";
}

const weekdayBefore = (day: number, weekday: number) => {
  const current = dayToDate(day).getUTCDay();
  return day - ((current - weekday + 7) % 7);
};

/** One reading of a phrase against one reference day: "Monday" on Fri 1 Jul 2022 is Mon 27 Jun. */
export function readPhrase(text: string, referenceDay: number): DaySpan | null {
  const [result] = chrono.en.parse(text, { instant: new Date(dayToDate(referenceDay).getTime() + 12 * 3_600_000), timezone: 0 }, { forwardDate: false });
  if (!result) return null;
  const start = result.start;
  const date = start.date();
  const day = Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 86_400_000);
  if (start.isCertain("day")) return { from: day, to: day };
  if (start.isCertain("weekday")) {
    // In reporting, a bare weekday is the last one on or before publication, not the nearest.
    const words = text.toLowerCase();
    if (/\bnext\b/.test(words)) return { from: day, to: day };
    const resolved = weekdayBefore(referenceDay, start.get("weekday") ?? dayToDate(day).getUTCDay());
    return { from: resolved, to: resolved };
  }
  if (start.isCertain("month")) {
    // A month named without a year is the last such month on or before publication.
    let span = precisionSpan(dayToDate(day), "MONTH")!;
    if (!start.isCertain("year") && span.from! > referenceDay) {
      const d = dayToDate(day);
      span = precisionSpan(new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), 1)), "MONTH")!;
    }
    if (!start.isCertain("year") && span.from! <= referenceDay) {
      const d = dayToDate(span.from!);
      const nextYear = precisionSpan(new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), 1)), "MONTH")!;
      if (nextYear.from! <= referenceDay) span = nextYear;
    }
    return span;
  }
  if (start.isCertain("year")) return precisionSpan(dayToDate(day), "YEAR");
  return null;
}

const spanLabel = (s: { from: number; to: number }) =>
  s.from === s.to ? formatDate(dayToDate(s.from)) : `between ${formatDate(dayToDate(s.from))} and ${formatDate(dayToDate(s.to))}`;

/** The date a citation gives a statement, or null when it gives none that can be placed. */
export function saidDate(c: DatedCitation): SaidDate | null {
  const text = c.saidText?.trim() || null;
  if (c.saidOn) {
    const span = precisionSpan(c.saidOn, c.saidPrecision);
    if (!span || span.from === null || span.to === null) return null;
    const when = formatDate(c.saidOn, c.saidPrecision);
    return { citationId: c.id, span: { from: span.from, to: span.to }, label: text ? `“${text}” (${when})` : when, how: "given" };
  }
  if (!text) return null;
  const published = precisionSpan(c.source.publishedAt, c.source.publishedPrecision);
  if (!published || published.from === null || published.to === null) return null;
  const early = readPhrase(text, published.from);
  const late = readPhrase(text, published.to);
  if (!early || !late || early.from === null || late.to === null) return null;
  const span = { from: Math.min(early.from, late.from ?? early.from), to: Math.max(early.to ?? late.to, late.to) };
  const pub = formatDate(c.source.publishedAt, c.source.publishedPrecision);
  return {
    citationId: c.id,
    span,
    label: `“${text}” (${spanLabel(span)}, read against publication ${c.source.publishedPrecision === "DAY" ? "on" : "in"} ${pub})`,
    how: "resolved",
  };
}

/** Citations that date the statement only in words relative to a publication date their source lacks. */
export function undatable(citations: readonly DatedCitation[]): DatedCitation[] {
  return citations.filter((c) => !c.saidOn && c.saidText?.trim() && !precisionSpan(c.source.publishedAt, c.source.publishedPrecision));
}

/**
 * The same statement dated differently by its citations: a question for an editor when the
 * dates could still agree, a contradiction when they cannot. A citation whose words ("Monday")
 * cannot be placed because its source has no publication date raises a question, not silence.
 */
export function statementDateFinding(claimId: string, citations: readonly DatedCitation[]): Finding | null {
  // Earliest first, so every summary reads in the same order.
  const dated = citations
    .map(saidDate)
    .filter((d): d is SaidDate => d !== null)
    .sort((a, b) => a.span.from - b.span.from || a.span.to - b.span.to || (a.citationId < b.citationId ? -1 : 1));
  const lost = undatable(citations).sort((a, b) => (a.id < b.id ? -1 : 1));
  const lostText = lost.length
    ? ` ${lost.map((c) => `“${c.saidText!.trim()}” (${c.source.outlet ?? c.source.title})`).join(" and ")} cannot be dated: ${lost.length === 1 ? "its source has" : "their sources have"} no publication date.`
    : "";
  const differ = dated.length >= 2 && !dated.every((d) => sameSpan(d.span, dated[0]!.span));
  if (!differ && !lost.length) return null;
  const apart = differ && dated.some((a, i) => dated.slice(i + 1).some((b) => !spansOverlap(a.span, b.span)));
  const labels = dated.map((d) => d.label);
  const summary = differ
    ? apart
      ? `The statement is dated ${labels.join(" and ")} by its sources: these cannot all be right.${lostText}`
      : `The statement is dated ${labels.join(" and ")} by its sources: they may agree, but the date is not settled.${lostText}`
    : `The date of the statement is a question:${lostText}`;
  return {
    kind: "STATEMENT_DATE",
    severity: apart ? "CONTRADICTION" : "QUESTION",
    claimIds: [claimId],
    summary,
    detail: {
      severity: apart ? "contradiction" : "question",
      dates: dated.map((d) => ({ citationId: d.citationId, from: d.span.from, to: d.span.to, label: d.label, how: d.how })),
      undatable: lost.map((c) => ({ citationId: c.id, text: c.saidText })),
    },
  };
}
