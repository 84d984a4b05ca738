import { afterAll, describe, expect, it } from "vitest";
import { closePdfBrowser, renderPdf } from "@/lib/server/pdf";
import { ACCENTED_NAME, CYRILLIC_NAME, exampleSnapshot, KOREAN_NAME } from "../support/snapshots";
import { pdfText } from "../support/pdf-text";

afterAll(() => closePdfBrowser());

// Text as PDF.js gives it back: runs of whitespace (line wraps) read as one space.
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("PDF export", () => {
  it("is a real PDF with the title, version, date and every claim with status, value, sources, quotes and chains", async () => {
    const content = exampleSnapshot();
    const pdf = await renderPdf(content);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = flat(await pdfText(pdf));
    expect(text).toContain(content.title);
    expect(text).toContain("Version 2 · published 6 Nov 2024 by Factdesk Newsroom");
    for (const claim of content.claims) {
      expect(text).toContain(`${claim.position}. ${flat(claim.statement)}`);
      for (const c of claim.citations) {
        expect(text).toContain(flat(c.quote));
        expect(text).toContain(c.source.title);
      }
    }
    expect(text).toContain("Disputed");
    expect(text).toContain("1,001 soldiers, as of 1 Mar 2024");
    expect(text).toContain(`Chain: ${CYRILLIC_NAME} (said at a briefing) → ТАСС`);
    expect(text).toContain("South Korean intelligence (briefed) → Reuters");
    // Cyrillic, Hangul and accented Latin come back as the same characters (the fonts cover them).
    expect(text).toContain(CYRILLIC_NAME);
    expect(text).toContain(KOREAN_NAME);
    expect(text).toContain("북한군");
    expect(text).toContain(ACCENTED_NAME);
    expect(text).not.toContain("An unpublished internal claim");
  });
});
