import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/lib/browser";

// The app is started by scripts/test.ts (production build, its own fresh database) and its URL
// handed over in E2E_BASE_URL, with the Chromium it found or installed in CHROMIUM_PATH.
// The tests run in two lanes at once, each one test at a time on its own server and database: a
// second server over a copy of the same seeded database (E2E_SECOND_URL) serves the page-wide
// sweeps (axe and CSP on every page as every role, the 390 px checks) and a few files that read
// or write only what no test of the other lane reads. Within a lane, files run in name order.
const PROOF = /proof-.*\.spec\.ts$/;
const SECOND = /\/(api|auth|claims|design|every-page|keyboard|lifecycle|responsive|security)\.spec\.ts$/;
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3100";
const secondURL = process.env.E2E_SECOND_URL ?? "http://localhost:3101";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Two lanes share two cores with both servers and PostgreSQL: a test may take longer than alone.
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: [PROOF, SECOND], workers: 1 },
    { name: "second server", use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: secondURL }, testMatch: SECOND, workers: 1 },
    // The proofs from outside (authorization matrix, XSS corpus) write many rows through every verb:
    // they run after the other tests on their database (the second lane has its own), so no list
    // or count those tests read changes under them.
    { name: "proof", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: PROOF, dependencies: ["chromium"], workers: 1 },
  ],
});
