import { describe, expect, it } from "vitest";
import { diffVersions, isEmptyDiff, type DiffClaim } from "@/lib/factsheets/diff";
import { describeReasons, isPublishable, splitPublishable, unpublishableReasons } from "@/lib/factsheets/publishability";
import { slugify } from "@/lib/schemas/factsheet";

describe("publishability", () => {
  it("publishes only verified claims with no open conflict", () => {
    expect(unpublishableReasons({ status: "VERIFIED", openConflicts: 0 })).toEqual([]);
    expect(isPublishable({ status: "VERIFIED", openConflicts: 0 })).toBe(true);
    expect(unpublishableReasons({ status: "VERIFIED", openConflicts: 1 })).toEqual(["OPEN_CONFLICT"]);
    for (const status of ["UNVERIFIED", "IN_REVIEW", "DISPUTED", "FALSE"] as const) {
      expect(unpublishableReasons({ status, openConflicts: 0 })).toEqual(["NOT_VERIFIED"]);
    }
    expect(unpublishableReasons({ status: "RETRACTED", openConflicts: 0 })).toEqual(["RETRACTED"]);
    expect(unpublishableReasons({ status: "IN_REVIEW", openConflicts: 2 })).toEqual(["NOT_VERIFIED", "OPEN_CONFLICT"]);
    expect(describeReasons(["NOT_VERIFIED", "OPEN_CONFLICT"])).toBe("not verified, open conflict");
  });

  it("splits a sheet in order, keeping the reasons of those left out", () => {
    const claims = [
      { id: "a", status: "VERIFIED", openConflicts: 0 },
      { id: "b", status: "RETRACTED", openConflicts: 1 },
      { id: "c", status: "VERIFIED", openConflicts: 0 },
    ] as const;
    const { published, omitted } = splitPublishable(claims);
    expect(published.map((c) => c.id)).toEqual(["a", "c"]);
    expect(omitted).toEqual([{ claim: claims[1], reasons: ["RETRACTED", "OPEN_CONFLICT"] }]);
  });
});

describe("diffVersions", () => {
  const claim = (id: string, extra: Partial<DiffClaim> = {}): DiffClaim => ({ id, statement: `Claim ${id}`, status: "VERIFIED", valueText: "5 countries", position: 1, ...extra });

  it("finds nothing between equal versions", () => {
    const d = diffVersions([claim("a"), claim("b")], [claim("a"), claim("b")]);
    expect(isEmptyDiff(d)).toBe(true);
  });

  it("lists claims added and removed, and changes of statement, value and status", () => {
    const d = diffVersions(
      [claim("a"), claim("b"), claim("c")],
      [claim("a", { valueText: "6 countries" }), claim("c", { statement: "Claim c, reworded", status: "DISPUTED" }), claim("d")],
    );
    expect(d.added.map((c) => c.id)).toEqual(["d"]);
    expect(d.removed.map((c) => c.id)).toEqual(["b"]);
    expect(d.changed).toEqual([
      { id: "a", statement: "Claim a", changes: [{ field: "value", from: "5 countries", to: "6 countries" }] },
      {
        id: "c",
        statement: "Claim c, reworded",
        changes: [
          { field: "statement", from: "Claim c", to: "Claim c, reworded" },
          { field: "status", from: "VERIFIED", to: "DISPUTED" },
        ],
      },
    ]);
    expect(d.reordered).toBe(false);
  });

  it("notices the same claims in another order, but not an order shifted by an addition", () => {
    expect(diffVersions([claim("a"), claim("b")], [claim("b"), claim("a")]).reordered).toBe(true);
    expect(diffVersions([claim("a"), claim("b")], [claim("x"), claim("a"), claim("b")]).reordered).toBe(false);
  });
});

describe("slugify", () => {
  it("makes a readable address from a title", () => {
    expect(slugify("North Korea and the war in Ukraine: the figures")).toBe("north-korea-and-the-war-in-ukraine-the-figures");
    expect(slugify("Économie — São Paulo")).toBe("economie-sao-paulo");
    expect(slugify("Война")).toBe("fact-sheet");
  });
});
