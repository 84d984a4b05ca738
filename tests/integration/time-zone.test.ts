// Prisma's pg adapter writes and reads timestamps as UTC without looking at the session's zone,
// while defaults and triggers use the database's now(). On a server set to another zone the two
// would disagree by hours, so the app's sessions run in UTC whatever the server says.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { adminUrl, useMigratedDatabase } from "../support/database";

describe("time zone", () => {
  const { url, appUrl } = useMigratedDatabase();

  it("reads and writes the same instants as the database when the server's zone is not UTC", async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    // Kathmandu is 5:45 ahead: no whole-hour coincidence can hide an error.
    await admin.query(`ALTER DATABASE "${new URL(url()).pathname.slice(1)}" SET timezone TO 'Asia/Kathmandu'`);
    await admin.end();
    const owner = new pg.Client({ connectionString: url() });
    await owner.connect();
    // The setting took: a plain connection to this database runs in Kathmandu's zone.
    expect((await owner.query("SHOW TimeZone")).rows[0].TimeZone).toBe("Asia/Kathmandu");
    await owner.end();

    const client = createPrismaClient(appUrl(), { max: 1 });
    try {
      const [zone] = await client.$queryRaw<{ zone: string }[]>`SELECT current_setting('TimeZone') AS zone`;
      expect(zone?.zone).toBe("UTC");
      // The database's now(), read through the adapter, is this moment.
      const [row] = await client.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
      expect(Math.abs(row!.now.getTime() - Date.now())).toBeLessThan(60_000);
      // A moment the app writes is the moment the database stores.
      const moment = new Date("2026-03-01T12:34:56.789Z");
      const [stored] = await client.$queryRaw<{ ms: number }[]>`SELECT (extract(epoch FROM ${moment}::timestamptz) * 1000)::float8 AS ms`;
      expect(stored?.ms).toBe(moment.getTime());
    } finally {
      await client.$disconnect();
    }
  });
});
