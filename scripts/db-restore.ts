// npm run db:restore -- FILE [--database NAME]: restores a dump made by `npm run db:backup` into
// an empty database: DATABASE_URL's (or the embedded app database, created if missing), or NAME on
// the same server, as the tables' owner (MIGRATION_DATABASE_URL when set). Refuses a database that
// already has tables.
import path from "node:path";
import { restoreDatabase } from "./lib/backup";
import { openDatabaseServer, type DatabaseServer } from "./lib/database-server";
import { ensureDatabase } from "./lib/embedded-postgres";

const args = process.argv.slice(2);
const named = args.indexOf("--database");
const database = named >= 0 ? args[named + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && (named < 0 || i !== named + 1));
if (!file) {
  console.error("Usage: npm run db:restore -- FILE [--database NAME]");
  process.exit(2);
}

let server: DatabaseServer | undefined;
try {
  server = await openDatabaseServer({ log: console.log });
  const url = database ? server.url(database) : server.ownerUrl;
  if (database || server.embedded) await ensureDatabase(server.adminUrl, database ?? "factdesk");
  const started = Date.now();
  await restoreDatabase(url, path.resolve(file), { log: console.log });
  console.log(`Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (e) {
  console.error(`Restore failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
}
