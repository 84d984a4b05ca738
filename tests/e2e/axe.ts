// The axe-core scan, run in the page itself. @axe-core/playwright's analyze() injects axe into
// every frame again on each call and finishes each run in a new blank page (for cross-origin
// frames, which no page here has): about 2 s a scan. Injected once per loaded page and run there,
// the same rules take about a quarter of that (measured on 14 pages: 29.0 s against 7.6 s).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
export const TAGS = [...WCAG, "best-practice"];

/** What to check: every rule of the tags, those without colour contrast, or colour contrast alone. */
export type Scan = "all" | "no-contrast" | "contrast";

/** axe's violations on the loaded page (axe is injected once per document). */
export async function axeViolations(page: Page, scan: Scan = "all", tags: string[] = TAGS): Promise<AxeResults["violations"]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const options: RunOptions = {
    runOnly: scan === "contrast" ? { type: "rule", values: ["color-contrast"] } : { type: "tag", values: tags },
    rules: scan === "no-contrast" ? { "color-contrast": { enabled: false } } : {},
    resultTypes: ["violations"],
  };
  return page.evaluate((o) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, o).then((r) => r.violations), options);
}

/** The findings that block: serious and critical, each with where it is. */
export async function blockingViolations(page: Page, scan: Scan = "all", tags: string[] = TAGS) {
  return (await axeViolations(page, scan, tags))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary?.split("\n")[1] ?? ""}`).join("\n")}`);
}
