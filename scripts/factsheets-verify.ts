// npm run factsheets:verify: recomputes every fact sheet's hash chain and reports any published
// version whose content or order was changed behind the application's back. Exits 1 if any was.
import { openDatabaseServer } from "./lib/database-server";
import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient();
const { createPrismaClient } = await import("../prisma/client");
const { verifyChains } = await import("../lib/server/fact-sheet-chain");
const server = await openDatabaseServer({ log: console.log });
let failed = false;
try {
  const db = createPrismaClient(server.appUrl, { max: 2 });
  try {
    const r = await verifyChains(db);
    for (const p of r.problems) console.log(`TAMPERED  ${p.slug} version ${p.number}: ${p.problem}`);
    console.log(`Checked ${r.versions} versions of ${r.sheets} fact sheets: ${r.problems.length ? `${r.problems.length} problem(s).` : "every hash chain holds."}`);
    failed = r.problems.length > 0;
  } finally {
    await db.$disconnect();
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
