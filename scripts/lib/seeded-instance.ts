// A throwaway instance for checks from outside (npm run security:scan): the production build on
// loopback, served on a freshly migrated and seeded database of the test cluster, dropped after.
import { randomBytes } from "node:crypto";
import { openDatabaseServer, type DatabaseServer } from "./database-server";
import { dropDatabase, ensureDatabase } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { ensureBuild, startNext, waitForHttp } from "./next-app";

export interface SeededInstance {
  baseUrl: string;
  /** The database, as its owner (for counting rows from outside). */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startSeededInstance(options: { port: number; log: (m: string) => void }): Promise<SeededInstance> {
  const { port, log } = options;
  const server: DatabaseServer = await openDatabaseServer({ purpose: "test", log });
  if (server.embedded) await ensureDatabase(server.adminUrl, "postgres");
  const name = `factdesk_scan_${randomBytes(4).toString("hex")}`;
  let app: ReturnType<typeof startNext> | undefined;
  const stop = async () => {
    await app?.stop();
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  };
  try {
    await ensureDatabase(server.adminUrl, name);
    await applyMigrations(server.url(name));
    const { createPrismaClient } = await import("../../prisma/client");
    const { seedDatabase } = await import("../../seeds/load");
    const { seedPublication } = await import("../../seeds/publication");
    const db = createPrismaClient(server.url(name), { max: 2 });
    await seedDatabase(db)
      .then(() => seedPublication(db))
      .finally(() => db.$disconnect());
    const env = {
      ...process.env,
      DATABASE_URL: server.appUrlFor(name), // the app's own role, as in production
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    await ensureBuild(env, log);
    process.env.HOST = "127.0.0.1"; // startNext listens where HOST says: loopback only
    app = startNext({ mode: "start", port, env, quiet: true });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/api/health`, 60_000);
    return { baseUrl, databaseUrl: server.url(name), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
