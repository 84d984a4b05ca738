// npm run audit: Lighthouse 12.2.3 (desktop settings) with the local Chromium against the
// production build on a seeded scratch database: the login page signed out, then the dashboard,
// the claims list and a claim page signed in as an editor, and the seed's published fact sheet by
// its public link, signed out. Prints performance, accessibility and
// best-practices scores against the targets (95 / 100 / 95), writes bench/results/lighthouse.json,
// and exits 1 when a score misses its target.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { withScratchDatabase } from "./lib/bench";
import { CHROMIUM_ARGS, ensureChromium, HOW_TO_GET_CHROMIUM } from "./lib/browser";
import { startServer } from "./lib/bench-http";
import { signIn } from "./lib/http-session";
import { notScored, scoresOf } from "./lib/lighthouse-scores";
import { ensureBuild } from "./lib/next-app";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.AUDIT_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 9);
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95 } as const;

await withScratchDatabase("factdesk_audit", async (db, url) => {
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: "audit-secret-audit-secret-audit-secret", AUTH_TRUST_HOST: "true" };
  await ensureBuild(env, console.log);
  const chromePath = process.env.CHROMIUM_PATH ?? ensureChromium(console.log);
  if (!chromePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const server = startServer({ port, env });
  const chrome = await launch({ chromePath, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    await server.ready();
    const cookie = await signIn(server.url, "editor@factdesk.test", "editor-demo-password");
    const claim = await db.claim.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true } });
    const { seedPublication } = await import("../seeds/publication");
    const { token } = await seedPublication(db);
    if (!token) throw new Error("The scratch database had a published sheet already: no public link to audit.");
    const pages = [
      { name: "login (signed out)", path: "/login", signedIn: false },
      { name: "dashboard", path: "/", signedIn: true },
      { name: "claims list", path: "/claims", signedIn: true },
      { name: "claim page", path: `/claims/${claim.id}`, signedIn: true },
      { name: "public fact sheet", path: `/p/${token}`, signedIn: false },
    ];
    const results: { page: string; path: string; scores: Record<string, number | null>; notScored?: string[] }[] = [];
    let missed = false;
    const audit = async (p: (typeof pages)[number]) => {
      const run = await lighthouse(
        `${server.url}${p.path}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(TARGETS), extraHeaders: p.signedIn ? { Cookie: cookie } : undefined },
        desktopConfig,
      );
      if (!run) throw new Error(`Lighthouse returned nothing for ${p.path}`);
      return { lhr: run.lhr, notScored: notScored(run.lhr) };
    };
    for (const p of pages) {
      // A page Lighthouse could not score is audited once more.
      let { lhr, notScored: reasons } = await audit(p);
      if (reasons.length) {
        console.log(`${p.name.padEnd(20)} Lighthouse could not score it (${reasons.join("; ")}): auditing it again`);
        ({ lhr, notScored: reasons } = await audit(p));
      }
      // A category still without a score is stored as null, with the reason, and counts as missed.
      const scores = scoresOf(lhr);
      const misses = Object.entries(TARGETS).filter(([k, target]) => (scores[k] ?? 0) < target);
      missed ||= misses.length > 0;
      results.push({ page: p.name, path: p.path, scores, ...(reasons.length ? { notScored: reasons } : {}) });
      const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual");
      const shown = (k: string) => scores[k] ?? "none";
      console.log(
        `${p.name.padEnd(20)} performance ${shown("performance")}  accessibility ${shown("accessibility")}  best practices ${shown("best-practices")}` +
          (misses.length ? `  (below target: ${misses.map(([k]) => k).join(", ")}; audits: ${failing.map((a) => a.id).slice(0, 6).join(", ")})` : "") +
          (reasons.length ? `  (Lighthouse could not score it: ${reasons.join("; ")})` : "") +
          (misses.length && lhr.runWarnings.length ? `  (warnings: ${lhr.runWarnings.join(" ")})` : ""),
      );
    }
    mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    writeFileSync(path.join(root, "bench", "results", "lighthouse.json"), JSON.stringify({ at: new Date().toISOString(), targets: TARGETS, results }, null, 2));
    if (missed) process.exitCode = 1;
  } finally {
    chrome.kill();
    await server.stop();
  }
});
