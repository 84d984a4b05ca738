// The commands a process manager runs stop cleanly when only the `npm` process gets the signal
// (Docker's `stop`, systemd, `timeout`): the app, next-server and the embedded PostgreSQL all end
// and no postmaster.pid is left behind. And a newcomer's mistakes get one line that says what to
// do. These run in the Playwright stage because `npm start` needs the production build, which
// that stage has made; each run uses its own data folder and ports, never the user's.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isAlive, parentOf } from "../../scripts/lib/lifecycle";
import { portInUse } from "../../scripts/lib/ports";

const root = path.resolve(import.meta.dirname, "../..");
// Both kinds of port stay below 32768, where the kernel's range for outgoing connections begins
// (/proc/sys/net/ipv4/ip_local_port_range): a port in that range may be held at any moment by one
// of the many connections the other tests open, and PostgreSQL then cannot bind it.
let nextPort = 3900 + (process.pid % 50) * 4;
let nextPgPort = 24900 + (process.pid % 50) * 4;

/** The next port from `counter` that nothing holds now, on loopback or on every interface. */
async function freePort(counter: "app" | "pg"): Promise<number> {
  for (;;) {
    const port = counter === "app" ? nextPort++ : nextPgPort++;
    if (!(await portInUse(port, "127.0.0.1")) && !(await portInUse(port, "0.0.0.0"))) return port;
  }
}

/** Every process whose parent chain leads to `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const parent = /^\d+$/.test(entry) ? parentOf(Number(entry)) : undefined;
    if (parent !== undefined) parents.set(Number(entry), parent);
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) if (parent === p) (found.push(child), walk(child));
  };
  walk(pid);
  return found;
}

interface Run {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  dataDir: string;
  port: number;
}

function npmRun(script: string, env: Record<string, string>, dataDir: string, port: number): Run {
  let out = "";
  // npm in a process group of its own, as a process manager starts it: only npm is signalled below.
  const npm = spawn("npm", ["run", "--silent", script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", FACTDESK_DATA_DIR: dataDir, PORT: String(port), ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  npm.stdout!.on("data", (d) => (out += d));
  npm.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
  return { npm, output: () => out, exited, dataDir, port };
}

/** Polls `check`; a run that ends meanwhile fails at once, with what it printed. */
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, run?: Run, runMayEnd = false) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (run && !runMayEnd && run.npm.exitCode !== null) throw new Error(`the run ended (exit code ${run.npm.exitCode}) while waiting for ${what}\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${run ? `\n${run.output()}` : ""}`);
}

/** The processes whose command line names `text` (a data folder), read from /proc. */
function processesNaming(text: string): number[] {
  return readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      return readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text) ? [Number(entry)] : [];
    } catch {
      return []; // ended meanwhile
    }
  });
}

/** The run said "Stopped.", and nothing after "Stopping…" announces the app or reports a broken connection. */
async function expectQuietStop(run: Run) {
  // The process may exit before its last lines are read from the pipe.
  await waitFor(() => run.output().includes("Stopped."), 30_000, "the stop to finish", run, true);
  const afterStop = run.output().split("Stopping…")[1];
  expect(afterStop, run.output()).toBeDefined();
  expect(afterStop, run.output()).not.toMatch(/is running at|terminated|error/i);
}

async function healthy(port: number) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
  } catch {
    return false;
  }
}

test.describe("stopping and starting as a process manager does", () => {
  test.describe.configure({ timeout: 240_000 });
  const made: string[] = [];
  test.afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "factdesk-lifecycle-"));
    chmodSync(dir, 0o755);
    made.push(dir);
    return dir;
  };

  for (const [script, signal] of [
    ["start", "SIGTERM"],
    ["dev", "SIGINT"],
  ] as const) {
    test(`npm run ${script}: ${signal} to the npm process alone stops the app and PostgreSQL, leaving no postmaster.pid`, async () => {
      const dataDir = scratch();
      const port = await freePort("app");
      const pgPort = await freePort("pg");
      const run = npmRun(script, { PGPORT: String(pgPort) }, dataDir, port);
      await waitFor(() => healthy(port), 200_000, `npm run ${script} to serve`, run);
      // TCP only: no Unix socket, and so no lock file, shared in /tmp with every PostgreSQL on the machine.
      expect(existsSync(`/tmp/.s.PGSQL.${pgPort}.lock`), run.output()).toBe(false);
      // Every failure below carries what the run printed.
      const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
      expect(existsSync(pidFile), run.output()).toBe(true);
      const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
      const tree = descendants(run.npm.pid!);
      expect(tree, run.output()).toContain(postmaster);

      // Signalled as soon as the app answers, while the job worker may still be starting: the stop
      // starts nothing more, so nothing after "Stopping…" announces the app or reports a broken connection.
      process.kill(run.npm.pid!, signal);
      await run.exited;
      await expectQuietStop(run);
      await waitFor(() => [postmaster, ...tree].every((pid) => !isAlive(pid)), 30_000, "every process of the run to end", run, true);
      expect(existsSync(pidFile), run.output()).toBe(false);
      expect(await healthy(port), run.output()).toBe(false);
    });
  }

  test("npm start stopped while it migrates the database finishes that step, then stops cleanly", async () => {
    const dataDir = scratch();
    const port = await freePort("app");
    const run = npmRun("start", { PGPORT: String(await freePort("pg")) }, dataDir, port);
    // Signalled while start-up migrates a new database: stopping PostgreSQL under it crashed the
    // process with an unhandled "terminating connection" error, and "Stopped." never came.
    await waitFor(() => run.output().includes("Applying migration"), 60_000, "the migrations to begin", run);
    process.kill(run.npm.pid!, "SIGTERM");
    await run.exited;
    await expectQuietStop(run);
    // No PostgreSQL of that folder is left, nor its postmaster.pid.
    await waitFor(() => processesNaming(dataDir).length === 0, 10_000, "no process to name the data folder", run, true);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid")), run.output()).toBe(false);
  });

  // Only root runs PostgreSQL as another user (CI and these machines run as root).
  if (process.getuid?.() === 0)
  test("npm start in a folder PostgreSQL's user cannot enter says so in one line", async () => {
    const parent = scratch();
    const closed = path.join(parent, "home");
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    const run = npmRun("start", { PGPORT: String(await freePort("pg")) }, path.join(closed, "project", ".data"), await freePort("app"));
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain(`PostgreSQL runs as the user "postgres", which cannot enter ${closed} (mode 700)`);
    expect(run.output()).not.toMatch(/EACCES|\n\s+at /);
  });

  test("npm start whose PostgreSQL will not start gives PostgreSQL's own reason in one line", async () => {
    // A cluster folder with no configuration: PostgreSQL exits at once, and the library it runs
    // under rejects with nothing; the reason is in PostgreSQL's own output.
    const dataDir = scratch();
    mkdirSync(path.join(dataDir, "postgres"));
    writeFileSync(path.join(dataDir, "postgres", "PG_VERSION"), "18\n");
    const run = npmRun("start", { PGPORT: String(await freePort("pg")) }, dataDir, await freePort("app"));
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/Embedded PostgreSQL did not start on port \d+: .*could not access the server configuration file/);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  test("npm start on a port already in use says which port and how to choose another", async () => {
    const taken = await freePort("app");
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, "0.0.0.0", resolve));
    try {
      const run = npmRun("start", { PGPORT: String(await freePort("pg")) }, scratch(), taken);
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toContain(`Port ${taken} is already in use`);
      expect(run.output()).toContain(`PORT=${taken + 1} npm start`);
      expect(run.output()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});
