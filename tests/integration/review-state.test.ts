// The stored review state (claims.review_state, kept by the database's one rule, migration
// claim_review_state): right after every kind of write, read the same by the list, the dashboard
// and the claim page, in step with the approval rule (lib/status.ts checkApproval), and backfilled
// by the migration the same as it was derived at query time before.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { hashNoOneHas } from "@/lib/passwords";
import { citationSchema } from "@/lib/schemas/citation";
import { claimSchema, editClaimSchema } from "@/lib/schemas/claim";
import { editSourceSchema, sourceSchema } from "@/lib/schemas/source";
import type { SessionUser } from "@/lib/server/authorize";
import { createCitation } from "@/lib/server/citations";
import { assignClaim } from "@/lib/server/claim-assignment";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { changeStatus } from "@/lib/server/claim-status";
import { countClaims, getClaim, listClaims, reviewStatesOf } from "@/lib/server/claims";
import { decideConflict, flagConflict } from "@/lib/server/conflicts";
import { getDashboard } from "@/lib/server/dashboard";
import { reviewClaim } from "@/lib/server/reviews";
import { createSource, updateSource } from "@/lib/server/sources";
import { applyMigrations, readMigrations } from "@/scripts/lib/migrate";
import { seedDatabase } from "@/seeds/load";
import { createDatabase, useMigratedDatabase } from "../support/database";

const value = <T,>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

/** The rule, written out in the test as the approval rule reads the reviews: an oracle for every claim. */
const EXPECTED = `
  SELECT c.id, c.review_state::text AS stored,
         CASE WHEN c.status <> 'IN_REVIEW' THEN NULL
              WHEN r.decision IS NULL THEN 'WAITING' WHEN r.decision = 'APPROVE' THEN 'APPROVED' ELSE 'SENT_BACK' END AS expected
    FROM claims c
    LEFT JOIN LATERAL (SELECT decision FROM reviews r WHERE r.claim_id = c.id AND r.basis_version = c.basis_version ORDER BY sequence DESC LIMIT 1) r ON true`;

describe("the stored review state", () => {
  const { db, actor } = useMigratedDatabase();
  const people = async () => ({
    admin: await actor("admin@factdesk.test"),
    editor: await actor("editor@factdesk.test"),
    reviewer: await actor("reviewer@factdesk.test"),
    second: await actor("sam@factdesk.test"),
  });
  const claim = (id: string) => db().claim.findUniqueOrThrow({ where: { id } });
  const state = async (id: string) => (await claim(id)).reviewState;
  let n = 0;

  async function claimInReview(by: SessionUser) {
    n++;
    const id = value(await createClaim(by, claimSchema.parse({ statement: `Something happened, review state claim ${n}`, kind: "EVENT", tags: "" }))).id;
    expect(await state(id)).toBeNull();
    const s1 = value(await createSource(by, sourceSchema.parse({ title: `Wire report ${n}`, kind: "NEWS_ARTICLE", url: `https://wire.example/review-state/${n}`, fullText: `The wire says it happened, story ${n}.` }))).id;
    const s2 = value(await createSource(by, sourceSchema.parse({ title: `Ministry statement ${n}`, kind: "OFFICIAL_STATEMENT" }))).id;
    for (const [sourceId, origin] of [[s1, `Wire reporter ${n}`], [s2, `Ministry ${n}`]] as const) {
      const c = await claim(id);
      value(await createCitation(by, citationSchema.parse({ claimId: id, claimVersion: c.version, sourceId, quote: "it happened", stance: "SUPPORTS", chain: [{ actorName: origin, actorKind: "PERSON" }] })));
    }
    value(await changeStatus(by, { claimId: id, version: (await claim(id)).version, toStatus: "IN_REVIEW", reason: "Ready for review" }));
    return { id, s1 };
  }
  const review = async (who: SessionUser, id: string, decision: "APPROVE" | "SEND_BACK") =>
    value(await reviewClaim(who, { claimId: id, version: (await claim(id)).version, decision, note: decision === "SEND_BACK" ? "Check the second origin again." : undefined }));
  const move = async (who: SessionUser, id: string, toStatus: "IN_REVIEW" | "UNVERIFIED" | "VERIFIED" | "RETRACTED") =>
    changeStatus(who, { claimId: id, version: (await claim(id)).version, toStatus, reason: "Moved for the review state test" });
  const editStatement = async (who: SessionUser, id: string, statement?: string, tags = "") => {
    const c = await claim(id);
    value(await updateClaim(who, editClaimSchema.parse({ id, version: c.version, statement: statement ?? `${c.statement}, edited`, kind: "EVENT", tags })));
  };
  /** Every claim's stored state against the rule as the approval rule reads it. */
  const allAgree = async () => {
    const rows = await db().$queryRawUnsafe<{ id: string; stored: string | null; expected: string | null }[]>(EXPECTED);
    expect(rows.filter((r) => r.stored !== r.expected)).toEqual([]);
    return rows;
  };

  it("setup: seeds and a second reviewer; the seeded claims already carry their state", async () => {
    await seedDatabase(db());
    await db().user.create({ data: { email: "sam@factdesk.test", name: "Sam Second", role: "REVIEWER", passwordHash: await hashNoOneHas() } });
    const rows = await allAgree();
    expect(rows.some((r) => r.stored === "WAITING")).toBe(true);
  });

  it("review, send back, approve again: the newest review of the claim as it rests now decides, in step with the approval rule", async () => {
    const { editor, reviewer, second } = await people();
    const { id } = await claimInReview(editor);
    expect(await state(id)).toBe("WAITING");
    await review(reviewer, id, "APPROVE");
    expect(await state(id)).toBe("APPROVED");
    await review(second, id, "SEND_BACK");
    expect(await state(id)).toBe("SENT_BACK");
    expect(await move(editor, id, "VERIFIED")).toMatchObject({ ok: false, message: expect.stringContaining("sent this claim back") });
    await review(reviewer, id, "APPROVE");
    expect(await state(id)).toBe("APPROVED");
    expect(await move(editor, id, "VERIFIED")).toMatchObject({ ok: true });
    expect(await state(id)).toBeNull();
    await allAgree();
  });

  it("an edit to what the claim rests on makes an approval stale: waiting again; tags and assignment leave it approved", async () => {
    const { editor, reviewer } = await people();
    const { id } = await claimInReview(editor);
    await review(reviewer, id, "APPROVE");
    value(await assignClaim(editor, { claimId: id, version: (await claim(id)).version, assigneeId: editor.id }));
    expect(await state(id)).toBe("APPROVED");
    await editStatement(editor, id, (await claim(id)).statement, "checked");
    expect(await state(id)).toBe("APPROVED");
    await editStatement(editor, id);
    expect(await state(id)).toBe("WAITING");
    expect(await move(editor, id, "VERIFIED")).toMatchObject({ ok: false, message: expect.stringContaining("changed after it was approved") });
    await allAgree();
  });

  it("a sent-back claim changed by its editor (a new citation) waits for a reviewer again", async () => {
    const { editor, reviewer } = await people();
    const { id, s1 } = await claimInReview(editor);
    await review(reviewer, id, "SEND_BACK");
    expect(await state(id)).toBe("SENT_BACK");
    value(await createCitation(editor, citationSchema.parse({ claimId: id, claimVersion: (await claim(id)).version, sourceId: s1, quote: "The wire says", stance: "SUPPORTS", chain: [{ actorName: "Broadcaster", actorKind: "PERSON" }] })));
    expect(await state(id)).toBe("WAITING");
  });

  it("out of review it has none; back in review the reviews of the same basis still count", async () => {
    const { admin, editor, reviewer } = await people();
    const { id } = await claimInReview(editor);
    await review(reviewer, id, "APPROVE");
    value(await move(editor, id, "UNVERIFIED"));
    expect(await state(id)).toBeNull();
    value(await move(editor, id, "IN_REVIEW"));
    expect(await state(id)).toBe("APPROVED");
    expect(await move(editor, id, "VERIFIED")).toMatchObject({ ok: true });
    // A verified claim whose statement changes goes back to review, waiting.
    await editStatement(editor, id);
    expect(await claim(id)).toMatchObject({ status: "IN_REVIEW", reviewState: "WAITING" });
    value(await move(admin, id, "RETRACTED"));
    expect(await state(id)).toBeNull();
    await allAgree();
  });

  it("changes made elsewhere (a cited source's text, a conflict decision) make approvals stale on every claim they touch", async () => {
    const { editor, reviewer } = await people();
    const a = await claimInReview(editor);
    const b = await claimInReview(editor);
    await review(reviewer, a.id, "APPROVE");
    await review(reviewer, b.id, "APPROVE");
    const source = await db().source.findUniqueOrThrow({ where: { id: a.s1 } });
    value(await updateSource(editor, editSourceSchema.parse({ id: source.id, version: source.version, title: source.title, kind: source.kind, url: source.url, fullText: `${source.fullText} Updated.` })));
    expect(await state(a.id)).toBe("WAITING");
    expect(await state(b.id)).toBe("APPROVED");
    const flagged = value(await flagConflict(reviewer, { claimIds: [a.id, b.id], reason: "These two accounts cannot both be right." }));
    const conflict = await db().conflict.findUniqueOrThrow({ where: { id: flagged.id } });
    value(await decideConflict(editor, { conflictId: conflict.id, version: conflict.version, action: "PREFER", preferredClaimId: a.id, note: "The wire report is first-hand.", movingClaimIds: [] }));
    expect(await state(b.id)).toBe("WAITING");
    await allAgree();
  });

  it("the app cannot set it: a write to the column is recomputed", async () => {
    const { editor } = await people();
    const { id } = await claimInReview(editor);
    await db().claim.update({ where: { id }, data: { reviewState: "APPROVED" } });
    expect(await state(id)).toBe("WAITING");
    await db().$executeRaw`UPDATE claims SET review_state = 'SENT_BACK' WHERE id = ${id}::uuid`;
    expect(await state(id)).toBe("WAITING");
  });

  it("the list, its filter and count, the dashboard, other pages' badges and the claim page all read the stored state", async () => {
    const { editor, reviewer, second } = await people();
    await review(reviewer, (await claimInReview(editor)).id, "APPROVE");
    await review(second, (await claimInReview(editor)).id, "SEND_BACK");
    const rows = await allAgree();
    const expected = new Map(rows.map((r) => [r.id, r.stored]));
    const all = await listClaims(reviewer, { limit: 500 });
    expect(all.items.length).toBe(rows.length);
    for (const item of all.items) expect(item.reviewState).toBe(expected.get(item.id));
    for (const [filter, s] of [["waiting", "WAITING"], ["approved", "APPROVED"], ["sent-back", "SENT_BACK"]] as const) {
      const ids = rows.filter((r) => r.stored === s).map((r) => r.id).sort();
      expect(ids.length).toBeGreaterThan(0);
      expect((await listClaims(reviewer, { review: filter, limit: 500 })).items.map((c) => c.id).sort()).toEqual(ids);
      expect(await countClaims(reviewer, { review: filter })).toEqual({ count: ids.length, capped: false });
    }
    const d = await getDashboard(editor, 500);
    expect(d.ready.items.map((c) => c.id).sort()).toEqual(rows.filter((r) => r.stored === "APPROVED").map((r) => r.id).sort());
    const badges = await reviewStatesOf(editor, rows.map((r) => r.id));
    for (const r of rows) expect(badges.get(r.id) ?? null).toBe(r.stored);
    const one = rows.find((r) => r.stored === "SENT_BACK")!;
    expect((await getClaim(editor, one.id))?.reviewState).toBe("SENT_BACK");
  });
});

describe("the backfill migration", () => {
  it("computes what the query-time derivation did, on claims whose version moved only with what they rest on", async () => {
    const migrations = (await readMigrations()).map((m) => m.name);
    const mine = migrations.find((m) => m.endsWith("_claim_review_state"))!;
    const before = migrations[migrations.indexOf(mine) - 1]!;
    const database = await createDatabase({ fromTemplate: false });
    const client = new pg.Client({ connectionString: database.url });
    try {
      await applyMigrations(database.url, () => {}, { upTo: before, appRole: null });
      await client.connect();
      // 240 claims: every status, basis versions 1-3, up to four reviews of the current or an earlier
      // basis in varying orders; a claim's version is its basis version plus a fixed offset (edits
      // that left the basis alone happened before any review), so the old version-based derivation
      // and the basis-based rule mean the same thing for them.
      const statuses = ["UNVERIFIED", "IN_REVIEW", "IN_REVIEW", "IN_REVIEW", "VERIFIED", "DISPUTED", "FALSE", "RETRACTED"];
      await client.query(`INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ('00000000-0000-4000-a000-000000000001', 'b@x.test', 'B', 'REVIEWER', 'x', now())`);
      let seq = 0;
      for (let i = 0; i < 240; i++) {
        const id = `00000000-0000-4000-a000-${String(100000 + i).padStart(12, "0")}`;
        const basis = 1 + (i % 3);
        const offset = i % 5;
        await client.query(
          `INSERT INTO claims (id, statement, kind, status, created_by_id, updated_at, version, basis_version) VALUES ($1, $2, 'EVENT', $3, '00000000-0000-4000-a000-000000000001', now(), $4, $5)`,
          [id, `Claim ${i}`, statuses[i % statuses.length], basis + offset, basis],
        );
        // Reviews come in basis order: a claim is reviewed as it rests at the time.
        const reviews = Array.from({ length: (i * 7) % 5 }, (_, k) => ({ reviewedBasis: Math.max(1, basis - ((i + k) % 2)), decision: (i + k * 3) % 4 === 0 ? "SEND_BACK" : "APPROVE" }))
          .sort((a, b) => a.reviewedBasis - b.reviewedBasis);
        for (const { reviewedBasis, decision } of reviews) {
          seq++;
          await client.query(
            `INSERT INTO reviews (id, sequence, claim_id, reviewer_id, decision, claim_version, basis_version, created_at)
             VALUES (gen_random_uuid(), $1, $2, '00000000-0000-4000-a000-000000000001', $3, $4, $5, now() + make_interval(secs => $6))`,
            [seq, id, decision, reviewedBasis + offset, reviewedBasis, seq],
          );
        }
      }
      // The derivation the pages ran before the column (lib/review-state.ts reviewState on the newest review).
      const old = await client.query<{ id: string; state: string | null }>(`
        SELECT c.id, CASE WHEN c.status <> 'IN_REVIEW' THEN NULL
                          WHEN r.claim_version IS NULL OR r.claim_version <> c.version THEN 'WAITING'
                          WHEN r.decision = 'APPROVE' THEN 'APPROVED' ELSE 'SENT_BACK' END AS state
          FROM claims c LEFT JOIN LATERAL (SELECT decision, claim_version FROM reviews r WHERE r.claim_id = c.id ORDER BY r.created_at DESC LIMIT 1) r ON true`);
      await applyMigrations(database.url, () => {}, { upTo: mine, appRole: null });
      const now = await client.query<{ id: string; state: string | null }>(`SELECT id, review_state::text AS state FROM claims`);
      const was = new Map(old.rows.map((r) => [r.id, r.state]));
      expect(now.rows.length).toBe(240);
      expect(now.rows.filter((r) => r.state !== was.get(r.id))).toEqual([]);
      for (const s of [null, "WAITING", "APPROVED", "SENT_BACK"]) expect(now.rows.filter((r) => r.state === s).length).toBeGreaterThan(5);
    } finally {
      await client.end().catch(() => {});
      await database.drop();
    }
  });
});
