// npm run bench [-- --quick] [-- --instances=1|2] [-- --parts=pages,factsheets,exports] [-- --profile=/claims] [-- --only=/claims] [-- --keep] [-- --paths=/account,/claims?limit=1] [-- --rendered] [-- --clicks]:
// what an editor waits for at newsroom scale. --only=/,/claims runs those paths and the ones under
// them (/claims?q=…, /claims/[id]) and the /login floor; --keep keeps the generated database for later --keep runs, which skip generation
// and each work on a copy of it (so the saves of one run never reach the next).
//   1. A synthetic newsroom (scripts/lib/newsroom.ts) in a scratch database of its own on the test
//      cluster or DATABASE_URL's server (never the app's database), dropped afterwards.
//   2. pages: the production build under autocannon, signed in as an editor, at 1 and 20
//      connections over the main pages, the signed-out /login page (the framework's floor) and
//      claim saves; once with one instance, then with two behind the loopback balancer
//      (scripts/lib/load-balancer.ts), and the two side by side (--instances=N runs only N).
//      Pages are asked for as a browser loads them, so the page cache answers repeats;
//      --rendered renders every request again (a hard reload's no-cache), as after a write; --clicks
//      asks for each page as the router's payload for a click, which is always rendered. With one
//      instance it then reads /claims, and a published sheet's public page, while comments are
//      written at 0 to 20 a second (bench-churn.ts).
//   3. The same database work straight through `pg` for the list, search and claim pages (the floor).
//   4. factsheets: publishing and the watches at scale (scripts/lib/bench-factsheets.ts).
//   5. exports: every format of a large sheet, its PDF through the job queue, and the claims CSV
//      stream's memory (scripts/lib/bench-exports.ts).
// Prints p50/p95/p99, requests per second, ratios and server memory; writes bench/results/latest.json
// (--quick: bench/results/quick.json; --only: …-only.json). Not a test: it reports figures and asserts none of them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { withScratchDatabase } from "./lib/bench";
import { claimPageFloor, claimsListFloor, compareSearch } from "./lib/bench-floor";
import { load, loop, type Figures } from "./lib/bench-http";
import { databaseCpuMeter } from "./lib/process-cpu";
import { signIn } from "./lib/http-session";
import { benchExports, EXPORTS_FULL, EXPORTS_QUICK } from "./lib/bench-exports";
import { benchFactSheets, FACTSHEETS_FULL, FACTSHEETS_QUICK } from "./lib/bench-factsheets";
import { startSite, type Site } from "./lib/load-balancer";
import { ensureBuild } from "./lib/next-app";
import { FULL, QUICK, RARE_WORD, generateNewsroom, publicSheetLink, type Newsroom } from "./lib/newsroom";
import { checkTargets, floorBetween, overPgFloor, shareOfFloor, targetLines } from "./lib/bench-targets";
import { measureViews, type ViewFigures } from "./lib/bench-views";
import { measureChurn, type ChurnFigures } from "./lib/bench-churn";
import { summariseProfile } from "./lib/cpu-profile";

const root = path.resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");
const profilePage = process.argv.find((a) => a.startsWith("--profile="))?.slice("--profile=".length);
const instancesArg = process.argv.find((a) => a.startsWith("--instances="))?.slice("--instances=".length);
const instanceCounts = profilePage ? [1] : instancesArg ? [Number(instancesArg)] : [1, 2];
const parts = new Set(process.argv.find((a) => a.startsWith("--parts="))?.slice("--parts=".length).split(",") ?? ["pages", "factsheets", "exports"]);
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
/** --paths=/account,/claims?limit=1: measure these paths (signed in as the editor) beside the /login floor instead of the page list. */
const extraPaths = process.argv.find((a) => a.startsWith("--paths="))?.slice("--paths=".length).split(",");
// --quick is the smoke test `npm test` runs: half a second a measurement proves every page and
// figure still works (its figures are not read).
const seconds = quick ? 0.5 : Number(process.env.BENCH_SECONDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 5);
const resultsDir = path.join(root, "bench", "results");
/** The pages measured as a browser loads them too (bench-views.ts). */
const VIEWED = ["/ dashboard", "/claims", "/claims/[id]", "/metrics/[id] timeline", "/fact-sheets/[id] (1,000 claims)"];
/** The pages --quick measures again on two instances. */
const QUICK_BALANCED = ["/login", "/claims", "/api/claims"];
/** The claims of the sheet whose public link is measured: a sheet an article links to. */
const PUBLIC_SHEET_CLAIMS = 40;

interface Row {
  page: string;
  path: string;
  c1: Figures;
  c20: Figures;
  /** The response's size, as sent without compression. */
  kb: number;
  floor1?: Figures;
  floor20?: Figures;
  /** The framework floor (/login signed out) at 20 connections, run again just after this page's run. */
  floorAfter20?: Figures;
  /** The floor this page's share is taken against: the mean of its runs just before and after the page's (floorBetween). */
  floorBeside20?: ReturnType<typeof floorBetween>;
}

interface PageRun {
  instances: number;
  results: Row[];
  views: ViewFigures[];
  churn: ChurnFigures[];
  /** `peak` and `end` for all instances together; `largestInstancePeak`, the target's measure, for the larger one alone. */
  serverMemoryMb: { peak: number; end: number; largestInstancePeak: number };
}

// A run too short for any answer (--quick at 20 connections on a heavy page: each connection's first
// request is still being served when the half second ends) says so, rather than printing NaN.
const fmt = (f: Figures) =>
  f.requests
    ? `p50 ${f.p50} / p95 ${f.p95} / p99 ${f.p99} ms, ${f.rps} req/s${f.cpuMs !== undefined ? `, cpu ${f.cpuMs} ms/req` : ""}${f.dbCpuMs !== undefined ? ` (PostgreSQL ${f.dbCpuMs})` : ""}${f.errors ? `, ${f.errors} errors` : ""}`
    : `no answer within the ${seconds} s run${f.errors ? ` (${f.errors} errors)` : ""}`;

const keep = process.argv.includes("--keep");
/**
 * Pages are asked for as a browser loads them (an Accept for HTML), so a page nothing has changed
 * since comes from the page cache (lib/server/page-cache.ts), and taking gzip as every browser does:
 * Next.js compresses each answer, kept pages too, and that costs about as much CPU as the rest of a
 * kept page's answer (until 4 Dec 2026 the benchmark asked for none). --rendered adds `Cache-Control:
 * no-cache`, as a hard reload does: every request is rendered again, as after a write (one at a time
 * of a page through the server's own port to keep it, the others plainly).
 * --clicks asks as the router does when an editor follows a link (`RSC: 1`): the page's payload
 * without its HTML, which the page cache never answers. With no router state sent, the whole tree
 * is rendered, layout included, so it costs at most what a click costs.
 */
const rendered = process.argv.includes("--rendered");
const clicks = process.argv.includes("--clicks");
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
const pageHeaders: Record<string, string> = { accept: BROWSER_ACCEPT, "accept-encoding": BROWSER_ENCODINGS, ...(rendered ? { "cache-control": "no-cache" } : {}) };
/** How a page is asked for: a click's payload carries the router's `_rsc` (Next.js redirects a payload request without it); the API as usual. */
function askedFor(p: { path: string; post?: unknown }): { path: string; headers?: Record<string, string> } {
  if (p.post) return { path: p.path };
  if (clicks && !p.path.startsWith("/api/")) return { path: `${p.path}${p.path.includes("?") ? "&" : "?"}_rsc`, headers: { rsc: "1", "accept-encoding": BROWSER_ENCODINGS } };
  return { path: p.path, headers: pageHeaders };
}
const dbName = `factdesk_bench${quick ? "_quick" : ""}${keep ? "_kept" : ""}`;

/** Generates the newsroom (in about a minute) and returns its description, which a kept database keeps as its label. */
async function generate(url: string) {
  const room = await generateNewsroom(url, quick ? QUICK : FULL);
  console.log(`Generated the newsroom in ${room.seconds.toFixed(1)} s.`);
  return JSON.stringify(room);
}
const rowCount = (room: Newsroom) =>
  `${Object.values(room.counts).reduce((a, b) => a + b, 0).toLocaleString("en-GB")} rows: ${Object.entries(room.counts).map(([t, n]) => `${t} ${n.toLocaleString("en-GB")}`).join(", ")}`;

await withScratchDatabase(dbName, async (db, url, label) => {
  const room: Newsroom = JSON.parse(label!);
  console.log(`The newsroom: ${rowCount(room)}`);

  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const dbCpuSeconds = await databaseCpuMeter(pool);
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" }, select: { id: true, email: true, name: true, role: true } });
  // A published sheet's public page, as readers open it from an article: made for each run that
  // measures it (a --keep run works on a copy of the kept database), its files made beforehand.
  const measuresPublic = parts.has("pages") && !extraPaths && (!only || only.split(",").includes("/p"));
  const publicPath = measuresPublic ? `/p/${await publicSheetLink(db, editor, PUBLIC_SHEET_CLAIMS, `http://localhost:${port}`)}` : null;
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
  const profileDir = profilePage ? path.join(resultsDir, "profile") : undefined;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });

  /** The pages on one site (one instance, or several behind the balancer, memory summed); null when profiling. */
  async function measurePages(server: Site): Promise<PageRun | null> {
    const instances = server.instances;
    const cookie = await signIn(server.url, "editor@factdesk.test", "editor-demo-password");
    // Each save goes to the next of 500 metrics (never the measured timeline's), as a newsroom's
    // editors save on different metrics: saves on one metric take its lock in turn, by design, and
    // on a kept database the saves no longer pile onto one metric run after run.
    const saveMetrics = (await pool.query<{ id: string }>(`SELECT id FROM metrics WHERE id <> $1 ORDER BY id LIMIT 500`, [room.metricId])).rows.map((r) => r.id);
    let saves = 0;
    const saveBody = () =>
      JSON.stringify({ statement: "Bench save: the ministry said 12,000 volunteers had joined.", kind: "QUANTITY", metricId: saveMetrics[saves++ % saveMetrics.length], valueBest: "12000", unit: "people", asOf: "2024-05-01", asOfPrecision: "DAY" });
    /** `polled`: asked with the ETag of its answer in If-None-Match, as an integration polls; every answer is to be a 304. */
    type Page = { page: string; path: string; signedOut?: boolean; post?: () => string; polled?: true; floor?: () => Promise<unknown> };
    const pages: Page[] = [
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
      ...(publicPath ? [{ page: `/p/[token] public sheet (${PUBLIC_SHEET_CLAIMS} claims)`, path: publicPath, signedOut: true }] : []),
      { page: "/api/claims", path: "/api/claims" },
      { page: "/api/claims polled by its ETag (304)", path: "/api/claims", polled: true },
      { page: "POST /api/claims (detection on save)", path: "/api/claims", post: saveBody },
    ];
    /** How `page` is asked for on this site: its address and autocannon's options (a polled page with the ETag of its answer, every answer to be a 304). */
    async function askOf(page: Page) {
      const asked = askedFor(page);
      const target = `${server.url}${asked.path}`;
      const held = page.polled ? (await fetch(target, { headers: { ...asked.headers, cookie } })).headers.get("etag") : null;
      if (page.polled && !held) throw new Error(`${page.path} sent no ETag to poll by`);
      const headers = held ? { ...asked.headers, "if-none-match": held } : asked.headers;
      const opts = { cookie: page.signedOut ? undefined : cookie, method: page.post ? ("POST" as const) : ("GET" as const), body: page.post, headers, ...(held ? { expectStatus: 304 } : {}) };
      return { target, opts, polled: held !== null };
    }
    const measured = (extraPaths ? [pages[0]!, ...extraPaths.map((path): Page => ({ page: path, path }))] : pages)
      .filter((p) => !only || p.page.startsWith("/login") || only.split(",").some((o) => p.path === o || p.path.startsWith(`${o}?`) || (p.path.startsWith(`${o === "/" ? "" : o}/`) && o !== "/")))
      // --quick's second instance count is a smoke test of the balanced site: a few pages only.
      .filter((p) => !quick || instances === instanceCounts[0] || QUICK_BALANCED.includes(p.path));

    if (profilePage) {
      // Profile one page: 1 connection for the run's length, then stop the server so Node writes the profile.
      // A page of the list may be named as the list names it ("/metrics/[id]"), for its generated id.
      const named = pages.find((p) => p.page.startsWith(profilePage));
      const { target: profiled, opts } = await askOf(named ?? { page: profilePage, path: profilePage });
      await load(profiled, { ...opts, connections: 1, seconds: 2 });
      const runSeconds = Math.max(seconds, 10);
      const f = await load(profiled, { ...opts, connections: 1, seconds: runSeconds });
      console.log(`${profilePage} under the profiler: ${fmt(f)}`);
      const stopStarted = Date.now();
      await server.stop();
      // The summary covers the measured run only (start-up compiles every module: wrapSafe was 5% of a whole-process profile).
      const lastSeconds = runSeconds + (Date.now() - stopStarted) / 1000;
      const files = readdirSync(profileDir!).map((f) => path.join(profileDir!, f));
      const biggest = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]!;
      console.log(summariseProfile(JSON.parse(readFileSync(biggest, "utf8")), root, { top: 25, lastSeconds }));
      return null;
    }

    // The server's CPU per request: its CPU time over the run and the backlog it finishes afterwards,
    // over the requests answered in time plus the ones still open at the deadline (one per connection).
    // --quick (the smoke test) neither warms up nor waits for the server to settle between runs,
    // so its CPU per request is not measured; the waits were most of its time.
    const run = async ({ target, opts }: Awaited<ReturnType<typeof askOf>>, connections: number): Promise<Figures> => {
      const cpu = server.cpuSeconds();
      const dbCpu = dbCpuSeconds?.();
      const f = await load(target, { ...opts, connections, seconds });
      if (quick) return f;
      await server.idle();
      const perRequest = (secondsUsed: number) => Math.round((secondsUsed * 1000 * 10) / (f.requests + connections)) / 10;
      return { ...f, cpuMs: perRequest(server.cpuSeconds() - cpu), ...(dbCpu === undefined ? {} : { dbCpuMs: perRequest(dbCpuSeconds!() - dbCpu) }) };
    };
    // The floor is run again at 20 connections just after each page's run at 20, so each page is
    // compared with the floor's runs either side of it (the one before is the previous page's, its
    // warm-up and 1-connection run, and any pg floor, between): this machine's speed moves by half
    // within minutes (the save's share of a floor measured once at the start was 0.33 and 0.60 in two
    // runs of the same code).
    const floorPage = measured[0]!;
    const floorAsked = await askOf(floorPage);
    let floorBefore: Figures | undefined;

    const results: Row[] = [];
    for (const p of measured) {
      const asked = p === floorPage ? floorAsked : await askOf(p);
      const { target, opts, polled } = asked;
      if (!quick) {
        await load(target, { ...opts, connections: 2, seconds: 1 }); // warm up: compile caches, pool connections
        await server.idle();
      }
      const kb = Math.round((await (await fetch(target, { method: opts.method, body: opts.body?.(), headers: { ...opts.headers, ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.body ? { "content-type": "application/json" } : {}) } })).arrayBuffer()).byteLength / 102.4) / 10;
      const c1 = await run(asked, 1);
      const c20 = await run(asked, 20);
      // A polled row measures 304s only: an answer of another status (the list changed meanwhile) makes its figures another page's.
      if (polled && c1.errors + c20.errors > 0) throw new Error(`${p.page}: ${c1.errors + c20.errors} requests were not answered 304 (another status, an error or a timeout)`);
      const row: Row = { page: p.page, path: p.path, c1, c20, kb };
      if (p === floorPage) floorBefore = c20;
      else if (floorBefore) {
        row.floorAfter20 = await run(floorAsked, 20);
        row.floorBeside20 = floorBetween(floorBefore, row.floorAfter20);
        floorBefore = row.floorAfter20;
      }
      if (p.floor) {
        row.floor1 = await loop(p.floor, { connections: 1, seconds });
        row.floor20 = await loop(p.floor, { connections: 20, seconds });
      }
      results.push(row);
      console.log(`${p.page.padEnd(40)} 1 conn: ${fmt(c1)} | 20 conn: ${fmt(c20)} | ${kb} KB | rss ${server.rssMb()} MB`);
      if (row.floorAfter20) console.log(`${"  floor after it".padEnd(40)} 20 conn: ${fmt(row.floorAfter20)} | beside it: ${row.floorBeside20!.rps} req/s`);
      if (row.floor1) console.log(`${"  pg floor".padEnd(40)} 1 conn: ${fmt(row.floor1)} | 20 conn: ${fmt(row.floor20!)} | app/floor p50 at 1 conn ${overPgFloor(row)}`);
    }

    // A few pages as an editor's browser loads them: the server's CPU a view, with whatever the
    // page's links fetch ahead. --quick (the smoke test) views two pages once, so this cannot rot.
    // --rendered renews the data version before each view, as a newsroom's writes do between an
    // editor's views, so each view is rendered (the page cache keys pages on the version).
    const viewed = measured.filter((p) => (quick ? VIEWED.slice(0, 2) : VIEWED).includes(p.page));
    const renew = rendered ? () => pool.query(`SELECT version_renew('data_version')`) : undefined;
    const views = instances > 1 || clicks ? [] : await measureViews(server.url, cookie, viewed, server.cpuSeconds, quick ? 1 : 5, renew);
    if (views.length) console.log(`\nIn a browser (${views[0]!.views} view${views[0]!.views > 1 ? "s" : ""} a page, static files cached${rendered ? ", the data version renewed before each" : ""}):`);
    for (const v of views) console.log(`  ${v.page.padEnd(40)} server CPU ${v.serverCpuMs} ms a view, ${v.prefetches} prefetch requests a view, settled in ${v.settledMs} ms (p50)`);

    // The page cache while others write: /claims, then the public sheet's page (keyed on the published
    // version, which comments do not renew), at 20 connections with comments landing at these rates.
    // The comments go on the oldest claim: on no page measured above.
    const oldestClaim = async () => (await pool.query<{ id: string }>(`SELECT id FROM claims ORDER BY created_at, id LIMIT 1`)).rows[0]!.id;
    const churn: ChurnFigures[] = [];
    const churned = instances > 1 || rendered || clicks ? [] : ["/claims", publicPath].filter((path): path is string => measured.some((p) => p.path === path));
    for (const path of churned) {
      const figures = await measureChurn(server.url, cookie, { path, claimId: await oldestClaim() }, quick ? [1] : [0, 1, 5, 20], server.cpuSeconds, seconds);
      console.log(`\n${path} at 20 connections while comments are written (page cache):`);
      for (const c of figures) console.log(`  ${String(c.writesPerSecond).padStart(2)} writes/s (${c.written} written): ${Math.round(c.hitShare * 100)}% of views kept, ${fmt(c.views)} (server CPU per view, writes included)`);
      churn.push(...figures);
    }

    const floor = results.find((r) => r.path === "/login")!;
    console.log(`Server memory${instances > 1 ? ` (${instances} instances together)` : ""}: peak ${server.peakMb()} MB, now ${server.rssMb()} MB${instances > 1 ? `; the largest instance's peak ${server.largestPeakMb()} MB` : ""}\n`);
    // The target is a server's memory: with two instances, the larger one's.
    for (const line of targetLines(results, floor, server.largestPeakMb())) console.log(line);
    return { instances, results, views, churn, serverMemoryMb: { peak: server.peakMb(), end: server.rssMb(), largestInstancePeak: server.largestPeakMb() } };
  }

  const runs: PageRun[] = [];
  if (parts.has("pages")) {
    await ensureBuild(env, console.log);
    for (const instances of instanceCounts) {
      console.log(`\n== Pages, ${instances} instance${instances > 1 ? "s behind the loopback balancer" : ""}, ${clicks ? "each page as a click's payload (--clicks), always rendered" : rendered ? "every request rendered (--rendered)" : "as a browser loads them (page cache on)"} ==`);
      const server = startSite({ instances, port, env, cpuProfileDir: profileDir });
      try {
        await server.ready();
        const run = await measurePages(server);
        if (!run) return void (await pool.end()); // profiled
        runs.push(run);
      } finally {
        await server.stop();
      }
    }
    if (runs.length > 1) compareRuns(runs);
  }

  let factSheets: unknown;
  let exportsFigures: unknown;
  if (parts.has("factsheets")) {
    console.log("\n== Fact sheets ==");
    factSheets = await benchFactSheets(db, editor, quick ? FACTSHEETS_QUICK : FACTSHEETS_FULL);
  }
  if (parts.has("exports")) {
    console.log("\n== Exports ==");
    exportsFigures = await benchExports(db, editor, url, quick ? EXPORTS_QUICK : EXPORTS_FULL);
  }
  await pool.end();

  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${quick ? "quick" : "latest"}${parts.size < 3 || instanceCounts.length < 2 ? `-${[...parts].join("-")}${instancesArg ? `-${instancesArg}-instances` : ""}` : ""}${only || extraPaths ? "-only" : ""}${rendered ? "-rendered" : ""}${clicks ? "-clicks" : ""}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        quick,
        pageCache: clicks
          ? "pages asked for as the router's payload for a click (RSC: 1, no router state: the whole tree), which the page cache never answers (gzip taken)"
          : process.env.PAGE_CACHE === "off"
            ? `off (PAGE_CACHE=off): every request rendered plainly${rendered ? " (--rendered; browser views after the data version is renewed)" : ""} (gzip taken)`
            : rendered
              ? "every request rendered again (no-cache, as a hard reload; browser views after the data version is renewed; gzip taken)"
              : "on: pages asked for as a browser loads them (HTML, gzip taken)",
        secondsPerRun: seconds,
        dataset: room.counts,
        generationSeconds: Math.round(room.seconds * 10) / 10,
        searchInDatabase: search,
        runs: runs.map((r) => {
          const floor = r.results.find((x) => x.path === "/login")!;
          return {
            instances: r.instances,
            serverMemoryMb: r.serverMemoryMb,
            views: r.views,
            churn: r.churn,
            pages: r.results.map((x) => {
              const overPg = overPgFloor(x);
              return { ...x, ratioToFrameworkFloorRps: shareOfFloor(x, floor), ...(overPg === undefined ? {} : { ratioToPgFloorP50: overPg }), targets: checkTargets(x, floor) };
            }),
          };
        }),
        factSheets,
        exports: exportsFigures,
      },
      null,
      2,
    ),
  );
  console.log(`Wrote ${path.relative(root, file)}`);
}, { keep, generate });

/** One instance against two: requests per second and p50/p95 at 20 connections, page by page. */
function compareRuns(runs: PageRun[]) {
  const [one, ...more] = runs;
  console.log(`\n== ${runs.map((r) => r.instances).join(" against ")} instances, 20 connections: req/s, p50 / p95 ms ==`);
  for (const row of one!.results) {
    const others = more.map((r) => r.results.find((x) => x.path === row.path && x.page === row.page));
    if (others.some((o) => !o)) continue;
    const cells = [row, ...(others as Row[])].map((r) => `${String(r.c20.rps).padStart(6)} req/s ${r.c20.p50} / ${r.c20.p95}`);
    const gain = row.c20.rps > 0 ? `×${(others[0]!.c20.rps / row.c20.rps).toFixed(2)}` : "–";
    console.log(`  ${row.page.padEnd(40)} ${cells.join("  |  ")}  (${gain})`);
  }
  console.log(`  server memory, peak: ${runs.map((r) => `${r.instances}: ${r.serverMemoryMb.peak} MB`).join(", ")}`);
}
