import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/passwords";
import { seedClaims, seedSources } from "@/seeds/data";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const tables = ["user", "source", "actor", "metric", "event", "tag", "claim", "claimTag", "citation", "attributionLink", "statusChange", "note", "comment", "auditLog"] as const;

describe("seed data", () => {
  const { db } = useMigratedDatabase();

  async function counts() {
    const entries = await Promise.all(tables.map(async (t) => [t, await (db()[t] as unknown as { count(): Promise<number> }).count()] as const));
    return Object.fromEntries(entries);
  }

  it("loads every claim of the seed articles with sources, citations and chains", async () => {
    const { created } = await seedDatabase(db(), { SEED_EDITOR_PASSWORD: "from-the-environment" });
    expect(created).toBeGreaterThan(50);
    expect(await db().source.count()).toBe(seedSources.length);
    expect(await db().claim.count()).toBe(seedClaims.length);
    expect(await db().user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true } })).toEqual([
      { email: "admin@factdesk.test", role: "ADMIN" },
      { email: "editor@factdesk.test", role: "EDITOR" },
      { email: "reviewer@factdesk.test", role: "REVIEWER" },
    ]);

    const volunteers = await db().claim.findUniqueOrThrow({
      where: { id: seedId("claim", "nk-volunteers") },
      include: { citations: { include: { chain: { orderBy: { position: "asc" }, include: { actor: true } } } } },
    });
    expect(volunteers.valueBest?.toString()).toBe("100000");
    expect(volunteers.citations[0]!.chain.map((l) => l.actor.name)).toEqual(["Igor Korotchenko", "Channel One", "New York Post", "National Review"]);

    const range = await db().claim.findUniqueOrThrow({ where: { id: seedId("claim", "ru-deaths-range") } });
    expect([range.valueLow?.toString(), range.valueHigh?.toString(), range.unit]).toEqual(["15000", "25000", "soldiers killed"]);
    const rate = await db().claim.findUniqueOrThrow({ where: { id: seedId("claim", "ru-deaths-rate") } });
    expect([rate.valueBest?.toString(), rate.ratePeriod, rate.metricId]).toEqual(["100", "DAY", range.metricId]);

    const dates = await db().claim.findMany({ where: { kind: "DATE" }, select: { eventDate: true, eventDatePrecision: true } });
    expect(dates.map((d) => [d.eventDate?.toISOString().slice(0, 10), d.eventDatePrecision]).sort()).toEqual([
      ["2014-01-01", "YEAR"],
      ["2022-02-21", "DAY"],
      ["2022-07-13", "DAY"],
    ]);

    // The same interview, dated two ways by the two articles, with one origin.
    const builders = await db().citation.findMany({
      where: { claimId: seedId("claim", "matsegora-builders") },
      include: { chain: { where: { position: 0 }, include: { actor: true } } },
    });
    expect(builders.map((c) => c.saidText).sort()).toEqual(["Monday", "in July"]);
    expect(new Set(builders.map((c) => c.chain[0]!.actor.name))).toEqual(new Set(["Alexander Matsegora"]));

    // Every claim has a citation with a chain, except the content of an attributed statement.
    for (const claim of seedClaims.filter((c) => c.citations.length)) {
      const citations = await db().citation.findMany({ where: { claimId: seedId("claim", claim.key) }, include: { chain: true } });
      expect(citations.length, claim.key).toBe(claim.citations.length);
      for (const c of citations) expect(c.chain.length, claim.key).toBeGreaterThan(0);
    }
    // Each claim's status history starts with its recording; every seeded row is in the audit log.
    expect(await db().statusChange.count({ where: { fromStatus: null } })).toBe(seedClaims.length);
    expect(await db().auditLog.count({ where: { action: "seed.create" } })).toBe(created);
    // Detection runs on the seeded claims as on any save: the rate against the total, and three statement dates.
    expect(await db().auditLog.count({ where: { action: "conflict.detect" } })).toBe(4);
    expect(await db().auditLog.count()).toBe(created + 4);
  });

  it("takes demo passwords from the environment when set", async () => {
    const editor = await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
    expect(await verifyPassword(editor.passwordHash, "from-the-environment")).toBe(true);
    expect(editor.passwordHash).toMatch(/^\$argon2id\$/);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@factdesk.test" } });
    expect(await verifyPassword(admin.passwordHash, "admin-demo-password")).toBe(true);
  });

  it("adds nothing when run again", async () => {
    const before = await counts();
    expect((await seedDatabase(db())).created).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
