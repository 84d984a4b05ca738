import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { checkDatabase } from "@/lib/server/health";
import { createPrismaClient, type Db } from "@/prisma/client";
import { adminUrl } from "../support/database";

/** A TCP relay in front of the real PostgreSQL that can be cut and restored, like a network outage. */
function outageRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      const open = server;
      server = undefined;
      open ? open.close(() => resolve()) : resolve();
    });
  return { open, cut, url: () => Object.assign(new URL(target), { port: String(port) }).toString() };
}

describe("database health", () => {
  const relays: ReturnType<typeof outageRelay>[] = [];
  const newRelay = () => {
    const relay = outageRelay(new URL(adminUrl()));
    relays.push(relay);
    return relay;
  };
  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.cut();
  });

  it("reports down while the database is unreachable and recovers on its own when it returns", async () => {
    const relay = newRelay();
    await relay.open();
    const db = createPrismaClient(relay.url(), { max: 2 });
    try {
      expect(await checkDatabase(db)).toBe("ok");
      await relay.cut();
      expect(await checkDatabase(db)).toBe("down");
      expect(await checkDatabase(db)).toBe("down");
      await relay.open();
      expect(await checkDatabase(db)).toBe("ok");
    } finally {
      await db.$disconnect();
    }
  });

  it("GET /api/health answers 200 while the database answers, 503 while it does not, and 200 again after", async () => {
    const relay = newRelay();
    await relay.open();
    process.env.DATABASE_URL = relay.url();
    delete (globalThis as { db?: Db }).db;
    try {
      let res = await GET();
      expect([res.status, await res.json()]).toEqual([200, { status: "ok", db: "ok" }]);
      await relay.cut();
      res = await GET();
      expect([res.status, await res.json()]).toEqual([503, { status: "degraded", db: "down" }]);
      await relay.open();
      res = await GET();
      expect([res.status, await res.json()]).toEqual([200, { status: "ok", db: "ok" }]);
    } finally {
      await (globalThis as { db?: Db }).db?.$disconnect();
      delete (globalThis as { db?: Db }).db;
    }
  });

  it("answers within its time limit when nothing is listening at all", async () => {
    const db = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:1/none", { max: 1 });
    const started = Date.now();
    expect(await checkDatabase(db)).toBe("down");
    expect(Date.now() - started).toBeLessThan(4000);
    await db.$disconnect();
  });
});
