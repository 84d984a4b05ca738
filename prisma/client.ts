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
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
export { Prisma } from "../lib/generated/prisma/client";
export type * from "../lib/generated/prisma/client";
