// Where a quote sits in a source's text. Offsets count UTF-16 code units, as JavaScript strings
// and the DOM's text offsets do, so an offset computed in the browser is the one stored.

export interface Span {
  start: number;
  end: number;
}

export type QuoteAnchor = { ok: true; startOffset: number | null; endOffset: number | null } | { ok: false; message: string };

export const QUOTE_NOT_AT_OFFSETS = "These words are not at the selected place in the source’s text: select the passage again.";
export const QUOTE_NOT_IN_TEXT = "These exact words are not in the source’s stored text: copy them as they appear there.";

/**
 * Checks a quote against a source's text: at the offsets given, or (without offsets) at its first
 * occurrence. A source without stored text keeps the quote unanchored.
 */
export function anchorQuote(text: string | null, quote: string, startOffset?: number, endOffset?: number): QuoteAnchor {
  if (text === null) return { ok: true, startOffset: null, endOffset: null };
  if (startOffset !== undefined && endOffset !== undefined) {
    return text.slice(startOffset, endOffset) === quote && endOffset <= text.length
      ? { ok: true, startOffset, endOffset }
      : { ok: false, message: QUOTE_NOT_AT_OFFSETS };
  }
  const start = text.indexOf(quote);
  return start === -1 ? { ok: false, message: QUOTE_NOT_IN_TEXT } : { ok: true, startOffset: start, endOffset: start + quote.length };
}

export interface AnchoredQuote {
  quote: string;
  startOffset: number | null;
  endOffset: number | null;
}

/** kept: still at its offsets; moved: found elsewhere (first occurrence); anchored: found where it had none; cleared: no longer in the text. */
export type Reanchoring = "kept" | "moved" | "anchored" | "cleared";

/** Where a stored quote sits after its source's text changed. */
export function reanchor(text: string | null, item: AnchoredQuote): { outcome: Reanchoring; startOffset: number | null; endOffset: number | null } {
  const had = item.startOffset !== null && item.endOffset !== null;
  if (had && text !== null && text.slice(item.startOffset!, item.endOffset!) === item.quote) {
    return { outcome: "kept", startOffset: item.startOffset, endOffset: item.endOffset };
  }
  const start = text === null || item.quote === "" ? -1 : text.indexOf(item.quote);
  if (start !== -1) return { outcome: had ? "moved" : "anchored", startOffset: start, endOffset: start + item.quote.length };
  return { outcome: had ? "cleared" : "kept", startOffset: null, endOffset: null };
}

const SPACE = /\s/u;

/** A selection without the spaces and line breaks at its edges (double-click often takes one); null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export interface Segment extends Span {
  /** The ids of the spans covering this piece, in the order the spans were given. */
  ids: string[];
}

/**
 * Cuts the text at every span edge, so overlapping highlights render as flat pieces, each
 * knowing which spans cover it. Spans outside the text or empty are ignored.
 */
export function segmentText(length: number, spans: (Span & { id: string })[]): Segment[] {
  const valid = spans
    .map((s, order) => ({ ...s, order, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.start < s.end);
  const cuts = [...new Set([0, length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    segments.push({ start, end, ids: valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id) });
  }
  return segments;
}
