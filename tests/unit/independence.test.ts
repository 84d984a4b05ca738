import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { independentOrigins, isIndependentlyCorroborated, originOf, originRoles } from "@/lib/independence";

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

describe("originRoles", () => {
  const cite = (sourceId: string, stance: "SUPPORTS" | "CONTRADICTS" | "MENTIONS", ...actors: string[]) => ({ ...from(sourceId, ...actors), stance });
  it("says which origin each citation counts as, and why one does not count", () => {
    expect(
      originRoles([
        cite("wire", "SUPPORTS", "ocha", "wire"),
        cite("ministry", "SUPPORTS", "health-ministry"),
        cite("paper", "SUPPORTS", "ocha", "paper"),
        cite("blog", "MENTIONS", "blogger"),
        cite("notes", "SUPPORTS"),
      ]),
    ).toEqual([
      { counts: true, origin: "ocha" },
      { counts: true, origin: "health-ministry" },
      { counts: false, origin: "ocha", why: "same-origin" },
      { counts: false, origin: "blogger", why: "not-supporting" },
      { counts: false, origin: null, why: "no-chain" },
    ]);
  });
  it("counts a source once: its second origin does not count when the first is counted from it", () => {
    const roles = originRoles([cite("one", "SUPPORTS", "a"), cite("one", "SUPPORTS", "b")]);
    expect(roles.filter((r) => r.counts)).toHaveLength(1);
    expect(roles.find((r) => !r.counts)).toMatchObject({ why: "same-source" });
  });
  it("agrees with independentOrigins on how many origins count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom("s1", "s2", "s3"), o: fc.constantFrom("a", "b", "c", "d"), stance: fc.constantFrom("SUPPORTS" as const, "MENTIONS" as const) }), { maxLength: 8 }),
        (rows) => {
          const citations = rows.map((r) => cite(r.s, r.stance, r.o));
          const counted = new Set(originRoles(citations).flatMap((r) => (r.counts ? [r.origin] : [])));
          expect(counted.size).toBe(independentOrigins(citations.filter((c) => c.stance === "SUPPORTS")).length);
        },
      ),
    );
  });
});
