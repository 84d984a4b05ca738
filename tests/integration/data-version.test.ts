import { describe, expect, it } from "vitest";
import { claimSchema } from "@/lib/schemas/claim";
import { commentSchema } from "@/lib/schemas/workflow";
import { createClaim } from "@/lib/server/claim-edits";
import { addComment } from "@/lib/server/comments";
import { activeSession, activeSessionUser, openSession } from "@/lib/server/sessions";
import { seedDatabase, seedId } from "@/seeds/load";
import { applyMigrations } from "@/scripts/lib/migrate";
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
    expect(unwatched).toEqual(["_prisma_migrations", "api_tokens", "data_version", "job_worker_heartbeats", "rate_limits", "security_events", "sessions"]);
    expect(rows.map((r) => r.table)).toContain("later_notes");
    expect(rows.length).toBeGreaterThan(30);
    const before = await token();
    await db().$executeRawUnsafe(`INSERT INTO later_notes VALUES (1)`);
    expect(await token()).not.toBe(before);
    await db().$executeRawUnsafe(`DROP TABLE later_notes`);
  });
});
