// Processes on this machine as /proc (Linux) tells of them: their parents (lifecycle.ts), and the CPU
// time of the benchmark's server and of the PostgreSQL it runs against when that runs here too.
import { readdirSync, readFileSync } from "node:fs";

/** /proc counts CPU time in USER_HZ ticks, 100 a second on Linux. */
const TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  ppid: number;
  session: number;
  /** user + system time */
  ticks: number;
  /** user + system time of its children that have ended and that it has collected */
  reapedTicks: number;
  /** since boot */
  startedTicks: number;
}

/** A process's line in /proc/<pid>/stat, the fields read here; undefined when there is no such process. */
export function statOf(pid: number | string): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command's closing parenthesis (the command may hold spaces and parentheses): state is
    // field 3, ppid 4, session 6, utime 14, stime 15, cutime 16, cstime 17, starttime 22.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      pid: Number(pid),
      ppid: Number(f[1]),
      session: Number(f[3]),
      ticks: Number(f[11]) + Number(f[12]),
      reapedTicks: Number(f[13]) + Number(f[14]),
      startedTicks: Number(f[19]),
    };
  } catch {
    return undefined; // no such process (it ended meanwhile)
  }
}

const processes = () => readdirSync("/proc").flatMap((name) => (/^\d+$/.test(name) ? (statOf(name) ?? []) : []));

/** CPU seconds the processes of a session have used so far: a server started as its session's leader (startNext) and everything under it. */
export function sessionCpuSeconds(session: number): number {
  return processes().reduce((t, p) => t + (p.session === session ? p.ticks : 0), 0) / TICKS_PER_SECOND;
}

/** When a process started, in seconds since the epoch. */
function startedAt(p: ProcessStat): number {
  const bootedAt = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
  return bootedAt + p.startedTicks / TICKS_PER_SECOND;
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
  } catch {
    return false;
  }
}

type Pool = { query: (text: string) => Promise<{ rows: { pid: number; started: number }[] }> };

/**
 * PostgreSQL's CPU seconds so far, when its server runs on this machine (the embedded cluster, or a
 * local one): the postmaster and every process under it (the backends, WAL writer, checkpointer,
 * autovacuum), which is what requests cost the database besides the app's own. A server
 * elsewhere cannot be seen from here: undefined.
 */
export async function databaseCpuMeter(pool: Pool): Promise<(() => number) | undefined> {
  const server = (await pool.query("SELECT pg_backend_pid() AS pid, extract(epoch FROM pg_postmaster_start_time())::float8 AS started")).rows[0];
  const backend = server && isPostgres(server.pid) ? statOf(server.pid) : undefined;
  const postmaster = backend && isPostgres(backend.ppid) ? statOf(backend.ppid) : undefined;
  // The same pid here may be another process (the server is elsewhere, or in a container), even
  // another cluster's backend: the postmaster must have started when the server says it did.
  if (!server || !postmaster || Math.abs(startedAt(postmaster) - server.started) > 5) return undefined;
  const read = (): number | undefined => {
    // A backend that ends (a connection closed) takes its time out of the live processes' and into
    // the postmaster's collected children's. Read the postmaster on both sides of its children, so
    // that one collected meanwhile (counted in neither, or in both) is seen, and read again.
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = statOf(postmaster.pid);
      const children = processes().reduce((t, p) => t + (p.ppid === postmaster.pid ? p.ticks : 0), 0);
      const after = statOf(postmaster.pid);
      if (!before || !after) return undefined; // the server stopped
      if (after.reapedTicks === before.reapedTicks) return (after.ticks + after.reapedTicks + children) / TICKS_PER_SECOND;
    }
    return undefined;
  };
  let last = 0;
  return () => (last = Math.max(last, read() ?? last));
}
