// npm run test:outage: nothing acknowledged is lost when PostgreSQL goes away. Serves the
// production build on a PostgreSQL of its own (.data/postgres-outage, never the user's), runs a
// bounded loop of writes (claims, citations, comments) through the app's HTTP API, stops and
// starts PostgreSQL three times underneath it, then checks: every write answered 201 is in the
// database, every other write got an answer saying it failed, /api/health went 503 and back to
// 200, and the app process never exited. Prints attempted / acknowledged / found / lost; exits 1
// on any loss or broken promise.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signIn } from "./lib/http-session";
import { onShutdown } from "./lib/lifecycle";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { ensureBuild, startNext, waitForHttp } from "./lib/next-app";
import { ensurePrismaClient } from "./lib/prisma-generate";

const root = path.resolve(import.meta.dirname, "..");
// PostgreSQL starts again three times while the app's connections come and go: its port stays
// below 32768, out of the kernel's range for outgoing connections, where one of those connections
// could hold it (tests/e2e/lifecycle.spec.ts).
const pgPort = Number(process.env.OUTAGE_PGPORT ?? (process.env.TEST_PGPORT ? Number(process.env.TEST_PGPORT) + 2 : 25432));
const appPort = Number(process.env.OUTAGE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);
const base = `http://127.0.0.1:${appPort}`;
const OUTAGES = 3;
const WORKERS = 4;
const MAX_ATTEMPTS = 4000; // the loop is bounded even if PostgreSQL never comes back
const log = (m: string) => console.log(`[outage] ${m}`);
const run = randomBytes(3).toString("hex");
const dataDir = path.join(root, ".data", "postgres-outage");
const DB = "factdesk_outage";

type Kind = "claim" | "citation" | "comment";
interface Attempt {
  kind: Kind;
  marker: string;
  status: number | "no answer";
  told: boolean;
}

let pgServer: EmbeddedServer | undefined;
let app: ReturnType<typeof startNext> | undefined;
async function cleanUp() {
  await app?.stop();
  if (pgServer) {
    await dropDatabase(pgServer.url("postgres"), DB).catch(() => {});
    await pgServer.stop();
  }
}
onShutdown(() => void cleanUp().finally(() => process.exit(130)));

const until = async (what: string, done: () => boolean, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

let exitCode = 1;
try {
  ensurePrismaClient(log);
  pgServer = await startEmbeddedPostgres({ dataDir, port: pgPort, log });
  const url = pgServer.url(DB);
  await dropDatabase(pgServer.url("postgres"), DB);
  await ensureDatabase(pgServer.url("postgres"), DB);
  await applyMigrations(url);
  const { createPrismaClient } = await import("../prisma/client");
  const { seedDatabase } = await import("../seeds/load");
  const db = createPrismaClient(url, { max: 2 });
  await seedDatabase(db);
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
  const source = await db.source.create({ data: { title: "Outage wire copy", kind: "NEWS_ARTICLE", createdById: editor.id } });
  await db.$disconnect();

  const env = { ...process.env, DATABASE_URL: pgServer.appUrl(DB), AUTH_SECRET: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" };
  await ensureBuild(env, log);
  app = startNext({ mode: "start", port: appPort, env, quiet: true });
  let appExited = false;
  void app.exited.then(() => (appExited = true));
  await waitForHttp(`${base}/api/health`, 60_000);
  const cookie = await signIn(base, "editor@factdesk.test", "editor-demo-password");

  // Health, polled all along: the codes seen, in order of change.
  const health: (number | "no answer")[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const status = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => "no answer" as const);
      if (health.at(-1) !== status) health.push(status);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const attempts: Attempt[] = [];
  let writing = true;
  const post = async (kind: Kind, route: string, body: unknown, marker: string) => {
    const attempt: Attempt = { kind, marker, status: "no answer", told: false };
    attempts.push(attempt);
    try {
      const res = await fetch(`${base}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      attempt.status = res.status;
      const json = (await res.json().catch(() => ({}))) as { ok?: boolean; message?: string; value?: Record<string, unknown> };
      // A failure counts as told only when the answer says so in words a person can read.
      attempt.told = res.status >= 400 && typeof json.message === "string" && json.message.length > 0;
      return res.status === 201 ? json.value : undefined;
    } catch {
      return undefined;
    }
  };
  const worker = async (w: number) => {
    let claim: { id: string; version: number } | undefined;
    for (let i = 0; writing && attempts.length < MAX_ATTEMPTS; i++) {
      const tag = `outage-${run}-w${w}-${i}`;
      const made = await post("claim", "/api/claims", { statement: `The outage check recorded claim ${tag}.`, kind: "EVENT" }, tag);
      if (made) claim = { id: String(made.id), version: 1 };
      if (claim) {
        const cited = await post(
          "citation",
          "/api/citations",
          {
            claimId: claim.id,
            claimVersion: claim.version,
            sourceId: source.id,
            quote: "as the wire reported",
            stance: "SUPPORTS",
            chain: [{ actorName: "Outage Wire", actorKind: "OUTLET" }],
            note: tag,
          },
          tag,
        );
        if (cited) claim.version = Number(cited.claimVersion);
        await post("comment", "/api/comments", { claimId: claim.id, body: `Comment ${tag}` }, tag);
      }
      // A real client backs off after a failure rather than hammering a server that said no.
      if (attempts.at(-1)?.status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));

  const acked = () => attempts.filter((a) => a.status === 201).length;
  const failed = () => attempts.filter((a) => a.status !== 201).length;
  for (let n = 1; n <= OUTAGES; n++) {
    const a0 = acked();
    await until("writes before the outage", () => acked() >= a0 + 30);
    log(`Outage ${n}: stopping PostgreSQL (${attempts.length} writes so far)…`);
    const f0 = failed();
    await pgServer.stop();
    await until("the health check to report 503", () => health.at(-1) === 503);
    await until("writes to fail during the outage", () => failed() >= f0 + 10);
    log(`Outage ${n}: starting PostgreSQL again…`);
    pgServer = await startEmbeddedPostgres({ dataDir, port: pgPort, log: () => {} });
    await until("the health check to report 200", () => health.at(-1) === 200);
    const a1 = acked();
    await until("writes to succeed after the outage", () => acked() >= a1 + 30);
  }
  writing = false;
  await Promise.all(workers);
  polling = false;
  await poller;

  // What the database holds now, for every write attempted.
  const check = createPrismaClient(url, { max: 2 });
  const markers = (kind: Kind) => attempts.filter((a) => a.kind === kind).map((a) => a.marker);
  const present = new Set<string>();
  for (const c of await check.claim.findMany({ where: { statement: { startsWith: `The outage check recorded claim outage-${run}` } }, select: { statement: true } })) {
    present.add(`claim ${c.statement.replace("The outage check recorded claim ", "").replace(/\.$/, "")}`);
  }
  for (const c of await check.citation.findMany({ where: { note: { in: markers("citation") } }, select: { note: true } })) present.add(`citation ${c.note}`);
  for (const c of await check.comment.findMany({ where: { body: { in: markers("comment").map((m) => `Comment ${m}`) } }, select: { body: true } })) {
    present.add(`comment ${c.body.replace("Comment ", "")}`);
  }
  await check.$disconnect();

  const rows = (["claim", "citation", "comment"] as const).map((kind) => {
    const mine = attempts.filter((a) => a.kind === kind);
    const ack = mine.filter((a) => a.status === 201);
    const found = ack.filter((a) => present.has(`${kind} ${a.marker}`)).length;
    const failures = mine.filter((a) => a.status !== 201);
    return {
      kind,
      attempted: mine.length,
      acknowledged: ack.length,
      found,
      lost: ack.length - found,
      failed: failures.length,
      told: failures.filter((a) => a.told).length,
      untold: failures.filter((a) => !a.told).length,
      savedAnyway: failures.filter((a) => present.has(`${kind} ${a.marker}`)).length,
    };
  });
  const total = rows.reduce((t, r) => ({ ...t, ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? ((t as Record<string, number>)[k] ?? 0) + v : "total"])) }), {} as Record<string, number | string>);
  console.table([...rows, total]);
  const statuses = [...new Set(attempts.map((a) => a.status))].join(", ");
  log(`answers seen: ${statuses}; health went ${health.join(" → ")}`);
  const saw503 = health.filter((s) => s === 503).length;
  const problems = [
    ...(rows.some((r) => r.lost > 0) ? ["acknowledged writes are missing"] : []),
    ...(rows.some((r) => r.untold > 0) ? ["some failed writes got no readable answer"] : []),
    ...(saw503 < OUTAGES ? [`/api/health reported 503 only ${saw503} times`] : []),
    ...(health.at(-1) !== 200 ? ["/api/health did not come back to 200"] : []),
    ...(appExited ? ["the app exited"] : []),
  ];
  if (problems.length) {
    console.error(`[outage] FAILED: ${problems.join("; ")}`);
  } else {
    log(`Passed: ${total.acknowledged} acknowledged writes all found, ${total.failed} failed writes all told, ${OUTAGES} outages, app never restarted.`);
    exitCode = 0;
  }
} catch (e) {
  console.error(e);
} finally {
  await cleanUp();
}
process.exit(exitCode);
