// Building and serving the Next.js app from scripts (npm start, npm test).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const BUILD_INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
const stampFile = path.join(root, ".next", "factdesk-build-stamp");

/** A fingerprint of what the build is made from: paths, sizes and modification times. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes(`${path.sep}generated${path.sep}`)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    else hash.update(`${path.relative(root, p)}:${s.size}:${s.mtimeMs}\n`);
  };
  for (const input of BUILD_INPUTS) walk(path.join(root, input));
  return hash.digest("hex");
}

/**
 * Node flags for every production server (`next start`: npm start, the tests' servers and the
 * benchmarks'; not `next dev`, whose compiler needs more). V8 sizes its heap limit from the machine's memory (4 GB
 * here) and grows the heap long before it collects hard, so next-server sat at 600-800 MB after a
 * benchmark run; with a limit it collects sooner and stays in bounds. Its young generation grows
 * too under a high rate of answers: held to 8 MB a semi-space, the server ran about 35 MB lower
 * through the benchmark at the same CPU a request (5 Dec). FACTDESK_MAX_OLD_SPACE_MB and
 * FACTDESK_SEMI_SPACE_MB override them (in MB).
 */
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [`--max-old-space-size=${Number(env.FACTDESK_MAX_OLD_SPACE_MB) || 256}`, `--max-semi-space-size=${Number(env.FACTDESK_SEMI_SPACE_MB) || 8}`];
}

/**
 * The environment of every production server: glibc's malloc gives each thread that allocates an
 * arena of its own (up to eight a core) and seldom hands memory freed in them back, so the server's
 * resident memory rose with every burst of answers and stayed. With two arenas it ran about 50 MB
 * lower through the benchmark (peak 356 MB against 413, 5 Dec). A MALLOC_ARENA_MAX of the caller's wins.
 */
export const serverEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ MALLOC_ARENA_MAX: "2", ...env });

let building: ChildProcess | undefined;

/** Stops a build in progress (on shutdown), with its workers. */
export async function stopBuild() {
  const build = building;
  if (!build?.pid || build.exitCode !== null) return;
  try {
    process.kill(-build.pid, "SIGTERM");
  } catch {
    return;
  }
  await new Promise((resolve) => (build.exitCode !== null ? resolve(null) : build.once("exit", resolve)));
}

/** Builds the production app unless the existing build was made from these very files. */
export async function ensureBuild(env: NodeJS.ProcessEnv, log: (m: string) => void) {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
  if (built) return;
  log("Building the app (next build, about a minute on 2 cores)…");
  const started = Date.now();
  // Asynchronous and in its own process group, so a shutdown signal is heard meanwhile and stops it (stopBuild).
  building = spawn(process.execPath, [nextBin, "build"], { cwd: root, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit", detached: true });
  const build = building;
  const code = await new Promise<number | null>((resolve) => build.on("exit", resolve));
  building = undefined;
  if (code !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, fingerprint);
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** The demo (embedded database) listens on this machine only; a server with DATABASE_URL on every interface; HOST decides either way. */
export function listenHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOST || (env.DATABASE_URL ? "0.0.0.0" : "localhost");
}

/**
 * Starts `next start` (or `next dev`) in its own process group, so stopping it stops next-server too.
 * `nodeFlags` go before Node's own (the benchmark's --cpu-prof: as arguments they reach next-server,
 * which Node's fork gives the parent's execArgv); `stopSignal` is what `stop()` sends first (SIGINT
 * lets a profiled server write its profile), SIGKILL after `killAfterMs`. Without `host` it listens
 * where listenHost says for the user's own environment, not `env` (which carries the embedded
 * database's URL, and would open the demo to the network).
 */
export function startNext(options: {
  mode: "start" | "dev";
  port: number;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
  host?: string;
  nodeFlags?: string[];
  stopSignal?: NodeJS.Signals;
  killAfterMs?: number;
}) {
  const flags = [...(options.nodeFlags ?? []), ...(options.mode === "start" ? serverNodeFlags(options.env) : [])];
  const child = spawn(process.execPath, [...flags, nextBin, options.mode, "-p", String(options.port), "-H", options.host ?? listenHost()], {
    cwd: root,
    env: options.mode === "start" ? serverEnv(options.env) : options.env,
    detached: true,
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    /** The process group's id (the spawned process's pid). */
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode !== null || !child.pid) return;
      try {
        process.kill(-child.pid, options.stopSignal ?? "SIGTERM");
      } catch {
        return;
      }
      const timeout = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {}
      }, options.killAfterMs ?? 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

export async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
