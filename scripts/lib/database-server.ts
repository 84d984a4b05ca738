// The PostgreSQL server a command works against: DATABASE_URL's when it is set, otherwise an
// embedded one in .data/ (a separate cluster for tests, so they never touch the app's data).
import path from "node:path";
import { databaseName, startEmbeddedPostgres, withDatabase } from "./embedded-postgres";

export interface DatabaseServer {
  /** The database the app uses (DATABASE_URL, or `factdesk` on the embedded server), as the app's role. */
  appUrl: string;
  /** The same database as its owner, for migrations (MIGRATION_DATABASE_URL, or the embedded superuser). */
  ownerUrl: string;
  /** The server's maintenance database, as the owner, for creating and dropping others. */
  adminUrl: string;
  /** Another database on the server, as the owner. */
  url(database: string): string;
  /** Another database on the server, as the app's role. */
  appUrlFor(database: string): string;
  embedded: boolean;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

/** Where the embedded clusters and local secrets live: `.data/`, or FACTDESK_DATA_DIR (the lifecycle tests use their own). */
export const dataDir = path.resolve(process.env.FACTDESK_DATA_DIR ?? path.join(root, ".data"));

export async function openDatabaseServer(
  options: { purpose?: "app" | "test"; log?: (m: string) => void } = {},
): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const owner = process.env.MIGRATION_DATABASE_URL || external;
    return {
      appUrl: external,
      ownerUrl: owner,
      adminUrl: withDatabase(owner, "postgres"),
      url: (db) => withDatabase(owner, db),
      appUrlFor: (db) => withDatabase(external, db),
      embedded: false,
      stop: async () => {},
    };
  }
  const test = options.purpose === "test";
  const port = Number(test ? (process.env.TEST_PGPORT ?? 54330) : (process.env.PGPORT ?? 54320));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, test ? "postgres-test" : "postgres"),
    port,
    log: options.log,
  });
  return {
    appUrl: server.appUrl("factdesk"),
    ownerUrl: server.url("factdesk"),
    adminUrl: server.url("postgres"),
    url: server.url,
    appUrlFor: server.appUrl,
    embedded: true,
    stop: server.stop,
  };
}

export async function withDatabaseServer<T>(fn: (server: DatabaseServer) => Promise<T>): Promise<T> {
  const server = await openDatabaseServer({ purpose: "test" });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

export { databaseName };
