// npm run security:scan: sqlmap (Debian's package) against the search, filter, login and API
// endpoints of a throwaway instance on loopback (the production build on a freshly seeded
// database of the test cluster), signed in as the admin, with an API token for /api/v1. It must
// find nothing. Too slow for `npm test`; prints its figures (requests, time, findings).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onShutdown } from "./lib/lifecycle";
import { startSeededInstance, type SeededInstance } from "./lib/seeded-instance";

const log = (m: string) => console.log(`[scan] ${m}`);
try {
  execFileSync("sqlmap", ["--version"], { stdio: "ignore" });
} catch {
  console.error("[scan] sqlmap is not installed: apt-get install -y sqlmap (Debian's package, 1.7.2 or later)");
  process.exit(2);
}

const port = Number(process.env.SCAN_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 50);
let instance: SeededInstance | undefined;
onShutdown(() => void instance?.stop().finally(() => process.exit(130)));

/** Signs in through Auth.js's credentials endpoint; returns the Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0]!;
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) throw new Error(`could not sign in as ${email}`);
  return cookie();
}

interface Target {
  name: string;
  args: string[];
}

function runSqlmap(target: Target, outputDir: string): Promise<{ requests: number; findings: number; seconds: number; output: string }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const traffic = path.join(outputDir, `${target.name.replace(/\W+/g, "-")}.traffic`);
    // A page's markup changes on every request (the CSP nonce, relative times): sqlmap compares its text only.
    const pageArgs = /\(.*page\)/.test(target.name) ? ["--text-only"] : [];
    const child = spawn("sqlmap", [...target.args, ...pageArgs, "-t", traffic, "--batch", "--flush-session", "--disable-coloring", `--output-dir=${outputDir}`, ...(target.args.some((a) => a.startsWith("--csrf-url")) ? [] : ["--threads=4"]), "--level=2", "--risk=1", "--dbms=PostgreSQL"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", () => {
      // sqlmap writes every request it sends to the traffic file (-t), each headed "HTTP request [#n]".
      const requests = existsSync(traffic) ? (readFileSync(traffic, "utf8").match(/^HTTP request \[#\d+\]/gm) ?? []).length : 0;
      const findings = (output.match(/sqlmap identified the following injection point/g) ?? []).length;
      resolve({ requests, findings, seconds: (Date.now() - started) / 1000, output });
    });
  });
}

const started = Date.now();
const outputDir = mkdtempSync(path.join(tmpdir(), "factdesk-sqlmap-"));
let failed = false;
try {
  instance = await startSeededInstance({ port, log });
  const base = instance.baseUrl;
  log(`Instance on ${base}`);
  const cookie = await signIn(base, "admin@factdesk.test", process.env.SEED_ADMIN_PASSWORD || "admin-demo-password");
  // An API token for /api/v1, made by the app's own verb as the seeded admin.
  process.env.DATABASE_URL = instance.databaseUrl;
  const { findActiveUser } = await import("../lib/server/users");
  const { createApiToken } = await import("../lib/server/api-tokens");
  const { createPrismaClient } = await import("../prisma/client");
  const owner = createPrismaClient(instance.databaseUrl, { max: 1 });
  const adminId = (await owner.user.findUniqueOrThrow({ where: { email: "admin@factdesk.test" }, select: { id: true } })).id;
  const sheetId = (await owner.factSheet.findFirstOrThrow({ select: { id: true } })).id;
  await owner.$disconnect();
  const made = await createApiToken((await findActiveUser(adminId))!, { name: "sqlmap scan" });
  if (!made.ok) throw new Error(made.message);
  const token = made.value.token;
  const claimId = "00000000-0000-4000-8000-000000000000";
  const signedIn = ["--cookie", cookie];
  const targets: Target[] = [
    { name: "claims search and filters (API)", args: ["-u", `${base}/api/claims?q=deaths&status=VERIFIED&kind=QUANTITY&tag=war&sort=newest&assignee=me&limit=5`, ...signedIn] },
    { name: "claims search and filters (page)", args: ["-u", `${base}/claims?q=deaths&status=VERIFIED&kind=QUANTITY&tag=war&sort=oldest`, ...signedIn] },
    // The stored review state (review=), open conflicts, and the metric and source a list is narrowed to.
    { name: "claims review, conflict, metric and source filters (page)", args: ["-u", `${base}/claims?review=waiting&conflict=open&metric=${claimId}&source=${claimId}&assignee=none&sort=updated`, ...signedIn] },
    { name: "claims export filters", args: ["-u", `${base}/api/claims/export?format=csv&q=deaths&status=VERIFIED&review=approved`, ...signedIn] },
    { name: "conflicts filters", args: ["-u", `${base}/api/conflicts?status=OPEN&kind=VALUE&severity=TENSION`, ...signedIn] },
    { name: "conflicts filters (page)", args: ["-u", `${base}/conflicts?status=OPEN&kind=VALUE&severity=TENSION`, ...signedIn] },
    { name: "metric and event pickers", args: ["-u", `${base}/api/metrics?q=deaths&limit=5`, ...signedIn] },
    { name: "event picker", args: ["-u", `${base}/api/events?q=vote&limit=5`, ...signedIn] },
    { name: "metrics list (page)", args: ["-u", `${base}/metrics?q=deaths&merged=1`, ...signedIn] },
    { name: "events list (page)", args: ["-u", `${base}/events?q=vote`, ...signedIn] },
    { name: "actors search (admin page)", args: ["-u", `${base}/actors?q=ocha`, ...signedIn] },
    { name: "sources search (page)", args: ["-u", `${base}/sources?q=vote`, ...signedIn] },
    // A long sheet's claims are paged by position (?from=).
    { name: "fact sheet paging (page)", args: ["-u", `${base}/fact-sheets/${sheetId}?from=100`, ...signedIn] },
    { name: "users list (admin API)", args: ["-u", `${base}/api/users?limit=5&after=a`, ...signedIn] },
    { name: "accounts paging (admin page)", args: ["-u", `${base}/admin/users?after=a`, ...signedIn] },
    { name: "sign-in record paging (admin page)", args: ["-u", `${base}/admin/security?before=100`, ...signedIn] },
    {
      name: "login",
      args: ["-u", `${base}/api/auth/callback/credentials`, "--data", "csrfToken=x&email=editor%40factdesk.test&password=guess", "-p", "email,password", "--csrf-token=csrfToken", `--csrf-url=${base}/api/auth/csrf`],
    },
    { name: "comments API (JSON body)", args: ["-u", `${base}/api/comments`, "--data", JSON.stringify({ claimId, body: "sqlmap probe" }), "-p", "body,claimId", ...signedIn] },
    { name: "API v1 claims", args: ["-u", `${base}/api/v1/claims?q=deaths&kind=QUANTITY&tag=war&limit=5`, "-H", `Authorization: Bearer ${token}`] },
    { name: "API v1 fact sheets", args: ["-u", `${base}/api/v1/fact-sheets?limit=5`, "-H", `Authorization: Bearer ${token}`] },
    // A path segment (the * marks where sqlmap injects).
    { name: "API v1 fact sheet by id", args: ["-u", `${base}/api/v1/fact-sheets/${sheetId}*`, "-H", `Authorization: Bearer ${token}`] },
  ];
  let requests = 0;
  let findings = 0;
  // `npm run security:scan -- login "API v1"`: only the targets whose names contain one of the words.
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  for (const target of targets.filter((t) => !only.length || only.some((o) => t.name.includes(o)))) {
    const r = await runSqlmap(target, outputDir);
    requests += r.requests;
    findings += r.findings;
    log(`${target.name}: ${r.requests} requests, ${r.seconds.toFixed(0)} s, ${r.findings} findings`);
    if (r.findings || /CRITICAL/.test(r.output)) {
      const critical = r.output.split("\n").filter((l) => /CRITICAL|injection point|Parameter:/.test(l));
      // A finding fails the scan, and so does a target sqlmap could not test.
      failed = true;
      for (const l of critical.slice(0, 8)) log(`  ${l.trim()}`);
    }
  }
  log(`${only.length ? "the targets asked for" : `${targets.length} targets`}: ${requests} requests, ${((Date.now() - started) / 1000).toFixed(0)} s in all, ${findings} findings`);
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await instance?.stop();
  rmSync(outputDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
