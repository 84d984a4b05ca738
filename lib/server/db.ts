import "server-only";
import { createPrismaClient, type Db } from "@/prisma/client";

const globalForDb = globalThis as unknown as { db?: Db };

function client(): Db {
  if (!globalForDb.db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which sets it.");
    globalForDb.db = createPrismaClient(url);
  }
  return globalForDb.db;
}

/** The app's one Prisma client, made on first use (so `next build` needs no database). */
export const db: Db = new Proxy({} as Db, {
  get(_, key) {
    const c = client();
    const value = Reflect.get(c, key, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
