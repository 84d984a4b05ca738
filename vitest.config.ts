import path from "node:path";
import { loadEnv } from "vite";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig(({ mode }) => ({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // lib/server modules guard against client bundles; under test they run on the server.
      { find: "server-only", replacement: path.join(root, "tests/support/server-only.ts") },
    ],
  },
  test: {
    env: loadEnv(mode, root, ""),
    // Two files at a time on two cores: each integration file has a database of its own
    // (tests/support/database.ts), so files do not share rows.
    maxWorkers: 2,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
