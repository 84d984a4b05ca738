import { describe, expect, it } from "vitest";
import { noteSchema } from "@/lib/schemas/note";
import { claimSchema } from "@/lib/schemas/claim";
import { sourceSchema } from "@/lib/schemas/source";

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: object) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
};

describe("sourceSchema", () => {
  const valid = { title: "UN General Assembly vote on resolution ES-11/1", kind: "DATASET" };
  it("stores line breaks as \\n, trims the text's edges and keeps its inner spaces exactly", () => {
    const parsed = sourceSchema.parse({ ...valid, fullText: "\r\n  Against: 5\r\nIn\u00a0favour  \n", url: " https://example.org/a ", outlet: " ", language: "en-GB" });
    expect(parsed).toMatchObject({ fullText: "Against: 5\nIn\u00a0favour", url: "https://example.org/a", outlet: undefined, language: "en-GB", publishedApprox: false });
  });
  it("puts each rule on the field to fix", () => {
    expect(errorsOf(sourceSchema, { ...valid, title: "  " })).toEqual({ title: "Give the source its title (at least 3 characters)." });
    expect(errorsOf(sourceSchema, { ...valid, kind: "BLOG" })).toEqual({ kind: "Choose what kind of source this is." });
    for (const url of ["ftp://example.org/x", "javascript:alert(1)", "example.org", "https://"]) {
      expect(errorsOf(sourceSchema, { ...valid, url }), url).toEqual({ url: "Enter a web address starting with http:// or https://." });
    }
    expect(errorsOf(sourceSchema, { ...valid, publishedAt: "2022-08-01" })).toEqual({ publishedPrecision: "Say how precisely the date is known." });
    expect(errorsOf(sourceSchema, { ...valid, publishedAt: "1 Aug 2022", publishedPrecision: "DAY" })).toEqual({ publishedAt: "Enter a date as YYYY-MM-DD." });
    expect(errorsOf(sourceSchema, { ...valid, language: "English" })).toEqual({ language: "Use a language code, like en, ru or uk." });
    expect(errorsOf(sourceSchema, { ...valid, fullText: "x".repeat(500_001) })).toEqual({ fullText: "Keep the text under 500,000 characters." });
  });
});

describe("noteSchema", () => {
  const claimId = "0190a5f0-0000-7000-8000-000000000001";
  const sourceId = "0190a5f0-0000-7000-8000-000000000002";
  it("takes a note on a claim, or on a passage of a source", () => {
    expect(noteSchema.parse({ claimId, body: " Check the date. " })).toMatchObject({ claimId, body: "Check the date." });
    expect(noteSchema.parse({ sourceId, body: "Official name.", quote: "Democratic", startOffset: 3, endOffset: 13 })).toMatchObject({ startOffset: 3, endOffset: 13 });
  });
  it("puts each rule on the field to fix", () => {
    expect(errorsOf(noteSchema, { claimId, body: "" })).toEqual({ body: "Write the note." });
    expect(errorsOf(noteSchema, { body: "Orphan" })).toEqual({ body: "A note belongs to one claim or to one passage of a source." });
    expect(errorsOf(noteSchema, { claimId, sourceId, body: "Both", quote: "x" })).toMatchObject({ body: "A note belongs to one claim or to one passage of a source." });
    expect(errorsOf(noteSchema, { sourceId, body: "Where?" })).toEqual({ quote: "Select the passage the note is about." });
    expect(errorsOf(noteSchema, { sourceId, body: "Half", quote: "x", startOffset: 3 })).toEqual({ startOffset: "Give both offsets of the passage, or neither." });
  });
});

describe("claimSchema: speaker", () => {
  it("asks an attributed statement who made it, and no other kind", () => {
    const statement = { statement: "Matsegora said North Korea receives nothing in return.", kind: "ATTRIBUTED_STATEMENT" };
    expect(errorsOf(claimSchema, statement)).toEqual({ speakerName: "Name who made the statement." });
    expect(claimSchema.parse({ ...statement, speakerName: " Alexander  Matsegora " }).speakerName).toBe("Alexander  Matsegora");
    expect(errorsOf(claimSchema, { ...statement, kind: "EVENT" })).toEqual({});
  });
});
