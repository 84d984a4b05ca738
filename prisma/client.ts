// One way to make a Prisma client, for the app (lib/server/db.ts), the seed loader and the tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    // Fail fast when the database is down, so /api/health answers and the app recovers on its own.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    // Timestamps are stored without a zone and Prisma's adapter reads and writes them as UTC, while
    // defaults and triggers use the session's now(): every session runs in UTC, whatever the server's zone.
    options: "-c TimeZone=UTC",
  });
  // A burst of writes queues for the pool's connections (and a row lock) rather than failing after
  // Prisma's 2 s wait for a connection and 5 s a transaction.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 10_000 } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export { Prisma } from "../lib/generated/prisma/client";
export type * from "../lib/generated/prisma/client";
