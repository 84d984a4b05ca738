// One way to make a Prisma client, for the app (lib/server/db.ts), the seed loader and the tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";

const PREPARED = /^\s*\/\* prepared: ([a-z_]+) \*\//;

/**
 * The name a raw statement opts into preparation with, by starting with a comment
 * `/* prepared: name *\/`, or "" (unnamed, planned anew each time, as Prisma sends its own).
 * PostgreSQL parses and plans a prepared statement once a connection: for a wide read of one row
 * by key (a claim's page) planning was most of its cost. Only statements whose plan cannot depend
 * on their parameters opt in, since after five runs PostgreSQL may keep one generic plan. A name
 * stands for one text: pg refuses a name sent again with another.
 */
export const preparedStatementName = (sql: string) => PREPARED.exec(sql)?.[1] ?? "";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    // Fail fast when the database is down, so /api/health answers and the app recovers on its own.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    // Prisma's adapter sends times without an offset and reads them as UTC, while defaults and
    // triggers use the session's now(): every session runs in UTC, whatever the server's zone.
    options: "-c TimeZone=UTC",
  }, { statementNameGenerator: (query) => preparedStatementName(query.sql) });
  // A burst of writes queues for the pool's connections (and a row lock) rather than failing after
  // Prisma's 2 s wait for a connection and 5 s a transaction.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 10_000 } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export { Prisma } from "../lib/generated/prisma/client";
export type * from "../lib/generated/prisma/client";
