import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { SnapshotContent } from "@/lib/factsheets/snapshot";
import { PRINT_FONT_PACKAGES, toPrintHtml } from "@/lib/exports/print-html";
import { CHROMIUM_ARGS, findChromium } from "@/scripts/lib/browser";

// A version's PDF: Chromium prints the print page. Fonts are read from the app's own
// node_modules through a request route; every other request is refused, so nothing is fetched.
const FONT_BASE = "https://fonts.factdesk.invalid";
const IDLE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | undefined;

/** One browser for every PDF (a cold start costs about 0.7 s), closed after a minute unused. */
async function sharedBrowser(): Promise<Browser> {
  clearTimeout(idle);
  browser ??= chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? findChromium(), args: CHROMIUM_ARGS }).catch((e) => {
    browser = null;
    throw e;
  });
  return browser;
}

function releaseLater() {
  clearTimeout(idle);
  idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
  idle.unref();
}

export async function closePdfBrowser() {
  clearTimeout(idle);
  const open = browser;
  browser = null;
  await (await open?.catch(() => null))?.close();
}

async function fontFile(url: string): Promise<Buffer | null> {
  const match = /^\/([a-z-]+)\/((?:files\/)?[a-z0-9.-]+\.(?:css|woff2))$/.exec(new URL(url).pathname);
  const pkg = match && PRINT_FONT_PACKAGES[match[1] as keyof typeof PRINT_FONT_PACKAGES];
  if (!pkg) return null;
  return readFile(path.join(process.cwd(), "node_modules", pkg, match[2]!)).catch(() => null);
}

/** The version's PDF; `onPrint` hears when the page is laid out and printing begins (a job's progress). */
export async function renderPdf(content: SnapshotContent, onPrint?: () => Promise<void>): Promise<Buffer> {
  const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      const body = url.startsWith(`${FONT_BASE}/`) ? await fontFile(url) : null;
      if (!body) return route.abort();
      return route.fulfill({ body, contentType: url.endsWith(".css") ? "text/css" : "font/woff2" });
    });
    await page.setContent(toPrintHtml(content, FONT_BASE), { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await onPrint?.();
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
    });
  } finally {
    await context.close();
    releaseLater();
  }
}
