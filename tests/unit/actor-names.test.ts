import { describe, expect, it } from "vitest";
import { foldName, initialsOf, nearDuplicateReason, nearDuplicates, nearDuplicateTerms } from "@/lib/actor-names";

const OCHA_LONG = "UN Office for the Coordination of Humanitarian Affairs (OCHA)";

describe("near-duplicate actor names", () => {
  it("finds a short form given in brackets, either way round", () => {
    expect(nearDuplicateReason("OCHA", OCHA_LONG)).toBe("“OCHA” is the short form it gives in brackets");
    expect(nearDuplicateReason(OCHA_LONG, "OCHA")).toBe("“OCHA” is the short form you give in brackets");
    expect(nearDuplicateReason("ocha", OCHA_LONG)).not.toBeNull();
  });
  it("finds the long name with and without its short form", () => {
    expect(nearDuplicateReason("UN Office for the Coordination of Humanitarian Affairs", OCHA_LONG)).toBe("the same name, one with a short form in brackets");
    expect(nearDuplicateReason("Office for Humanitarian Affairs (OCHA)", OCHA_LONG)).toBe("both give the same short form in brackets");
  });
  it("finds punctuation, accents and a leading “the”", () => {
    expect(nearDuplicateReason("U.N.", "UN")).not.toBeNull();
    expect(nearDuplicateReason("Jens Lærke", "Jens Laerke")).toBeNull(); // æ is a letter of its own, not an accent
    expect(nearDuplicateReason("José Martínez", "Jose Martinez")).not.toBeNull();
    expect(nearDuplicateReason("The New York Times", "New York Times")).not.toBeNull();
    expect(foldName("The U.N.  Refugee Agency")).toBe("un refugee agency");
  });
  it("finds initials of the words that matter", () => {
    expect(initialsOf("World Health Organization")).toBe("who");
    expect(nearDuplicateReason("WHO", "World Health Organization")).toBe("“WHO” may be its initials");
    expect(nearDuplicateReason("World Health Organization", "WHO")).toBe("“WHO” may be the initials of what you typed");
  });
  it("leaves the same name (one actor already) and different names alone", () => {
    expect(nearDuplicateReason("ocha", "OCHA")).toBeNull();
    expect(nearDuplicateReason("Igor  Korotchenko", "igor korotchenko")).toBeNull();
    expect(nearDuplicateReason("Reuters", "Associated Press")).toBeNull();
    expect(nearDuplicateReason("Jens Laerke", "Residents")).toBeNull();
    expect(nearDuplicateReason("", "OCHA")).toBeNull();
    // A one-word name is not taken for the initials of a one-word name.
    expect(nearDuplicateReason("TASS", "Tass Agency")).toBeNull();
  });
  it("lists the known actors that may be the one typed, with why", () => {
    const known = [{ name: OCHA_LONG }, { name: "OCHA" }, { name: "Reuters" }];
    expect(nearDuplicates("OCHA", known).map((d) => d.actor.name)).toEqual([OCHA_LONG]);
  });
  it("gives the server the substrings to look candidates up by", () => {
    expect(nearDuplicateTerms(OCHA_LONG)).toEqual([OCHA_LONG.toLowerCase(), "un office for the coordination of humanitarian affairs", "ocha", "uocha"]);
    expect(nearDuplicateTerms("OCHA")).toEqual(["ocha"]);
  });
});
