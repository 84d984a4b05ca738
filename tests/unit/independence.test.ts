import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { independentOrigins, isIndependentlyCorroborated, originOf } from "@/lib/independence";

let sources = 0;
// Each citation from a source of its own unless told otherwise.
const chain = (...actors: string[]) => ({ sourceId: `source-${sources++}`, chain: actors.map((actorId, position) => ({ actorId, position })) });
const from = (sourceId: string, ...actors: string[]) => ({ ...chain(...actors), sourceId });

describe("originOf", () => {
  it("is the first link of the chain, whatever order the links arrive in", () => {
    expect(originOf({ chain: [{ actorId: "post", position: 2 }, { actorId: "korotchenko", position: 0 }, { actorId: "channel-one", position: 1 }] })).toBe("korotchenko");
  });
  it("is null without a chain", () => {
    expect(originOf({ chain: [] })).toBeNull();
  });
});

describe("independentOrigins", () => {
  it("counts two reports of one interview as one origin", () => {
    const julyArticle = chain("matsegora", "national-review");
    const mondayArticle = chain("matsegora", "national-review");
    expect(independentOrigins([julyArticle, mondayArticle])).toEqual(["matsegora"]);
    expect(isIndependentlyCorroborated([julyArticle, mondayArticle])).toBe(false);
  });
  it("counts chains that pass through the same outlet but start apart as independent", () => {
    const viaTv = chain("korotchenko", "channel-one", "ny-post", "national-review");
    const ownEstimate = chain("national-review");
    expect(independentOrigins([viaTv, ownEstimate]).sort()).toEqual(["korotchenko", "national-review"]);
    expect(isIndependentlyCorroborated([viaTv, ownEstimate])).toBe(true);
  });
  it("ignores citations without a chain", () => {
    expect(isIndependentlyCorroborated([chain("a"), { sourceId: "s", chain: [] }])).toBe(false);
  });
  it("never counts two citations of one source as two origins", () => {
    // One article quoting the ministry and, separately, a think tank: still one piece of evidence.
    expect(independentOrigins([from("article", "ministry"), from("article", "think-tank")])).toHaveLength(1);
    expect(isIndependentlyCorroborated([from("article", "ministry"), from("article", "think-tank")])).toBe(false);
    // With a second source, the two can be matched one to one.
    expect(independentOrigins([from("article", "ministry"), from("article", "think-tank"), from("wire", "ministry")])).toEqual(["ministry", "think-tank"]);
  });
  it("property: origins never exceed sources or distinct first links, and adding a citation never lowers the count", () => {
    const citation = fc.record({ sourceId: fc.constantFrom("s1", "s2", "s3", "s4"), origin: fc.constantFrom("a", "b", "c", "d", "e") });
    fc.assert(
      fc.property(fc.array(citation, { maxLength: 12 }), citation, (list, extra) => {
        const as = list.map((c) => from(c.sourceId, c.origin));
        const origins = independentOrigins(as);
        expect(origins.length).toBeLessThanOrEqual(new Set(list.map((c) => c.sourceId)).size);
        expect(origins.length).toBeLessThanOrEqual(new Set(list.map((c) => c.origin)).size);
        expect(independentOrigins([...as, from(extra.sourceId, extra.origin)]).length).toBeGreaterThanOrEqual(origins.length);
        // Citing one source again changes nothing.
        if (as.length) expect(independentOrigins([...as, as[0]!]).length).toBe(origins.length);
      }),
    );
  });
});
