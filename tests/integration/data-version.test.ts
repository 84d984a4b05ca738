import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { claimSchema } from "@/lib/schemas/claim";
import { commentSchema } from "@/lib/schemas/workflow";
import { createClaim } from "@/lib/server/claim-edits";
import { addComment } from "@/lib/server/comments";
import { versionDownloads } from "@/lib/server/export-jobs";
import { createLink, openPublicLink, revokeLink } from "@/lib/server/fact-sheet-links";
import { versionExports } from "@/lib/server/fact-sheet-exports";
import { previewPublication, publishSheet, readVersion } from "@/lib/server/fact-sheet-publishing";
import { activeSession, activeSessionUser, openSession } from "@/lib/server/sessions";
import { seedDatabase, seedId } from "@/seeds/load";
import { seedPublication } from "@/seeds/publication";
import { applyMigrations } from "@/scripts/lib/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "../support/database";

// The page cache (lib/server/page-cache.ts) serves a kept page only while data_version's token is
// the one the page was rendered under: every write to what pages show must renew it, in its own
// commit, and sign-in bookkeeping must not (it happens on every editor's every minute).
describe("the data version", () => {
  const { db, actor, url } = useMigratedDatabase();
  const token = async () => (await db().dataVersion.findUniqueOrThrow({ where: { id: true } })).token;

  it("changes with each committed write through the app, and not with a rolled-back one", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const t0 = await token();

    const made = await createClaim(editor, claimSchema.parse({ statement: "Forty volunteers arrived at the depot on Monday.", kind: "EVENT", tags: "" }));
    if (!made.ok) throw new Error(made.message);
    const t1 = await token();
    expect(t1).not.toBe(t0);

    const comment = await addComment(editor, commentSchema.parse({ claimId: made.value.id, body: "Which depot?" }));
    expect(comment.ok).toBe(true);
    const t2 = await token();
    expect(t2).not.toBe(t1);

    await expect(
      db().$transaction(async (tx) => {
        await tx.claim.update({ where: { id: made.value.id }, data: { statement: "Never committed." } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await token()).toBe(t2);

    // A write straight in SQL, outside the app's code, renews it too (the triggers are the rule).
    await db().$executeRaw`UPDATE claims SET statement = statement || '.' WHERE id = ${made.value.id}::uuid`;
    expect(await token()).not.toBe(t2);
  });

  it("stays when only a session is opened or touched, and is read with the session", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const before = await token();
    const sessionId = await openSession(editor.id, "127.0.0.1", "test");
    await db().session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - 3_600_000) } });
    expect(await activeSessionUser(sessionId, editor.id)).toMatchObject({ id: editor.id }); // touches lastSeenAt again
    expect(await token()).toBe(before);
    // The page cache's read: the session's user and the version, in one statement.
    expect(await activeSession(sessionId, editor.id)).toEqual({ user: expect.objectContaining({ id: editor.id }), dataVersion: before });
    const comment = await addComment(editor, commentSchema.parse({ claimId: seedId("claim", "ru-deaths-range"), body: "Which month?" }));
    expect(comment.ok).toBe(true);
    const after = await activeSession(sessionId, editor.id);
    expect(after.dataVersion).not.toBe(before);
    expect(after.dataVersion).toBe(await token());
    // A cookie naming another user signs no one in.
    expect((await activeSession(sessionId, "someone-else")).user).toBeNull();
  });

  it("is watched on every table but sign-in bookkeeping, tables of later migrations included", async () => {
    await db().$executeRawUnsafe(`CREATE TABLE later_notes (id int PRIMARY KEY)`);
    await applyMigrations(url(), () => {}, { appRole: null }); // as after a later migration made it
    const rows = await db().$queryRaw<{ table: string; watched: boolean }[]>`
      SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_version_changed') AS watched
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'`;
    const unwatched = rows.filter((r) => !r.watched).map((r) => r.table).sort();
    expect(unwatched).toEqual(["_prisma_migrations", "api_tokens", "data_version", "job_worker_heartbeats", "published_version", "rate_limits", "security_events", "sessions"]);
    expect(rows.map((r) => r.table)).toContain("later_notes");
    expect(rows.length).toBeGreaterThan(30);
    const before = await token();
    await db().$executeRawUnsafe(`INSERT INTO later_notes VALUES (1)`);
    expect(await token()).not.toBe(before);
    await db().$executeRawUnsafe(`DROP TABLE later_notes`);
  });
});

// Public sheet pages (/p/…) are kept on their own token, published_version, renewed only by writes to
// what such a page reads (app/p/[token]/page.tsx): a claim saved or a comment written leaves them kept,
// and a link made or revoked, a version published, a file made or a PDF job moved renews it.
describe("the published version", () => {
  const { db, actor, appUrl } = useMigratedDatabase();
  const token = async () => (await db().publishedVersion.findUniqueOrThrow({ where: { id: true } })).token;
  const data = async () => (await db().dataVersion.findUniqueOrThrow({ where: { id: true } })).token;

  it("changes with what a public page shows, and not with the newsroom's other writes", async () => {
    await seedDatabase(db());
    const { sheetId } = await seedPublication(db());
    const editor = await actor("editor@factdesk.test");
    const renewed = async (write: () => Promise<unknown>) => {
      const before = await token();
      await write();
      return (await token()) !== before;
    };

    // The newsroom's daily writes: the data version moves, the published version stays.
    const d0 = await data();
    expect(
      await renewed(async () => {
        const made = await createClaim(editor, claimSchema.parse({ statement: "Forty volunteers arrived at the depot on Monday.", kind: "EVENT", tags: "" }));
        if (!made.ok) throw new Error(made.message);
        expect((await addComment(editor, commentSchema.parse({ claimId: made.value.id, body: "Which depot?" }))).ok).toBe(true);
      }),
    ).toBe(false);
    expect(await data()).not.toBe(d0);

    // What a public page shows.
    let linkId = "";
    expect(
      await renewed(async () => {
        const link = await createLink(editor, { sheetId });
        if (!link.ok) throw new Error(link.message);
        linkId = link.value.id;
      }),
    ).toBe(true);
    const v1 = (await readVersion({ factSheetId: sheetId }))!;
    expect(await renewed(() => versionExports(v1, "https://facts.example.org", ["csv"]))).toBe(true); // a file made on first ask
    expect(await renewed(() => versionExports(v1, "https://facts.example.org", ["csv"]))).toBe(false); // and only then
    expect(await renewed(() => revokeLink(editor, { linkId }))).toBe(true);
    expect(
      await renewed(async () => {
        const preview = (await previewPublication(editor, sheetId))!;
        const published = await publishSheet(editor, { sheetId, version: preview.sheetVersion, previousNumber: preview.previousNumber, changeNote: "Published again, unchanged." });
        if (!published.ok) throw new Error(published.message);
      }),
    ).toBe(true);
    // A PDF job's progress, as the worker writes it (straight in SQL: the triggers are the rule).
    expect(await renewed(() => db().$executeRaw`INSERT INTO export_jobs (id, snapshot_id, format, max_attempts) VALUES (gen_random_uuid(), ${v1.id}::uuid, 'pdf', 3)`)).toBe(true);
    expect(await renewed(() => db().$executeRaw`UPDATE export_jobs SET stage = 'layout' WHERE snapshot_id = ${v1.id}::uuid`)).toBe(true);
    // Emptying a watched table renews it too (a statement trigger: TRUNCATE fires no row triggers).
    expect(await renewed(() => db().$executeRaw`TRUNCATE export_jobs`)).toBe(true);
  });

  it("is watched on every table a public page reads", async () => {
    const rows = await db().$queryRaw<{ table: string }[]>`
      SELECT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND g.tgname = 'published_version_changed' ORDER BY 1`;
    const watched = rows.map((r) => r.table);
    expect(watched).toEqual(["export_jobs", "fact_sheet_exports", "fact_sheet_links", "fact_sheet_snapshots"]);

    // What the page's own reads name (app/p/[token]/page.tsx: the link and its version, then the
    // Downloads list, its PDF made as a job so the job's row is read too), through a client that
    // sees every statement: a table a later change makes the page read must be watched as well.
    await seedDatabase(db());
    const { sheetId } = await seedPublication(db());
    const made = await createLink(await actor("editor@factdesk.test"), { sheetId });
    if (!made.ok) throw new Error(made.message);
    const statements: string[] = [];
    const pool = new pg.Pool({ connectionString: appUrl(), max: 2 });
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const sent = args[0];
        statements.push(typeof sent === "string" ? sent : String((sent as { text?: string }).text ?? ""));
        return query(...args);
      };
    });
    const app = globalThis as { db?: unknown };
    const saved = { db: app.db, minClaims: process.env.PDF_JOB_MIN_CLAIMS };
    app.db = new PrismaClient({ adapter: new PrismaPg(pool) });
    process.env.PDF_JOB_MIN_CLAIMS = "1";
    try {
      const version = (await openPublicLink(made.value.token))!;
      const files = await versionDownloads(version, "https://facts.example.org");
      expect(files.find((f) => f.format === "pdf")).toMatchObject({ job: { status: "QUEUED" } });
    } finally {
      await (app.db as PrismaClient).$disconnect();
      await pool.end(); // a pool given to the adapter is the giver's to end
      app.db = saved.db;
      if (saved.minClaims === undefined) delete process.env.PDF_JOB_MIN_CLAIMS;
      else process.env.PDF_JOB_MIN_CLAIMS = saved.minClaims;
    }
    const tables = new Set((await db().$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`).map((t) => t.name));
    const named = new Set(statements.flatMap((sql) => [...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:"?public"?\.)?"?([a-z_]+)"?/gi)].map((m) => m[1]!)));
    const read = [...named].filter((t) => tables.has(t)).sort();
    expect(read).toEqual(expect.arrayContaining(["export_jobs", "fact_sheet_exports", "fact_sheet_links", "fact_sheet_snapshots"]));
    expect(read.filter((t) => !watched.includes(t))).toEqual([]);
    // The one function that renews a token knows the two tables that hold one, and no other.
    await expect(db().$executeRaw`SELECT version_renew('claims')`).rejects.toThrow(/No version token is kept in claims/);
  });
});
