import { describe, expect, it } from "vitest";
import { independentOrigins, isIndependentlyCorroborated, originOf } from "@/lib/independence";

const chain = (...actors: string[]) => ({ chain: actors.map((actorId, position) => ({ actorId, position })) });

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
    expect(isIndependentlyCorroborated([chain("a"), { chain: [] }])).toBe(false);
  });
});
