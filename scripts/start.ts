// npm start: everything a fresh clone needs. Starts PostgreSQL (embedded unless DATABASE_URL is
// set), applies migrations, seeds an empty database, builds the app when its build is missing or
// stale, and serves it. Ctrl-C stops the app and the embedded PostgreSQL cleanly.
// npm run dev: the same, with `next dev` instead of a production build.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedUsers } from "../seeds/data";
import { ensureBuild, startNext, stopBuild, waitForHttp } from "./lib/next-app";
import { dataDir, openDatabaseServer, type DatabaseServer } from "./lib/database-server";
import { privilegeWarnings } from "./lib/database-roles";
import { ensureDatabase } from "./lib/embedded-postgres";
import { portInUse } from "./lib/ports";
import { prepareEmptyDatabase } from "./lib/first-start";
import { onShutdown } from "./lib/lifecycle";
import { applyMigrations } from "./lib/migrate";
import { ensurePrismaClient } from "./lib/prisma-generate";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (m: string) => console.log(`[factdesk] ${m}`);

/** Auth.js signs sessions with AUTH_SECRET; without one, keep a random secret in .data so sessions survive restarts. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let server: DatabaseServer | undefined;
let app: ReturnType<typeof startNext> | undefined;
let jobs: { stop(): Promise<void> } | undefined;
let shuttingDown = false;
/** Start-up, while it runs: a stop waits for the step in progress to end (each ends it at `stopHere`). */
let starting: Promise<void> | undefined;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("Stopping…");
  await stopBuild();
  // Otherwise what that step opens (PostgreSQL, the app, the worker) could be left running, and the
  // step would meet a database stopped under it.
  await starting?.catch(() => {});
  await jobs?.stop();
  await app?.stop();
  await server?.stop();
  log("Stopped.");
  process.exit(code);
}
onShutdown(() => void shutdown(0));

/** Start-up's end when a stop has begun: called after each step, once what it opened is where shutdown finds it. */
const STOPPED = new Error("stopped during start-up");
function stopHere() {
  if (shuttingDown) throw STOPPED;
}

async function serve() {
  if (await portInUse(port, process.env.HOST ?? "0.0.0.0")) {
    throw new Error(`Port ${port} is already in use (another copy of the app?): stop what listens there, or start on another port with PORT=${port + 1} npm start.`);
  }
  ensurePrismaClient(log);
  server = await openDatabaseServer({ log });
  stopHere();
  if (server.embedded) await ensureDatabase(server.adminUrl, "factdesk");
  stopHere();
  log(server.embedded ? `Using the embedded PostgreSQL (data in ${path.relative(root, dataDir) || dataDir}/postgres).` : "Using the PostgreSQL at DATABASE_URL.");
  const applied = await applyMigrations(server.ownerUrl, log);
  stopHere();
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  for (const w of await privilegeWarnings(server.appUrl)) log(`WARNING: ${w}. Give the app a role of its own (README, Running against an external PostgreSQL).`);

  const { createPrismaClient } = await import("../prisma/client");
  const db = createPrismaClient(server.appUrl, { max: 2 });
  try {
    await prepareEmptyDatabase(db, { demo: server.embedded, baseUrl: `http://localhost:${port}`, log });
  } finally {
    await db.$disconnect();
  }
  stopHere();

  const env = {
    ...process.env,
    DATABASE_URL: server.appUrl,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev) await ensureBuild(env, log);
  stopHere();
  app = startNext({ mode: dev ? "dev" : "start", port, env });
  app.exited.then((code) => {
    if (!shuttingDown) {
      log(`The app exited (${code}).`);
      void shutdown(code ?? 1);
    }
  });
  // An app that exits before it answers ends start-up at once (the race handles a later exit's rejection too).
  await Promise.race([waitForHttp(`http://localhost:${port}/api/health`, 120_000), app.exited.then((code) => Promise.reject(new Error(`The app exited (${code}) before it answered.`)))]);
  // Background jobs (conflict re-scans) run beside the app in every instance (scripts/lib/jobs.ts).
  const { startJobWorker } = await import("./lib/jobs");
  stopHere();
  const jobsDb = createPrismaClient(server.appUrl, { max: 3 });
  const runner = await startJobWorker(server.appUrl, jobsDb, { log }).catch(async (e: unknown) => {
    await jobsDb.$disconnect().catch(() => {}); // its connections closed before the shutdown that follows; the worker's error is the one told
    throw e;
  });
  jobs = { stop: () => runner.stop().finally(() => jobsDb.$disconnect()) };
  stopHere(); // no banner after "Stopping…"
  const demoAccounts = seedUsers.map((u) => `    ${u.role.padEnd(9)} ${u.email.padEnd(24)} ${process.env[u.passwordEnv] ? "(from " + u.passwordEnv + ")" : u.defaultPassword}`);
  console.log(`
  Factdesk is running at http://localhost:${port}
${server.embedded ? `\n  Demo accounts (passwords from SEED_*_PASSWORD when set at seeding):\n${demoAccounts.join("\n")}\n` : ""}
  Press Ctrl-C to stop.
`);
}

try {
  starting = serve();
  await starting;
} catch (e) {
  // A stop during start-up ends it at its next step; shutdown, already under way, finishes the stop.
  if (e !== STOPPED && !shuttingDown) console.error(`[factdesk] ${(e as Error).message}`);
  await shutdown(1);
}
