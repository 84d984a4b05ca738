// Load on a running app for `npm run bench`: a production server started on its own (with
// optional CPU profiling), autocannon runs with every request's latency kept for exact
// percentiles, the server's memory sampled, and the same loop over plain functions (the pg floor).
import { execFileSync } from "node:child_process";
import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { startNext, waitForHttp } from "./next-app";
import { sessionCpuSeconds } from "./process-cpu";

const root = new URL("../..", import.meta.url).pathname;

export interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  /** The server's CPU time per request (all its processes, user + system), when measured. */
  cpuMs?: number;
  /** PostgreSQL's CPU time per request (databaseCpuMeter in process-cpu.ts), when measured and it runs on this machine. */
  dbCpuMs?: number;
}

export function summarise(latencies: number[], seconds: number, errors = 0): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), rps: round(sorted.length / seconds), requests: sorted.length, errors };
}

/** `next start` in its own process group (startNext), with its memory and CPU sampled; `rssMb()` is the largest process's resident memory in it. */
export function startServer(options: { port: number; env: NodeJS.ProcessEnv; cpuProfileDir?: string }) {
  const app = startNext({
    mode: "start",
    port: options.port,
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
    quiet: true,
    host: "127.0.0.1",
    // Node refuses --cpu-prof in NODE_OPTIONS; as an argument it reaches next-server too.
    nodeFlags: options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
    // SIGINT lets Node write its CPU profile on the way out.
    stopSignal: options.cpuProfileDir ? "SIGINT" : "SIGTERM",
    killAfterMs: 15_000,
  });
  let peak = 0;
  const rssMb = () => {
    try {
      const out = execFileSync("ps", ["-o", "rss=", "-g", String(app.pid)], { encoding: "utf8" });
      const largest = Math.max(...out.split("\n").filter(Boolean).map((l) => Number(l.trim()))) / 1024;
      peak = Math.max(peak, largest);
      return Math.round(largest);
    } catch {
      return 0;
    }
  };
  const sampler = setInterval(rssMb, 500);
  /** CPU seconds the server's processes have used so far (utime + stime from /proc). */
  const cpuSeconds = () => sessionCpuSeconds(app.pid!);
  return {
    url: `http://127.0.0.1:${options.port}`,
    ready: () => waitForHttp(`http://127.0.0.1:${options.port}/api/health`, 60_000),
    rssMb,
    cpuSeconds,
    peakMb: () => Math.round(peak),
    /**
     * Waits until the server has finished what earlier loads left it (autocannon stops at the
     * deadline, but the server still renders every request it had accepted): under 5% of a core
     * for 300 ms. Without it a slow page's backlog is charged to the next page measured.
     */
    async idle(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      let last = cpuSeconds();
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        const now = cpuSeconds();
        if (now - last < 0.015) return;
        last = now;
      }
    },
    async stop() {
      clearInterval(sampler);
      await app.stop();
    },
  };
}

/** autocannon against one URL; latencies of every response kept for p95. A POST's body is made anew for each request. */
/** `expectStatus`: the one status every answer should have (a poll's 304); otherwise any status under 300. */
export async function load(url: string, options: { connections: number; seconds: number; cookie?: string; method?: "GET" | "POST"; body?: () => string; headers?: Record<string, string>; expectStatus?: number }): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body) headers["content-type"] = "application/json";
  // autocannon's tracker is an EventEmitter that is also a promise of the result.
  const instance = autocannon({ url, connections: options.connections, duration: options.seconds, headers, method: options.method ?? "GET", timeout: 30, ...(options.body ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: options.body!() }) }] } : {}) }) as unknown as EventEmitter & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    // A redirect too: a page sent to the login page, or a click's payload asked for without `_rsc`.
    if (options.expectStatus ? status !== options.expectStatus : status >= 300) errors++;
    latencies.push(ms);
  });
  const result = await instance;
  errors += result.errors + result.timeouts;
  return summarise(latencies, options.seconds, errors);
}

/** The same measurement for a plain async function: `connections` loops calling it for `seconds`. */
export async function loop(work: () => Promise<unknown>, options: { connections: number; seconds: number }): Promise<Figures> {
  const latencies: number[] = [];
  const end = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await work();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarise(latencies, options.seconds);
}
