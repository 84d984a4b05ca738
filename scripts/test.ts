// npm test: every test, against real PostgreSQL and a real browser.
//   1. type check (tsc)
//   2. Vitest unit and integration tests; each integration file gets its own database cloned
//      from a template migrated for this run
//   3. Playwright against the production build, served on its own freshly seeded database, with a
//      job worker beside it as `npm start` runs one (PDF_JOB_MIN_CLAIMS=1: every PDF is a job)
// The databases live on a separate embedded cluster (.data/postgres-test), or on DATABASE_URL's
// server when it is set, and are dropped afterwards: the user's data is never touched.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./lib/browser";
import { openDatabaseServer, type DatabaseServer } from "./lib/database-server";
import { dropDatabase, ensureDatabase } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { ensureBuild, startNext, stopBuild, waitForHttp } from "./lib/next-app";
import { onShutdown } from "./lib/lifecycle";
import { ensurePrismaClient } from "./lib/prisma-generate";

const root = path.resolve(import.meta.dirname, "..");
const bin = (pkg: string, file: string) => path.join(root, "node_modules", pkg, file);
const log = (m: string) => console.log(`\n[test] ${m}`);
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const run = randomBytes(4).toString("hex");
const failures: string[] = [];
const timings: [string, number][] = [];
let chromium: string | undefined;
// `npm test -- tests/integration/sources.test.ts tests/e2e/sources.spec.ts` runs only those files
// (a quicker loop while working); with no arguments, everything runs.
const only = process.argv.slice(2);
const e2eOnly = only.filter((a) => a.includes("tests/e2e"));
const vitestOnly = only.filter((a) => !a.includes("tests/e2e"));
const runVitest = only.length === 0 || vitestOnly.length > 0;
const runE2e = only.length === 0 || e2eOnly.length > 0;

let current: ChildProcess | undefined;
let stopping = false;

/** Runs one stage in its own process group (so a shutdown can stop it with its workers), asynchronously (so signals are heard meanwhile). */
async function step(name: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  if (stopping) return false;
  log(name);
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit", detached: true });
  current = child;
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  current = undefined;
  timings.push([name, (performance.now() - started) / 1000]);
  if (code !== 0) failures.push(name);
  return code === 0;
}

let server: DatabaseServer | undefined;
let app: ReturnType<typeof startNext> | undefined;
let jobs: { stop(): Promise<void> } | undefined;
const databases: string[] = [];

async function cleanUp() {
  await stopBuild();
  if (current?.pid && current.exitCode === null) {
    const stage = current;
    try {
      process.kill(-stage.pid!, "SIGTERM");
    } catch {}
    await new Promise((resolve) => (stage.exitCode !== null ? resolve(null) : stage.once("exit", resolve)));
  }
  await jobs?.stop();
  await app?.stop();
  if (server) {
    for (const name of databases) await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}
onShutdown((reason) => {
  stopping = true;
  log(`Stopping (${reason}): the app, the test databases and PostgreSQL…`);
  void cleanUp().finally(() => process.exit(130));
});

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};
type PlaywrightSuite = {
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};

/**
 * A failure's first three lines and its last three, colour codes dropped: enough to name it at the
 * end of a long log (CI shows only the tail), and a run's output ends with what went wrong.
 */
const gist = (message = "") => {
  // Vitest's message carries the stack: its "at …" lines are not what went wrong.
  const lines = message.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((l) => l.trim() && !/^\s*at /.test(l));
  const shown = lines.length > 7 ? [...lines.slice(0, 3), "…", ...lines.slice(-3)] : lines;
  return shown.map((l) => `      ${l.trim().slice(0, 300)}`).join("\n");
};

function summary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failedTests: string[] = [];
  const vitest = path.join(root, "test-results/vitest.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8")) as VitestReport;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    for (const file of r.testResults) {
      const where = path.relative(root, file.name);
      const tests = file.assertionResults.filter((t) => t.status === "failed");
      for (const t of tests) failedTests.push(`  ${where} › ${t.fullName}\n${gist(t.failureMessages[0])}`);
      // A file that failed to load or in a hook has no failed test of its own.
      if (!tests.length && file.message) failedTests.push(`  ${where}\n${gist(file.message)}`);
    }
  }
  const e2e = path.join(root, "test-results/e2e.json");
  if (existsSync(e2e)) {
    const report = JSON.parse(readFileSync(e2e, "utf8")) as PlaywrightSuite & { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    const s = report.stats;
    passed += s.expected;
    failed += s.unexpected + s.flaky;
    skipped += s.skipped;
    const walk = (suite: PlaywrightSuite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests)
          if (t.status === "unexpected" || t.status === "flaky")
            failedTests.push(`  ${spec.file}:${spec.line} › ${spec.title}${t.status === "flaky" ? " (flaky: passed on retry)" : ""}\n${gist(t.results.find((x) => x.error)?.error?.message)}`);
      suite.suites?.forEach(walk);
    };
    walk(report);
  }
  return { passed, failed, skipped, failedTests };
}

try {
  rmSync(path.join(root, "test-results"), { recursive: true, force: true });
  ensurePrismaClient((m) => log(m));
  // The browser first, so a machine without one learns it at once (and gets one) rather than after the unit tests.
  if (runE2e) chromium = ensureChromium((m) => log(m));
  await step("Type check", [bin("typescript", "bin/tsc"), "--noEmit"]);

  server = await openDatabaseServer({ purpose: "test", log: (m) => log(m) });
  if (server.embedded) await ensureDatabase(server.adminUrl, "postgres");
  const template = `factdesk_tpl_${run}`;
  databases.push(template);
  await ensureDatabase(server.adminUrl, template);
  await applyMigrations(server.url(template));

  const testEnv = { ...process.env, TEST_ADMIN_URL: server.adminUrl, TEST_APP_URL: server.appUrlFor("postgres"), TEST_TEMPLATE_DB: template, DATABASE_URL: "" };
  if (runVitest) await step("Vitest: unit and integration tests", [bin("vitest", "vitest.mjs"), "run", ...vitestOnly], testEnv);

  if (stopping) throw new Error("stopped by a signal");
  if (!runE2e) {
    log("Playwright: not run (only the files named were asked for)");
  } else if (!chromium) {
    failures.push("Playwright (no browser)");
  } else {
    log("Playwright: end-to-end tests against the production build");
    const e2eDb = `factdesk_e2e_${run}`;
    databases.push(e2eDb);
    await ensureDatabase(server.adminUrl, e2eDb);
    await applyMigrations(server.url(e2eDb));
    const { createPrismaClient } = await import("../prisma/client");
    const { seedDatabase } = await import("../seeds/load");
    const { seedPublication } = await import("../seeds/publication");
    const db = createPrismaClient(server.url(e2eDb), { max: 2 });
    await seedDatabase(db)
      .then(() => seedPublication(db))
      .finally(() => db.$disconnect());

    const appEnv = {
      ...process.env,
      DATABASE_URL: server.appUrlFor(e2eDb),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      PDF_JOB_MIN_CLAIMS: "1",
    };
    await ensureBuild(appEnv, (m) => log(m));
    if (stopping) throw new Error("stopped by a signal");
    app = startNext({ mode: "start", port: e2ePort, env: appEnv, quiet: true });
    await waitForHttp(`http://localhost:${e2ePort}/api/health`, 60_000);
    const { startJobWorker } = await import("./lib/jobs");
    // As the app's own role, like the worker `npm start` runs.
    const jobsDb = createPrismaClient(server.appUrlFor(e2eDb), { max: 3 });
    const runner = await startJobWorker(server.appUrlFor(e2eDb), jobsDb);
    jobs = { stop: () => runner.stop().finally(() => jobsDb.$disconnect()) };
    // Named files run alone: the proof project's dependency on every other browser test (playwright.config.ts) is for whole runs.
    await step("Playwright", [bin("@playwright/test", "cli.js"), "test", ...(e2eOnly.length ? ["--no-deps", ...e2eOnly] : [])], {
      ...process.env,
      E2E_BASE_URL: `http://localhost:${e2ePort}`,
      // The proofs from outside count rows before and after a refused request: as the owner, beside the app.
      E2E_DATABASE_URL: server.url(e2eDb),
      CHROMIUM_PATH: chromium,
    });
  }
  // The whole suite also runs the reliability checks and the benchmark's smoke test (its figures are not asserted).
  if (only.length === 0) {
    await jobs?.stop();
    jobs = undefined;
    await app?.stop();
    app = undefined;
    for (const [name, script, ...args] of [["Outage check", "scripts/outage.ts"], ["Two instances", "scripts/two-instances.ts"], ["Benchmark smoke test", "scripts/bench.ts", "--quick", "--instances=1"]]) {
      await step(name!, ["--conditions=react-server", "--import", "tsx", script!, ...args]);
    }
  }
} catch (e) {
  failures.push(`setup: ${(e as Error).message}`);
  console.error(e);
} finally {
  await cleanUp();
}

const { passed, failed, skipped, failedTests } = summary();
if (failedTests.length) console.log(`\n[test] Failed tests:\n${failedTests.join("\n")}`);
// The whole run must stay under 20 minutes on a 2-core machine: each stage's share, to see where it goes.
console.log(`\n[test] ${timings.map(([name, s]) => `${name} ${Math.round(s)} s`).join(", ")}; in all ${Math.round(performance.now() / 1000)} s`);
console.log(`\n[test] ${failures.length ? `Failed: ${failures.join(", ")}` : "All stages passed."}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length || failed ? 1 : 0);
