// What one editor's page view costs the server in a real browser, beside the benchmark's
// autocannon loads (which fetch the HTML only): the page, its client-side requests and any page
// the router fetches ahead (prefetch). One browser context a page, so static files are cached
// after a first view, as for an editor at work; each view is a fresh page load.
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./browser";

/** Playwright calls the network idle after this long with no request open. */
const IDLE_WINDOW_MS = 500;

export interface ViewFigures {
  page: string;
  path: string;
  views: number;
  /** Server CPU a view (all its processes), ms. */
  serverCpuMs: number;
  /** Requests the router made to fetch other pages ahead, a view. */
  prefetches: number;
  /** From the request to the last response before the network went idle (Playwright's 500 ms quiet window not counted), p50 over the views, ms. */
  settledMs: number;
}

export async function measureViews(
  baseUrl: string,
  cookie: string,
  pages: { page: string; path: string }[],
  cpuSeconds: () => number,
  views = 5,
  /** Runs before each measured view: the benchmark's --rendered renews the data version here, so every view is rendered. */
  beforeView?: () => Promise<unknown>,
): Promise<ViewFigures[]> {
  const executablePath = findChromium();
  if (!executablePath) return [];
  const [name, value] = cookie.split(/=(.*)/s); // signIn's `name=value`
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const results: ViewFigures[] = [];
  try {
    for (const { page: label, path } of pages) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
      const page = await context.newPage();
      let prefetches = 0;
      page.on("request", (r) => void (r.headers()["next-router-prefetch"] && prefetches++));
      const view = async () => {
        const started = Date.now();
        await page.goto(baseUrl + path);
        await page.waitForLoadState("networkidle");
        return Date.now() - started - IDLE_WINDOW_MS;
      };
      await view(); // static files into the browser's cache
      prefetches = 0;
      const cpu = cpuSeconds();
      const times: number[] = [];
      for (let i = 0; i < views; i++) {
        await beforeView?.();
        times.push(await view());
      }
      const serverCpuMs = ((cpuSeconds() - cpu) * 1000) / views;
      times.sort((a, b) => a - b);
      results.push({ page: label, path, views, serverCpuMs: Math.round(serverCpuMs), prefetches: Math.round((prefetches / views) * 10) / 10, settledMs: times[Math.floor(views / 2)]! });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
