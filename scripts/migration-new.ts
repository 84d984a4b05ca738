// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change between the schema the
// last migration built (prisma/migrated.schema.snapshot) and prisma/schema.prisma.
// Hand-written SQL (triggers, generated columns) may be appended to the file before it is committed.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { withDatabaseServer } from "./lib/database-server";
import { MIGRATIONS_DIR } from "./lib/migrate";
import { diffSchemas } from "./lib/schema-engine";

const root = path.resolve(import.meta.dirname, "..");
const schemaFile = path.join(root, "prisma/schema.prisma");
const snapshotFile = path.join(root, "prisma/migrated.schema.snapshot");

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (for example: add_claim_search)");
  process.exit(1);
}

const schema = await readFile(schemaFile, "utf8");
const previous = existsSync(snapshotFile) ? await readFile(snapshotFile, "utf8") : null;

const sql = await withDatabaseServer((server) => diffSchemas(previous, schema, server.adminUrl));
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("schema.prisma has no change since the last migration: nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql);
await writeFile(snapshotFile, schema);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql. Read it, then npm test proves it matches the schema.`);
