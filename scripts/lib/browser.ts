// Finds a Chromium for the browser tests, screenshots and PDF exports, or gets one:
//   1. CHROMIUM_PATH, when set (and nothing else: the reader chose it)
//   2. Debian's /usr/bin/chromium (or chromium-browser, google-chrome)
//   3. Playwright's own browser cache (~/.cache/ms-playwright)
//   4. Playwright's installer, where the machine can download browsers
//   5. Debian's package, when running as root on Debian
// and only when all of that fails, one line that says exactly what to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const HOW_TO_GET_CHROMIUM =
  "No Chromium found: run `npx playwright install chromium` (or, on Debian/Ubuntu, `sudo apt-get install -y chromium`), or set CHROMIUM_PATH to a Chrome or Chromium binary.";

function playwrightCachePath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core") as { chromium: { executablePath(): string } };
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** A Chromium already on this machine, without installing anything. */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const cached = playwrightCachePath();
  return [...SYSTEM_PATHS, ...(cached ? [cached] : [])].find((p) => existsSync(p));
}

/** A Chromium on this machine, installing one when none is there; undefined (after saying what to run) when that fails. */
export function ensureChromium(log: (m: string) => void): string | undefined {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist. ${HOW_TO_GET_CHROMIUM}`);
    return undefined;
  }
  log("No Chromium found: trying Playwright's installer…");
  const cli = path.join(root, "node_modules", "playwright-core", "cli.js");
  const installed = spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "ignore", timeout: 300_000 });
  if (installed.status === 0 && findChromium()) return findChromium();
  if (process.getuid?.() === 0 && existsSync("/etc/debian_version")) {
    log("Playwright could not download a browser: installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore", env, timeout: 300_000 });
    const apt = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "ignore", env, timeout: 600_000 });
    if (apt && apt.status === 0 && findChromium()) return findChromium();
  }
  console.error(HOW_TO_GET_CHROMIUM);
  return undefined;
}

/** Launch arguments that work headless as root on a machine with no outside network. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
