// npm run db:migrate: applies prisma/migrations to DATABASE_URL (or the embedded server's app database).
import { ensureDatabase } from "./lib/embedded-postgres";
import { openDatabaseServer } from "./lib/database-server";
import { applyMigrations } from "./lib/migrate";

const server = await openDatabaseServer({ log: console.log });
try {
  if (server.embedded) await ensureDatabase(server.adminUrl, "factdesk");
  const applied = await applyMigrations(server.ownerUrl, console.log);
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
} finally {
  await server.stop();
}
