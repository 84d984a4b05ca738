import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/lib/browser";

// The app is started by scripts/test.ts (production build, its own fresh database) and its URL
// handed over in E2E_BASE_URL, with the Chromium it found or installed in CHROMIUM_PATH.
const PROOF = /proof-.*\.spec\.ts$/;
const BULK = /bulk-.*\.spec\.ts$/;
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3100";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    // Recording every test's trace (to keep a failure's) made the browser tests a third slower:
    // editors-day and sources took 119 s with it, 90 s without (102 s with DOM snapshots only).
    // Off unless asked for: `E2E_TRACE=retain-on-failure npm test -- tests/e2e/x.spec.ts`.
    trace: (process.env.E2E_TRACE as "retain-on-failure" | "on" | undefined) ?? "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: [PROOF, BULK] },
    // Tests that add many claims at once run after the others: the claims list shows the newest 50,
    // and the other tests find their seeded claims on its first page.
    { name: "bulk", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: BULK, dependencies: ["chromium"] },
    // The proofs from outside (authorization matrix, XSS corpus) write many rows through every verb:
    // they run after every other browser test, so no list or count those tests read changes under them.
    { name: "proof", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: PROOF, dependencies: ["bulk"] },
  ],
});
