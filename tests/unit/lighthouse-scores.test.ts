import { describe, expect, it } from "vitest";
import { notScored, scoresOf, type LighthouseResult } from "../../scripts/lib/lighthouse-scores";

// How `npm run audit` reads Lighthouse's results: a category Lighthouse could not score is said to
// be so, with the audit that failed to run, rather than read as a score of 0.
const result = (over: Partial<LighthouseResult> = {}): LighthouseResult => ({
  categories: {
    performance: { score: 0.997, auditRefs: [{ id: "largest-contentful-paint", weight: 25 }, { id: "layout-shifts", weight: 0 }] },
    accessibility: { score: 1, auditRefs: [{ id: "color-contrast", weight: 7 }] },
  },
  audits: {
    "largest-contentful-paint": { scoreDisplayMode: "numeric" },
    // Fails on every page with this Chromium's traces, and weighs nothing.
    "layout-shifts": { scoreDisplayMode: "error", errorMessage: "Cannot read properties of undefined (reading 'frame_sequence')" },
    "color-contrast": { scoreDisplayMode: "binary" },
  },
  ...over,
});

describe("reading a Lighthouse result", () => {
  it("scores each category out of 100, and finds nothing wrong when an unweighed audit failed", () => {
    expect(scoresOf(result())).toEqual({ performance: 100, accessibility: 100 });
    expect(notScored(result())).toEqual([]);
  });

  it("keeps an unscored category as null and names the weighed audit that could not run", () => {
    const failed = result({
      categories: { ...result().categories, performance: { ...result().categories.performance!, score: null } },
      audits: { ...result().audits, "largest-contentful-paint": { scoreDisplayMode: "error", errorMessage: "NO_LCP" } },
    });
    expect(scoresOf(failed)).toEqual({ performance: null, accessibility: 100 });
    expect(notScored(failed)).toEqual(["largest-contentful-paint: NO_LCP"]);
  });

  it("names a runtime error (a page that did not load)", () => {
    const errored = result({ runtimeError: { code: "ERRORED_DOCUMENT_REQUEST", message: "Status code: 404" } });
    expect(notScored(errored)).toEqual(["ERRORED_DOCUMENT_REQUEST: Status code: 404"]);
  });
});
