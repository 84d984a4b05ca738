// npm run bench [-- --quick] [-- --instances=2] [-- --profile=/claims] [-- --only=/claims] [-- --keep]:
// what an editor waits for at newsroom scale. --only=/,/claims runs those paths and the ones under
// them (/claims?q=…, /claims/[id]) and the /login floor; --keep leaves the database for the next --keep run, which skips generation
// (the saves of earlier runs stay in it).
//   1. A synthetic newsroom (scripts/lib/newsroom.ts) in a scratch database of its own on the test
//      cluster or DATABASE_URL's server (never the app's database), dropped afterwards.
//   2. The production build under autocannon, signed in as an editor, at 1 and 20 connections over
//      the main pages, the signed-out /login page (the framework's floor) and claim saves.
//   3. The same database work straight through `pg` for the list, search and claim pages (the floor).
// Prints p50/p95/p99, requests per second, ratios and server memory; writes bench/results/latest.json
// (--quick: bench/results/quick.json; --only: …-only.json). Not a test: it reports figures and asserts none of them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { labelKeptDatabase, withScratchDatabase } from "./lib/bench";
import { claimPageFloor, claimsListFloor, compareSearch } from "./lib/bench-floor";
import { load, loop, startServer, type Figures } from "./lib/bench-http";
import { signIn } from "./lib/http-session";
import { startLoadBalancer } from "./lib/load-balancer";
import { ensureBuild } from "./lib/next-app";
import { FULL, QUICK, RARE_WORD, generateNewsroom, type Newsroom } from "./lib/newsroom";
import { summariseProfile } from "./lib/cpu-profile";

const root = path.resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");
const profilePage = process.argv.find((a) => a.startsWith("--profile="))?.slice("--profile=".length);
const instances = Number(process.argv.find((a) => a.startsWith("--instances="))?.slice("--instances=".length) ?? 1);
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const seconds = quick ? 1 : Number(process.env.BENCH_SECONDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 5);
const resultsDir = path.join(root, "bench", "results");

interface Row {
  page: string;
  path: string;
  c1: Figures;
  c20: Figures;
  floor1?: Figures;
  floor20?: Figures;
}

const fmt = (f: Figures) => `p50 ${f.p50} / p95 ${f.p95} / p99 ${f.p99} ms, ${f.rps} req/s${f.cpuMs !== undefined ? `, cpu ${f.cpuMs} ms/req` : ""}${f.errors ? `, ${f.errors} errors` : ""}`;

const keep = process.argv.includes("--keep");
const dbName = `factdesk_bench${quick ? "_quick" : ""}${keep ? "_kept" : ""}`;

await withScratchDatabase(dbName, async (_db, url, kept) => {
  const room: Newsroom = kept ? JSON.parse(kept) : await generateNewsroom(url, quick ? QUICK : FULL);
  const rows = Object.values(room.counts).reduce((a, b) => a + b, 0);
  console.log(`${kept ? "Kept from an earlier run" : "Generated"}: ${rows.toLocaleString("en-GB")} rows${kept ? "" : ` in ${room.seconds.toFixed(1)} s`}: ${Object.entries(room.counts).map(([t, n]) => `${t} ${n.toLocaleString("en-GB")}`).join(", ")}`);
  if (keep && !kept) await labelKeptDatabase(url, dbName, JSON.stringify(room));

  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const search = await compareSearch(pool, ["soldiers", RARE_WORD], quick ? 20 : 100);
  for (const s of search) {
    console.log(`search "${s.word}" in the database, page + count: before (per-table expression indexes) p50 ${s.before.p50} / p95 ${s.before.p95} ms, after (stored vector) p50 ${s.after.p50} / p95 ${s.after.p95} ms`);
  }
  const deepCursor = await (async () => {
    const { rows: r } = await pool.query<{ created_at: Date; id: string }>(`SELECT created_at, id FROM claims ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`, [Math.floor(room.counts.claims! * 0.9)]);
    const { encodeCursor } = await import("../lib/pagination");
    return encodeCursor({ createdAt: r[0]!.created_at, id: r[0]!.id });
  })();

  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", AUTH_TRUST_HOST: "true" };
  await ensureBuild(env, console.log);
  const profileDir = profilePage ? path.join(resultsDir, "profile") : undefined;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  // --instances=2: two servers behind the loopback balancer, measured as one site (memory summed).
  const servers = Array.from({ length: instances }, (_, i) => startServer({ port: port + i, env, cpuProfileDir: profileDir }));
  const balancer = instances > 1 ? startLoadBalancer(port + instances, servers.map((s) => s.url)) : undefined;
  const server = {
    url: balancer?.url ?? servers[0]!.url,
    ready: async () => {
      await Promise.all([...servers.map((s) => s.ready()), balancer?.listen()]);
    },
    rssMb: () => servers.reduce((sum, s) => sum + s.rssMb(), 0),
    idle: () => Promise.all(servers.map((s) => s.idle())),
    cpuSeconds: () => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0),
    peakMb: () => servers.reduce((sum, s) => sum + s.peakMb(), 0),
    stop: async () => {
      await balancer?.close();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
  try {
    await server.ready();
    const cookie = await signIn(server.url, "editor@factdesk.test", "editor-demo-password");
    const saveBody = JSON.stringify({ statement: "Bench save: the ministry said 12,000 volunteers had joined.", kind: "QUANTITY", metricId: room.metricId, valueBest: "12000", unit: "people", asOf: "2024-05-01", asOfPrecision: "DAY" });
    const pages: { page: string; path: string; signedOut?: boolean; post?: string; floor?: () => Promise<unknown> }[] = [
      { page: "/login signed out (framework floor)", path: "/login", signedOut: true },
      { page: "/ dashboard", path: "/" },
      { page: "/claims", path: "/claims", floor: () => claimsListFloor(pool) },
      { page: "/claims deep keyset page", path: `/claims?cursor=${encodeURIComponent(deepCursor)}` },
      { page: "/claims?status=IN_REVIEW", path: "/claims?status=IN_REVIEW" },
      { page: "/claims?q=soldiers (common)", path: "/claims?q=soldiers", floor: () => claimsListFloor(pool, "soldiers") },
      { page: `/claims?q=${RARE_WORD} (rare)`, path: `/claims?q=${RARE_WORD}`, floor: () => claimsListFloor(pool, RARE_WORD) },
      { page: "/claims/[id]", path: `/claims/${room.claimId}`, floor: () => claimPageFloor(pool, room.claimId) },
      { page: "/conflicts", path: "/conflicts" },
      { page: "/conflicts/[id]", path: `/conflicts/${room.conflictId}` },
      { page: "/sources/[id]", path: `/sources/${room.sourceId}` },
      { page: "/metrics/[id] timeline", path: `/metrics/${room.metricId}` },
      { page: "/fact-sheets", path: "/fact-sheets" },
      { page: "/fact-sheets/[id] (1,000 claims)", path: `/fact-sheets/${room.bigSheetId}` },
      { page: "/api/claims", path: "/api/claims" },
      { page: "POST /api/claims (detection on save)", path: "/api/claims", post: saveBody },
    ].filter((p) => !only || p.page.startsWith("/login") || only.split(",").some((o) => p.path === o || p.path.startsWith(`${o}?`) || p.path.startsWith(`${o === "/" ? "" : o}/`) && o !== "/"));

    if (profilePage) {
      // Profile one page: 1 connection for the run's length, then stop the server so Node writes the profile.
      await load(`${server.url}${profilePage}`, { connections: 1, seconds: 2, cookie });
      const f = await load(`${server.url}${profilePage}`, { connections: 1, seconds: Math.max(seconds, 10), cookie });
      console.log(`${profilePage} under the profiler: ${fmt(f)}`);
      await server.stop();
      const files = readdirSync(profileDir!).map((f) => path.join(profileDir!, f));
      const biggest = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]!;
      console.log(summariseProfile(JSON.parse(readFileSync(biggest, "utf8")), root));
      return;
    }

    const results: Row[] = [];
    for (const p of pages) {
      const target = `${server.url}${p.path}`;
      const opts = { cookie: p.signedOut ? undefined : cookie, method: p.post ? ("POST" as const) : ("GET" as const), body: p.post };
      await load(target, { ...opts, connections: 2, seconds: 1 }); // warm up: compile caches, pool connections
      await server.idle();
      // The server's CPU per request: its CPU time over the run and the backlog it finishes afterwards,
      // over the requests answered in time plus the ones still open at the deadline (one per connection).
      const measured = async (connections: number) => {
        const cpu = server.cpuSeconds();
        const f = await load(target, { ...opts, connections, seconds });
        await server.idle();
        return { ...f, cpuMs: Math.round(((server.cpuSeconds() - cpu) * 1000 * 10) / (f.requests + connections)) / 10 };
      };
      const c1 = await measured(1);
      const c20 = await measured(20);
      const row: Row = { page: p.page, path: p.path, c1, c20 };
      if (p.floor) {
        row.floor1 = await loop(p.floor, { connections: 1, seconds });
        row.floor20 = await loop(p.floor, { connections: 20, seconds });
      }
      results.push(row);
      console.log(`${p.page.padEnd(40)} 1 conn: ${fmt(c1)} | 20 conn: ${fmt(c20)} | rss ${server.rssMb()} MB`);
      if (row.floor1) console.log(`${"  pg floor".padEnd(40)} 1 conn: ${fmt(row.floor1)} | 20 conn: ${fmt(row.floor20!)} | app/floor p50 at 1 conn ${(c1.p50 / row.floor1.p50).toFixed(1)}`);
    }

    const floor = results.find((r) => r.path === "/login")!;
    console.log(`\nRatios to the framework floor (/login signed out, ${floor.c20.rps} req/s at 20 connections):`);
    for (const r of results) {
      if (r === floor) continue;
      console.log(`  ${r.page.padEnd(40)} ${(r.c20.rps / floor.c20.rps).toFixed(2)} of its req/s${r.floor1 ? `, ${(r.c1.p50 / r.floor1.p50).toFixed(1)}× the pg floor's p50` : ""}`);
    }
    console.log(`Server memory: peak ${server.peakMb()} MB, now ${server.rssMb()} MB`);

    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${quick ? "quick" : "latest"}${instances > 1 ? `-${instances}-instances` : ""}${only ? "-only" : ""}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          quick,
          instances,
          secondsPerRun: seconds,
          dataset: room.counts,
          generationSeconds: Math.round(room.seconds * 10) / 10,
          searchInDatabase: search,
          serverMemoryMb: { peak: server.peakMb(), end: server.rssMb() },
          pages: results.map((r) => ({
            ...r,
            ratioToFrameworkFloorRps: Math.round((r.c20.rps / floor.c20.rps) * 100) / 100,
            ...(r.floor1 ? { ratioToPgFloorP50: Math.round((r.c1.p50 / r.floor1.p50) * 10) / 10 } : {}),
          })),
        },
        null,
        2,
      ),
    );
    console.log(`Wrote ${path.relative(root, file)}`);
  } finally {
    await server.stop();
    await pool.end();
  }
}, { keep });
