// npm run conflicts:scan: compares every claim again (all metrics, events and attributed
// statements, in batches) and brings the stored conflicts in line. Safe to run at any time: a
// second run opens nothing, and a decided conflict reopens only when one of its claims changed.
import { performance } from "node:perf_hooks";
import { openDatabaseServer } from "./lib/database-server";
import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient();
const { createPrismaClient } = await import("../prisma/client");
const { scanAllConflicts } = await import("../lib/server/conflicts/full-rescan");
const server = await openDatabaseServer({ log: console.log });
try {
  const db = createPrismaClient(server.appUrl, { max: 2 });
  try {
    const started = performance.now();
    const r = await scanAllConflicts(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Scanned ${r.claims.toLocaleString("en-GB")} claims (${r.metrics} metrics, ${r.events} events, ${r.statements} attributed statements) in ${seconds} s: ` +
        `${r.found} conflicts hold; ${r.opened} new, ${r.reopened} reopened, ${r.cleared} cleared.`,
    );
  } finally {
    await db.$disconnect();
  }
} finally {
  await server.stop();
}
