// npm test: every test, against real PostgreSQL and a real browser.
//   1. type check (tsc)
//   2. Vitest unit and integration tests; each integration file gets its own database cloned
//      from a template migrated for this run
//   3. Playwright against the production build, served on its own freshly seeded database
// The databases live on a separate embedded cluster (.data/postgres-test), or on DATABASE_URL's
// server when it is set, and are dropped afterwards: the user's data is never touched.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { onShutdownSignal, openDatabaseServer, type DatabaseServer } from "./lib/database-server";
import { dropDatabase, ensureDatabase } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { ensureBuild, startNext, waitForHttp } from "./lib/next-app";
import { ensurePrismaClient } from "./lib/prisma-generate";

const root = path.resolve(import.meta.dirname, "..");
const bin = (pkg: string, file: string) => path.join(root, "node_modules", pkg, file);
const log = (m: string) => console.log(`\n[test] ${m}`);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const run = randomBytes(4).toString("hex");
const failures: string[] = [];
// `npm test -- tests/integration/sources.test.ts tests/e2e/sources.spec.ts` runs only those files
// (a quicker loop while working); with no arguments, everything runs.
const only = process.argv.slice(2);
const e2eOnly = only.filter((a) => a.includes("tests/e2e"));
const vitestOnly = only.filter((a) => !a.includes("tests/e2e"));
const runVitest = only.length === 0 || vitestOnly.length > 0;
const runE2e = only.length === 0 || e2eOnly.length > 0;

function step(name: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  log(name);
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

let server: DatabaseServer | undefined;
let app: ReturnType<typeof startNext> | undefined;
const databases: string[] = [];

async function cleanUp() {
  await app?.stop();
  if (server) {
    for (const name of databases) await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}
onShutdownSignal(() => void cleanUp().finally(() => process.exit(130)));

function summary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = path.join(root, "test-results/vitest.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  }
  const e2e = path.join(root, "test-results/e2e.json");
  if (existsSync(e2e)) {
    const s = JSON.parse(readFileSync(e2e, "utf8")).stats;
    passed += s.expected;
    failed += s.unexpected + s.flaky;
    skipped += s.skipped;
  }
  return { passed, failed, skipped };
}

try {
  rmSync(path.join(root, "test-results"), { recursive: true, force: true });
  ensurePrismaClient((m) => log(m));
  step("Type check", [bin("typescript", "bin/tsc"), "--noEmit"]);

  server = await openDatabaseServer({ purpose: "test", log: (m) => log(m) });
  if (server.embedded) await ensureDatabase(server.adminUrl, "postgres");
  const template = `factdesk_tpl_${run}`;
  databases.push(template);
  await ensureDatabase(server.adminUrl, template);
  await applyMigrations(server.url(template));

  const testEnv = { ...process.env, TEST_ADMIN_URL: server.adminUrl, TEST_APP_URL: server.appUrlFor("postgres"), TEST_TEMPLATE_DB: template, DATABASE_URL: "" };
  if (runVitest) step("Vitest: unit and integration tests", [bin("vitest", "vitest.mjs"), "run", ...vitestOnly], testEnv);

  if (!runE2e) {
    log("Playwright: not run (only the files named were asked for)");
  } else if (!existsSync(chromium)) {
    failures.push("Playwright");
    console.error(`Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH.`);
  } else {
    log("Playwright: end-to-end tests against the production build");
    const e2eDb = `factdesk_e2e_${run}`;
    databases.push(e2eDb);
    await ensureDatabase(server.adminUrl, e2eDb);
    await applyMigrations(server.url(e2eDb));
    const { createPrismaClient } = await import("../prisma/client");
    const { seedDatabase } = await import("../seeds/load");
    const db = createPrismaClient(server.url(e2eDb), { max: 2 });
    await seedDatabase(db).finally(() => db.$disconnect());

    const appEnv = {
      ...process.env,
      DATABASE_URL: server.appUrlFor(e2eDb),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    await ensureBuild(appEnv, (m) => log(m));
    app = startNext({ mode: "start", port: e2ePort, env: appEnv, quiet: true });
    await waitForHttp(`http://localhost:${e2ePort}/api/health`, 60_000);
    step("Playwright", [bin("@playwright/test", "cli.js"), "test", ...e2eOnly], {
      ...process.env,
      E2E_BASE_URL: `http://localhost:${e2ePort}`,
      CHROMIUM_PATH: chromium,
    });
  }
} catch (e) {
  failures.push(`setup: ${(e as Error).message}`);
  console.error(e);
} finally {
  await cleanUp();
}

const { passed, failed, skipped } = summary();
console.log(`\n[test] ${failures.length ? `Failed: ${failures.join(", ")}` : "All stages passed."}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length || failed ? 1 : 0);
