// npm run db:seed: migrates, then loads the seed articles' data. Running it twice adds nothing.
import { openDatabaseServer } from "./lib/database-server";
import { ensureDatabase } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient();
// Imported after generating: the Prisma client may not exist on a fresh clone.
const { createPrismaClient } = await import("../prisma/client");
const { seedDatabase } = await import("../seeds/load");
const { seedPublication } = await import("../seeds/publication");
const server = await openDatabaseServer({ log: console.log });
if (!server.embedded && !process.argv.includes("--demo-accounts")) {
  console.error("DATABASE_URL is set: the seed data brings demo accounts with known passwords. Run `npm run db:seed -- --demo-accounts` to load it anyway.");
  process.exit(1);
}
try {
  if (server.embedded) await ensureDatabase(server.adminUrl, "factdesk");
  await applyMigrations(server.ownerUrl, console.log);
  const db = createPrismaClient(server.appUrl, { max: 2 });
  try {
    const { created } = await seedDatabase(db);
    console.log(created ? `Seeded ${created} rows.` : "Seed data already present: nothing added.");
    const { token } = await seedPublication(db);
    if (token) console.log(`Published the seed fact sheet; its public link (shown only now): /p/${token}`);
  } finally {
    await db.$disconnect();
  }
} finally {
  await server.stop();
}
