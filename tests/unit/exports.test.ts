import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { claimReviews, jsonLdScript, toJsonLd } from "@/lib/exports/claim-review";
import { toCsv, VERSION_CSV_COLUMNS, versionCsvRows } from "@/lib/exports/csv";
import { contentDisposition, exportFileName } from "@/lib/exports/formats";
import { toJson, versionExportSchema } from "@/lib/exports/json";
import { escapeMarkdown, toMarkdown } from "@/lib/exports/markdown";
import { toPrintHtml } from "@/lib/exports/print-html";
import { CYRILLIC_NAME, exampleSnapshot, KOREAN_NAME } from "../support/snapshots";

const content = exampleSnapshot();
const PAGE = "https://facts.example.org/p/abc";

/** What a spreadsheet-safe cell holds: the text, with an apostrophe before a leading = + - @ tab or CR. */
const safe = (v: string | null) => (v === null ? "" : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe("CSV export", () => {
  const text = toCsv(content);

  it("is RFC 4180: CRLF record ends, a header row, UTF-8 with a byte-order mark", () => {
    expect(text.startsWith("\uFEFFposition,section,claim_id,statement,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/"[^"]*"/g, "").match(/(?<!\r)\n/)).toBeNull();
  });

  it("parses back, every cell equal to the snapshot's data, one row per claim and citation", () => {
    const rows: string[][] = parse(text, { bom: true, relax_column_count: false });
    const [header, ...body] = rows;
    expect(header).toEqual(VERSION_CSV_COLUMNS.map((c) => c.header));
    const expected = versionCsvRows(content);
    // claim 1: one citation, claim 2: two, claim 3: none (one row).
    expect(body).toHaveLength(4);
    expect(expected).toHaveLength(4);
    body.forEach((row, r) => VERSION_CSV_COLUMNS.forEach((column, c) => expect(row[c], `${column.header} of row ${r + 1}`).toBe(safe(column.cell(expected[r]!)))));
    expect(body.map((r) => r[0])).toEqual(["1", "2", "2", "3"]);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    const rows: string[][] = parse(text, { bom: true, columns: true });
    const quotes = rows.map((r) => (r as unknown as Record<string, string>).quote);
    expect(quotes).toContain("'-10 percent +5 @everyone\ttabbed");
    const notes = rows.map((r) => (r as unknown as Record<string, string>).source_title);
    expect(notes).toContain("'@handle post");
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // Multi-line quotes with commas and quotation marks survive whole.
    expect(quotes).toContain(content.claims[1]!.citations[0]!.quote);
  });

  it("is the same bytes for the same snapshot", () => expect(toCsv(exampleSnapshot())).toBe(text));
});

describe("Markdown export", () => {
  const md = toMarkdown(content);
  it("has the title, version, every claim with status, value, sources, quotes and chains", () => {
    expect(md).toMatch(/^# North Korea and the war in Ukraine: the figures\n/);
    expect(md).toContain("Version 2, published 6 Nov 2024 by Factdesk Newsroom.");
    expect(md).toContain("## Troops");
    expect(md).toContain(`### 2. ${KOREAN_NAME} inspected units bound for Kursk, said ${CYRILLIC_NAME}`);
    expect(md).toContain("- **Status:** Disputed");
    expect(md).toContain("- **Value:** 1,001 soldiers, as of 1 Mar 2024");
    expect(md).toContain(`Chain: ${CYRILLIC_NAME} (said at a briefing) → ТАСС`);
    expect(md).toContain("   > \\\"Мы не комментируем\\\"".replace(/\\"/g, '"'));
    expect(md).toContain("[Пресс-конференция (ТАСС), 5 Nov 2024](<https://example.org/tass?a=1&b=2>)");
    expect(md).not.toContain("An unpublished internal claim");
  });
  it("escapes text so a statement cannot become markup", () => {
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("# *bold* [x](y) <b>")).toBe("\\# \\*bold\\* \\[x\\](y) \\<b\\>");
    expect(md).toContain("met the envoy on 12 June; 1. not a list");
  });
});

describe("JSON export", () => {
  it("has the documented shape, without the claims left out of the version", () => {
    const parsed = JSON.parse(toJson(content));
    expect(versionExportSchema.parse(parsed)).toEqual(parsed);
    expect(parsed.sheet).toEqual({ id: content.sheetId, slug: content.slug, title: content.title, summary: content.summary });
    expect(parsed.version.number).toBe(2);
    expect(parsed.claims).toEqual(content.claims);
    expect(JSON.stringify(parsed)).not.toContain("An unpublished internal claim");
  });
});

describe("ClaimReview JSON-LD", () => {
  const context = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../fixtures/schema.org.jsonld"), "utf8"));
  // No network: schema.org's context is a fixture, and any other URL fails the test.
  const documentLoader = async (url: string) => {
    if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: undefined, documentUrl: url, document: context };
    throw new Error(`unexpected fetch of ${url}`);
  };
  const S = "http://schema.org/";
  const one = <T>(node: Record<string, unknown>, key: string) => (node[S + key] as T[])[0]!;
  const value = (node: Record<string, unknown>, key: string) => one<{ "@value": string }>(node, key)["@value"];

  it("expands with a JSON-LD processor to one ClaimReview per claim with the required fields", async () => {
    const expanded = (await jsonld.expand(JSON.parse(toJsonLd(content, PAGE)), { documentLoader })) as Record<string, unknown>[];
    expect(expanded).toHaveLength(content.claims.length);
    expanded.forEach((review, i) => {
      const claim = content.claims[i]!;
      expect(review["@type"]).toEqual([`${S}ClaimReview`]);
      expect(value(review, "claimReviewed")).toBe(claim.statement);
      expect(one<{ "@id": string }>(review, "url")["@id"]).toBe(`${PAGE}#claim-${claim.position}`);
      expect(value(review, "datePublished")).toBe("2024-11-06");
      const author = one<Record<string, unknown>>(review, "author");
      expect(author["@type"]).toEqual([`${S}Organization`]);
      expect(value(author, "name")).toBe("Factdesk Newsroom");
      const rating = one<Record<string, unknown>>(review, "reviewRating");
      expect(rating["@type"]).toEqual([`${S}Rating`]);
      expect(value(rating, "alternateName")).toBe(claim.status === "VERIFIED" ? "Verified" : "Disputed");
      const item = one<Record<string, unknown>>(review, "itemReviewed");
      expect(item["@type"]).toEqual([`${S}Claim`]);
      if (claim.citations.length) {
        expect((item[`${S}appearance`] as unknown[]).length).toBe(claim.citations.length);
        expect(value(one(item, "firstAppearance"), "name")).toBeTruthy();
        expect(value(one(item, "author"), "name")).toBe(claim.citations.find((c) => c.isPrimary)?.chain[0]?.actor ?? claim.citations[0]!.chain[0]!.actor);
      }
    });
  });

  it("names the origin of the chain as the claim's author, a person or an organisation", () => {
    const [first, second] = claimReviews(content, PAGE) as { itemReviewed: { author: unknown; firstAppearance: { name: string } } }[];
    expect(first!.itemReviewed.author).toEqual({ "@type": "Organization", name: "South Korean intelligence" });
    expect(second!.itemReviewed.author).toEqual({ "@type": "Person", name: CYRILLIC_NAME });
    // Said on 5 Nov 2024: before the post of December 2024.
    expect(second!.itemReviewed.firstAppearance.name).toBe("Пресс-конференция");
  });

  it("cannot close its script element", () => {
    const evil = { ...content, claims: [{ ...content.claims[0]!, statement: "</script><script>alert(1)</script>" }] };
    expect(jsonLdScript(evil, PAGE)).not.toContain("</script>");
  });
});

describe("file names and the print page", () => {
  it("names files <slug>-v<n>.<ext>", () => {
    expect(exportFileName(content, "csv")).toBe("north-korea-figures-v2.csv");
    expect(exportFileName(content, "jsonld")).toBe("north-korea-figures-v2.jsonld");
    expect(contentDisposition("north-korea-figures-v2.pdf")).toBe(`attachment; filename="north-korea-figures-v2.pdf"; filename*=UTF-8''north-korea-figures-v2.pdf`);
  });
  it("escapes every text on the print page and loads only the shipped fonts", () => {
    const evil = { ...content, claims: [{ ...content.claims[0]!, statement: "<img src=x onerror=alert(1)>" }] };
    const html = toPrintHtml(evil, "https://fonts.test");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html.match(/(?:href|src)="([^"]+)"/g)).toEqual(['href="https://fonts.test/noto-sans/index.css"', 'href="https://fonts.test/noto-sans-kr/index.css"']);
  });
});
