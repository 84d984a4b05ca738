import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { chromium } from "playwright";
import { signIn } from "./lib/http-session";
import { findChromium } from "./lib/browser";
const base = "http://localhost:3000";
const pid = execSync("pgrep -f \"^next-server\"").toString().trim().split("\n")[0];
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; }; // ms
const cookie = await signIn(base, "editor@factdesk.test", "editor-demo-password");
const [name, value] = cookie.split(";")[0]!.split(/=(.*)/s);
const browser = await chromium.launch({ executablePath: findChromium() });
for (const path of process.argv.slice(2)) {
  for (const block of [true, false, true, false]) {
    let prefetches = 0;
    let total = 0;
    const N = 8;
    for (let i = 0; i < N; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: name!, value: value!, url: base }]);
      const page = await context.newPage();
      await page.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? (prefetches++, block ? route.abort() : route.continue()) : route.continue()));
      await new Promise((r) => setTimeout(r, 300));
      const before = cpu();
      await page.goto(base + path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      await new Promise((r) => setTimeout(r, 300));
      total += cpu() - before;
      await context.close();
    }
    console.log(`${path} prefetch ${block ? "blocked" : "allowed"}: ${(prefetches / N).toFixed(1)} prefetch requests a view, server CPU ${(total / N).toFixed(0)} ms a view`);
  }
}
await browser.close();
