// npm run db:backup [-- FILE] [--logical]: dumps DATABASE_URL's database (or the embedded app
// database), connecting as its owner (MIGRATION_DATABASE_URL when set), to FILE, by default
// .data/backups/factdesk-<time>.dump. Uses pg_dump when one matching
// the server is installed, otherwise Factdesk's own logical dump (scripts/lib/backup.ts).
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "./lib/backup";
import { openDatabaseServer, type DatabaseServer } from "./lib/database-server";

const args = process.argv.slice(2);
const logical = args.includes("--logical");
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const file = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(".data", "backups", `factdesk-${stamp}.dump`));
mkdirSync(path.dirname(file), { recursive: true });

let server: DatabaseServer | undefined;
try {
  server = await openDatabaseServer({ log: console.log });
  const started = Date.now();
  // As the tables' owner: the app's own role may not read the migrations table (database-roles.ts).
  const format = await backupDatabase(server.ownerUrl, file, { format: logical ? "logical" : undefined, log: console.log });
  console.log(`Wrote ${file} (${format}, ${(statSync(file).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (e) {
  console.error(`Backup failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
}
