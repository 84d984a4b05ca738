import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestPassage } from "@/lib/quote-match";

const text = "The ministry said on Monday that shelling had killed 1,240 civilians in the region since March, and wounded many more.";

describe("closestPassage", () => {
  it("finds the passage a slightly misquoted figure came from, and marks the difference", () => {
    const found = closestPassage(text, "shelling had killed 1240 civilians")!;
    expect(found.passage).toBe("shelling had killed 1,240 civilians");
    expect(text.slice(found.start, found.end)).toBe(found.passage);
    expect(found.distance).toBe(1);
    expect(found.pieces).toEqual([
      { text: "shelling had killed 1", kind: "same" },
      { text: ",", kind: "passage" },
      { text: "240 civilians", kind: "same" },
    ]);
  });
  it("takes the whole figure when a comma is missing at its start (“1240” against “1,240”)", () => {
    const found = closestPassage("The ministry counts 1,240 civilians killed by shelling since March.", "1240 civilians killed by shelling since March")!;
    expect(found.passage).toBe("1,240 civilians killed by shelling since March");
    expect(found.pieces.filter((p) => p.kind !== "same")).toEqual([{ text: ",", kind: "passage" }]);
  });
  it("copes with curly quotes and a changed word", () => {
    const found = closestPassage("He called it “a special operation” on air.", "He called it \"a special operation\"")!;
    expect(found.passage).toBe("He called it “a special operation”");
  });
  it("offers nothing when the quote is nowhere near the text", () => {
    expect(closestPassage(text, "North Korea offered 100,000 volunteers")).toBeNull();
    expect(closestPassage("", "anything")).toBeNull();
  });
  it("finds any passage of the text again after one character is changed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 30 }), fc.integer({ min: 20, max: 30 }), fc.integer({ min: 1, max: 18 }), (from, length, at) => {
        const original = text.slice(from, from + length).trim();
        fc.pre(original.length >= 20 && !original.startsWith(" "));
        const typo = `${original.slice(0, at)}#${original.slice(at + 1)}`;
        const found = closestPassage(text, typo)!;
        expect(found.distance).toBeLessThanOrEqual(1);
        expect(found.passage.length).toBeGreaterThanOrEqual(original.length - 1);
      }),
    );
  });
});
