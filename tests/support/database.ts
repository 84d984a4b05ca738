// Each integration test file works on a database of its own, cloned from the migrated template
// that scripts/test.ts prepared for this run; the user's own data is never touched.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { SessionUser } from "@/lib/server/authorize";
import { findActiveUser } from "@/lib/server/users";
import { createPrismaClient, type Db } from "@/prisma/client";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\`.`);
  return value;
}

export const adminUrl = () => required("TEST_ADMIN_URL");

/** The app's own database role (scripts/lib/database-roles.ts): what lib/server connects as. */
export const appUrl = () => required("TEST_APP_URL");

/** A database on the test server, as its owner (or, with `as: "app"`, as the app's role). */
export function urlFor(database: string, as: "owner" | "app" = "owner") {
  const u = new URL(as === "app" ? appUrl() : adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database (or a copy of the migrated template); drop() removes it. */
export async function createDatabase(options: { fromTemplate: boolean }) {
  const name = `factdesk_t_${randomBytes(6).toString("hex")}`;
  const template = options.fromTemplate ? ` TEMPLATE "${required("TEST_TEMPLATE_DB")}"` : "";
  await admin((c) => c.query(`CREATE DATABASE "${name}"${template}`));
  return {
    name,
    url: urlFor(name),
    appUrl: urlFor(name, "app"),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

/**
 * Gives the test file a migrated database of its own, points the app's data layer
 * (lib/server/db.ts reads DATABASE_URL) at it as the app's own role, as in production, and
 * returns a client for arranging data (as the owner), and `actor`: the active user with an email, as a
 * verb receives them from the session.
 */
export function useMigratedDatabase(): { db: () => Db; url: () => string; appUrl: () => string; actor: (email: string) => Promise<SessionUser> } {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let client: Db | undefined;
  beforeAll(async () => {
    database = await createDatabase({ fromTemplate: true });
    process.env.DATABASE_URL = database.appUrl;
    delete (globalThis as { db?: Db }).db;
    client = createPrismaClient(database.url, { max: 3 });
  });
  afterAll(async () => {
    await client?.$disconnect();
    await (globalThis as { db?: Db }).db?.$disconnect();
    delete (globalThis as { db?: Db }).db;
    await database?.drop();
  });
  const db = () => client ?? (() => { throw new Error("database not ready"); })();
  return {
    db,
    actor: async (email) => (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email } })).id))!,
    url: () => database?.url ?? "",
    appUrl: () => database?.appUrl ?? "",
  };
}
