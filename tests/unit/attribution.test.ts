import { describe, expect, it } from "vitest";
import { linkLabel, repeatedLinks } from "@/lib/attribution";
import { displayName, nameKey } from "@/lib/name-keys";
import { citationSchema } from "@/lib/schemas/citation";
import { escapeLike, searchText } from "@/lib/search";

describe("names", () => {
  it("make one key of a name however it is typed", () => {
    expect(nameKey("  Igor   Korotchenko ")).toBe("igor korotchenko");
    expect(nameKey("IGOR\u00a0KOROTCHENKO")).toBe("igor korotchenko");
    expect(nameKey("Ｃhannel One")).toBe("channel one");
  });
  it("show a name trimmed with single spaces, keeping its case", () => {
    expect(displayName("  New  York\tPost ")).toBe("New York Post");
  });
});

describe("attribution chains", () => {
  it("label each link by its place: origin first, nearest reporter last", () => {
    expect([0, 1, 2].map((i) => linkLabel(i, 3))).toEqual(["Link 1 (origin)", "Link 2", "Link 3 (nearest reporter)"]);
    expect(linkLabel(0, 1)).toBe("Link 1 (origin and reporter)");
  });
  it("find a link that repeats the one before it, however it is typed", () => {
    expect(repeatedLinks([{ actorName: "Channel One" }, { actorName: "channel  one" }, { actorName: "New York Post" }, { actorName: "Channel One" }])).toEqual([1]);
  });
});

describe("citationSchema", () => {
  const valid = {
    claimId: "0190a5f0-0000-7000-8000-000000000001",
    claimVersion: "3",
    sourceId: "0190a5f0-0000-7000-8000-000000000002",
    quote: "  Against: 5 ",
    stance: "SUPPORTS",
    chain: [
      { actorName: " United  Nations General Assembly", actorKind: "ORGANIZATION", relation: " recorded the vote " },
      { actorName: "National Review", actorKind: "OUTLET", relation: "" },
    ],
  };
  const errorsOf = (input: object) => {
    const r = citationSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("normalises the chain's names and relations and keeps the quote's inner words exact", () => {
    const parsed = citationSchema.parse(valid);
    expect(parsed.quote).toBe("Against: 5");
    expect(parsed.claimVersion).toBe(3);
    expect(parsed.isPrimary).toBe(false);
    expect(parsed.chain).toEqual([
      { actorName: "United Nations General Assembly", actorKind: "ORGANIZATION", relation: "recorded the vote" },
      { actorName: "National Review", actorKind: "OUTLET", relation: undefined },
    ]);
  });
  it("puts each rule on the field to fix", () => {
    expect(errorsOf({ ...valid, chain: [] })).toEqual({ chain: "Add at least one link: who first said it." });
    expect(errorsOf({ ...valid, quote: "   " })).toEqual({ quote: "Give the exact words from the source." });
    expect(errorsOf({ ...valid, startOffset: 4 })).toEqual({ startOffset: "Give both offsets of the passage, or neither." });
    expect(errorsOf({ ...valid, startOffset: 4, endOffset: 4 })).toEqual({ endOffset: "The passage must end after it starts." });
    expect(errorsOf({ ...valid, startOffset: -1, endOffset: 4 })).toEqual({ startOffset: "Offsets start at 0." });
    expect(errorsOf({ ...valid, saidOn: "2022-07-01" })).toEqual({ saidPrecision: "Say how precisely the date is known." });
    expect(errorsOf({ ...valid, saidOn: "July", saidPrecision: "MONTH" })).toEqual({ saidOn: "Enter a date as YYYY-MM-DD." });
    expect(errorsOf({ ...valid, stance: "AGREES" })).toEqual({ stance: "Say whether the source supports, contradicts or only mentions the claim." });
    expect(errorsOf({ ...valid, sourceId: "" })).toEqual({ sourceId: "Choose a source." });
    expect(errorsOf({ ...valid, chain: [{ ...valid.chain[0], actorName: "  " }] })).toEqual({ "chain.0.actorName": "Name who said it or passed it on." });
    expect(errorsOf({ ...valid, chain: [{ ...valid.chain[0], actorKind: "" }] })).toEqual({ "chain.0.actorKind": "Choose what kind of actor this is." });
    expect(errorsOf({ ...valid, chain: [valid.chain[0], { ...valid.chain[0], actorName: "united nations general assembly" }] })).toEqual({
      "chain.1.actorName": "Link 2 (nearest reporter) repeats the link before it: each link passes the statement to someone else.",
    });
    expect(errorsOf({ ...valid, chain: Array.from({ length: 13 }, (_, i) => ({ actorName: `Actor ${i}`, actorKind: "PERSON" })) })).toEqual({ chain: "Keep the chain to 12 links." });
  });
});

describe("search text", () => {
  it("matches % and _ literally and tidies what was typed", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(searchText("  North   Korea ")).toBe("North Korea");
    expect(searchText(undefined)).toBe("");
    expect(searchText("x".repeat(300))).toHaveLength(200);
  });
});
