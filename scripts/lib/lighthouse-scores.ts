// How `npm run audit` reads a Lighthouse result: each category's score out of 100, and why a
// category has none.

/** The parts of a Lighthouse result (LHR) read here. */
export interface LighthouseResult {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { scoreDisplayMode?: string; errorMessage?: string }>;
}

/** Each category's score out of 100; null for a category Lighthouse could not score. */
export function scoresOf(lhr: LighthouseResult): Record<string, number | null> {
  return Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score === null ? null : Math.round(c.score * 100)]));
}

/**
 * Why a category has no score: a runtime error, or a weighed audit of it that could not run (one
 * such audit leaves its category unscored). That is a failure of the measurement, not a score
 * (once in eight runs on 5 Dec, the public sheet's performance and best practices). Unweighed
 * audits that fail (some do on every page with this Chromium's traces) do not count.
 */
export function notScored(lhr: LighthouseResult): string[] {
  return [
    ...(lhr.runtimeError ? [`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`] : []),
    ...Object.values(lhr.categories)
      .filter((c) => c.score === null)
      .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.scoreDisplayMode === "error"))
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]!.errorMessage ?? "no reason given"}`),
  ];
}
