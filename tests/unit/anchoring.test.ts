import { describe, expect, it } from "vitest";
import { QUOTE_NOT_AT_OFFSETS, QUOTE_NOT_IN_TEXT, anchorQuote, overlaps, reanchor, segmentText, trimSpan } from "@/lib/anchoring";

const text = "Against: 5.\nIn favour: 141. Adopted on 2\u00a0March 2022. In favour: 141.";

describe("anchorQuote", () => {
  it("accepts a quote at its offsets, counting a no-break space and a line break as one character each", () => {
    const start = text.indexOf("2\u00a0March");
    expect(anchorQuote(text, "2\u00a0March 2022", start, start + 12)).toEqual({ ok: true, startOffset: start, endOffset: start + 12 });
    expect(text.slice(11, 13)).toBe("\nI");
  });
  it("refuses offsets where the quote is not, rather than moving it", () => {
    expect(anchorQuote(text, "In favour: 141", 0, 14)).toEqual({ ok: false, message: QUOTE_NOT_AT_OFFSETS });
    expect(anchorQuote(text, "In favour: 141", text.length - 5, text.length + 9)).toEqual({ ok: false, message: QUOTE_NOT_AT_OFFSETS });
  });
  it("finds the first occurrence when no offsets are given", () => {
    expect(anchorQuote(text, "In favour: 141")).toEqual({ ok: true, startOffset: 12, endOffset: 26 });
  });
  it("refuses words that are not in the text, even when only the space differs", () => {
    expect(anchorQuote(text, "2 March 2022")).toEqual({ ok: false, message: QUOTE_NOT_IN_TEXT });
  });
  it("keeps a quote unanchored on a source without text", () => {
    expect(anchorQuote(null, "anything", 3, 11)).toEqual({ ok: true, startOffset: null, endOffset: null });
  });
});

describe("reanchor", () => {
  const item = { quote: "In favour: 141", startOffset: 12, endOffset: 26 };
  it("keeps a quote that is still at its offsets", () => {
    expect(reanchor(text, item)).toEqual({ outcome: "kept", startOffset: 12, endOffset: 26 });
  });
  it("moves a quote to its first occurrence when the text before it changed", () => {
    expect(reanchor(`Preface.\n${text}`, item)).toEqual({ outcome: "moved", startOffset: 21, endOffset: 35 });
  });
  it("clears the offsets of a quote that is no longer in the text", () => {
    expect(reanchor("In favour: 140.", item)).toEqual({ outcome: "cleared", startOffset: null, endOffset: null });
    expect(reanchor(null, item)).toEqual({ outcome: "cleared", startOffset: null, endOffset: null });
  });
  it("anchors a quote that had no offsets once the text holds it, and leaves it be otherwise", () => {
    expect(reanchor(text, { quote: "Against: 5", startOffset: null, endOffset: null })).toEqual({ outcome: "anchored", startOffset: 0, endOffset: 10 });
    expect(reanchor(text, { quote: "Abstaining", startOffset: null, endOffset: null })).toEqual({ outcome: "kept", startOffset: null, endOffset: null });
  });
});

describe("trimSpan", () => {
  it("drops spaces, no-break spaces and line breaks at the edges of a selection, in either direction", () => {
    expect(trimSpan(" a\u00a0b\n", 0, 5)).toEqual({ start: 1, end: 4 });
    expect(trimSpan(" a b ", 5, 0)).toEqual({ start: 1, end: 4 });
  });
  it("gives nothing for a selection of spaces only, and clamps to the text", () => {
    expect(trimSpan("a  b", 1, 3)).toBeNull();
    expect(trimSpan("ab", -4, 40)).toEqual({ start: 0, end: 2 });
  });
});

describe("segmentText", () => {
  it("cuts overlapping spans into flat pieces that know which spans cover them", () => {
    const segments = segmentText(10, [
      { id: "c1", start: 2, end: 6 },
      { id: "n1", start: 4, end: 8 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: ["c1"] },
      { start: 4, end: 6, ids: ["c1", "n1"] },
      { start: 6, end: 8, ids: ["n1"] },
      { start: 8, end: 10, ids: [] },
    ]);
  });
  it("covers the whole text exactly once, ignoring spans that are empty or outside it", () => {
    const segments = segmentText(5, [
      { id: "a", start: 3, end: 3 },
      { id: "b", start: 4, end: 40 },
      { id: "c", start: 7, end: 9 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 4, ids: [] },
      { start: 4, end: 5, ids: ["b"] },
    ]);
    expect(segmentText(0, [])).toEqual([]);
  });
  it("tells overlapping spans from touching ones", () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
  });
});
