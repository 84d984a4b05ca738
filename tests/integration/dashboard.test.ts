import { describe, expect, it } from "vitest";
import { citationSchema } from "@/lib/schemas/citation";
import { claimSchema } from "@/lib/schemas/claim";
import { createClaim } from "@/lib/server/claim-edits";
import { CLAIM_STATUSES } from "@/lib/status";
import { assignClaim } from "@/lib/server/claim-assignment";
import { createCitation } from "@/lib/server/citations";
import { changeStatus } from "@/lib/server/claim-status";
import { countClaims, listClaims } from "@/lib/server/claims";
import { decideConflict, listConflicts } from "@/lib/server/conflicts";
import { getDashboard, VERIFIED_WEEKS } from "@/lib/server/dashboard";
import { reviewClaim } from "@/lib/server/reviews";
import { weekStart } from "@/lib/weeks";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const WEEK = 7 * 86_400_000;

describe("dashboard charts", () => {
  const { db, actor } = useMigratedDatabase();

  it("counts claims verified per week over the last weeks, each claim once per week, older ones left out", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const before = await getDashboard(editor);
    expect(before.verifiedByWeek).toHaveLength(VERIFIED_WEEKS);
    expect(before.verifiedByWeek.at(-1)!.week.getTime()).toBe(weekStart(new Date()).getTime());

    const thisWeek = weekStart(new Date()).getTime();
    const threeWeeksAgo = new Date(thisWeek - 3 * WEEK + 3_600_000);
    const verified = (claimKey: string, at: Date) =>
      db().statusChange.create({
        data: { claimId: seedId("claim", claimKey), fromStatus: "IN_REVIEW", toStatus: "VERIFIED", reason: "test", actorId: editor.id, createdAt: at },
      });
    await verified("ru-deaths-range", threeWeeksAgo);
    await verified("ru-deaths-range", new Date(threeWeeksAgo.getTime() + 60_000)); // the same claim again that week
    await verified("nk-recognition-date", threeWeeksAgo);
    await verified("ru-deaths-rate", new Date(thisWeek - (VERIFIED_WEEKS + 2) * WEEK)); // too old to show

    const after = await getDashboard(editor);
    const delta = after.verifiedByWeek.map((w, i) => w.count - before.verifiedByWeek[i]!.count);
    expect(delta).toEqual(Array.from({ length: VERIFIED_WEEKS }, (_, i) => (i === VERIFIED_WEEKS - 4 ? 2 : 0)));
  });

  it("a reviewed claim leaves the reviewers' queue: approved ones are ready to verify, sent-back ones go back to their editor", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const reviewer = await actor("reviewer@factdesk.test");
    const claimIds = [seedId("claim", "nk-volunteers"), seedId("claim", "ru-recognition-date")];
    const version = async (id: string) => (await db().claim.findUniqueOrThrow({ where: { id } })).version;
    for (const id of claimIds) {
      if ((await db().claim.findUniqueOrThrow({ where: { id } })).status !== "IN_REVIEW") {
        expect(await changeStatus(editor, { claimId: id, version: await version(id), toStatus: "IN_REVIEW", reason: "Ready for review" })).toMatchObject({ ok: true });
      }
      expect(await assignClaim(editor, { claimId: id, version: await version(id), assigneeId: editor.id })).toMatchObject({ ok: true });
    }
    const [approved, sentBack] = claimIds as [string, string];
    const queue = async () => (await listClaims(reviewer, { review: "waiting", limit: 100 })).items.map((c) => c.id);
    expect(await queue()).toEqual(expect.arrayContaining(claimIds));

    expect(await reviewClaim(reviewer, { claimId: approved, version: await version(approved), decision: "APPROVE" })).toMatchObject({ ok: true });
    expect(await reviewClaim(reviewer, { claimId: sentBack, version: await version(sentBack), decision: "SEND_BACK", note: "Cite the broadcast itself." })).toMatchObject({ ok: true });
    expect(await queue()).not.toContain(approved);
    expect(await queue()).not.toContain(sentBack);

    const d = await getDashboard(editor, 50);
    expect(d.ready.items.find((c) => c.id === approved)?.reviewState).toBe("APPROVED");
    expect(d.sentBack.items.find((c) => c.id === sentBack)?.reviewState).toBe("SENT_BACK");
    expect(d.waiting.items.map((c) => c.id)).not.toContain(approved);
    expect(await countClaims(editor, { review: "approved" })).toEqual({ count: d.ready.count, capped: false });
    // The reviewer's approval and send-back are in the recent activity, newest first.
    expect(d.activity.filter((a) => a.type === "review").map((a) => ("claim" in a ? [a.claim.id, a.decision] : null))).toEqual(
      expect.arrayContaining([[approved, "APPROVE"], [sentBack, "SEND_BACK"]]),
    );

    // Unassigning it changes nothing it rests on: still sent back. The editor cites the broadcast
    // (what it rests on changes, lib/basis.ts): it is waiting for a reviewer again.
    expect(await assignClaim(editor, { claimId: sentBack, version: await version(sentBack), assigneeId: null })).toMatchObject({ ok: true });
    expect(await queue()).not.toContain(sentBack);
    const cite = { claimId: sentBack, claimVersion: await version(sentBack), sourceId: seedId("source", "nr-builders"), quote: "the broadcast itself", stance: "SUPPORTS", chain: [{ actorName: "The broadcaster", actorKind: "BROADCASTER" }] };
    expect(await createCitation(editor, citationSchema.parse(cite))).toMatchObject({ ok: true });
    expect(await queue()).toContain(sentBack);
  });

  it("an editor's decision on a conflict appears in the recent activity, titled by its metric and figures", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const conflict = await db().conflict.findFirstOrThrow({ where: { kind: "RATE_TOTAL", status: "OPEN" }, include: { claims: true } });
    const decided = await decideConflict(editor, { conflictId: conflict.id, version: conflict.version, action: "DIFFERENT_SCOPES", note: "Different periods of the war.", movingClaimIds: [] });
    expect(decided).toMatchObject({ ok: true });
    const d = await getDashboard(editor);
    const line = d.activity.find((a) => a.type === "decision");
    expect(line).toMatchObject({ type: "decision", who: "Eddie Editor", action: "DIFFERENT_SCOPES", text: "Different periods of the war.", conflict: { id: conflict.id } });
    expect(line && "conflict" in line ? line.conflict.title : "").toMatch(/^Russian military deaths.*: .* against .*/);
    // The open conflicts, and a decided one that is also open, carry the titles the conflicts list gives them.
    const listed = await listConflicts(editor, { status: "OPEN", limit: 5 });
    expect(d.conflicts.map((c) => [c.id, c.title])).toEqual(listed.items.map((c) => [c.id, c.title]));
    expect(d.conflicts.length).toBeGreaterThan(1);
    const reopened = await db().conflict.findFirstOrThrow({ where: { id: conflict.id }, select: { version: true } });
    expect(await decideConflict(editor, { conflictId: conflict.id, version: reopened.version, action: "REOPEN", note: "Checking the periods again.", movingClaimIds: [] })).toMatchObject({ ok: true });
    const again = await getDashboard(editor);
    const title = again.conflicts.find((c) => c.id === conflict.id)?.title;
    expect(title).toBe((await listConflicts(editor, { status: "OPEN", limit: 50 })).items.find((c) => c.id === conflict.id)?.title);
    expect(again.activity.filter((a) => a.type === "decision" && a.conflict.id === conflict.id).map((a) => ("conflict" in a ? a.conflict.title : ""))).toEqual([title, title]);
  });
});

describe("dashboard status counts", () => {
  const { db, actor } = useMigratedDatabase();
  /** What counting the claims table says, status by status. */
  const truth = async () => {
    const rows = await db().claim.groupBy({ by: ["status"], _count: { _all: true } });
    return Object.fromEntries(CLAIM_STATUSES.map((s) => [s, rows.find((r) => r.status === s)?._count._all ?? 0]));
  };

  it("stay exact through claims recorded (one by one and at once), status changes, a refused change and a rolled-back transaction", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    expect((await getDashboard(editor)).counts).toEqual(await truth());
    const before = (await getDashboard(editor)).counts;

    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createClaim(editor, claimSchema.parse({ statement: `Status count check ${i}: officials reported ${i + 2} incidents.`, kind: "EVENT", tags: "" }))),
    );
    expect(created.every((r) => r.ok)).toBe(true);
    const ids = created.map((r) => (r.ok ? r.value.id : ""));
    let counts = (await getDashboard(editor)).counts;
    expect(counts).toEqual(await truth());
    expect(counts.UNVERIFIED).toBe(before.UNVERIFIED + 8);

    const version = async (id: string) => (await db().claim.findUniqueOrThrow({ where: { id } })).version;
    for (const id of ids.slice(0, 3)) {
      expect(await changeStatus(editor, { claimId: id, version: await version(id), toStatus: "IN_REVIEW", reason: "Ready for review" })).toMatchObject({ ok: true });
    }
    const admin = await actor("admin@factdesk.test");
    expect(await changeStatus(admin, { claimId: ids[3]!, version: await version(ids[3]!), toStatus: "RETRACTED", reason: "Withdrawn by the outlet" })).toMatchObject({ ok: true });
    // A stale edit is refused and counts nothing.
    expect(await changeStatus(editor, { claimId: ids[4]!, version: (await version(ids[4]!)) - 1, toStatus: "IN_REVIEW", reason: "Stale" })).toMatchObject({ ok: false });
    counts = (await getDashboard(editor)).counts;
    expect(counts).toEqual(await truth());
    expect([counts.UNVERIFIED, counts.IN_REVIEW, counts.RETRACTED]).toEqual([before.UNVERIFIED + 4, before.IN_REVIEW + 3, before.RETRACTED + 1]);

    // A transaction that changes statuses and then fails leaves the counts as they were.
    await expect(
      db().$transaction(async (tx) => {
        await tx.claim.updateMany({ where: { id: { in: ids.slice(5) } }, data: { status: "FALSE" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await getDashboard(editor)).counts).toEqual(counts);
    // Whatever path writes the status (here a bulk update straight to the table) is counted.
    await db().claim.updateMany({ where: { id: { in: ids.slice(5) } }, data: { status: "DISPUTED" } });
    counts = (await getDashboard(editor)).counts;
    expect(counts).toEqual(await truth());
    expect(counts.DISPUTED).toBe(before.DISPUTED + 3);
    expect((await getDashboard(editor)).total).toBe(await db().claim.count());
  });

  it("take opposite moves committing at once without a deadlock, and stay exact", async () => {
    const editor = await actor("editor@factdesk.test");
    const make = (status: "UNVERIFIED" | "IN_REVIEW") =>
      db().claim.createManyAndReturn({
        data: Array.from({ length: 20 }, (_, i) => ({ statement: `Opposite move ${status} ${i}: 40 officials were named.`, kind: "EVENT" as const, status, createdById: editor.id })),
        select: { id: true },
      });
    const [waiting, inReview] = [await make("UNVERIFIED"), await make("IN_REVIEW")];
    const before = (await getDashboard(editor)).counts;
    // Each transaction moves one claim into review and another out of it, half of them in each
    // order: the counts' two rows are wanted by every one of them, from both ends.
    await Promise.all(
      waiting.map(({ id }, i) =>
        db().$transaction(async (tx) => {
          const moves = [() => tx.claim.update({ where: { id }, data: { status: "IN_REVIEW" } }), () => tx.claim.update({ where: { id: inReview[i]!.id }, data: { status: "UNVERIFIED" } })];
          for (const move of i % 2 ? moves.reverse() : moves) await move();
        }),
      ),
    );
    const counts = (await getDashboard(editor)).counts;
    expect(counts).toEqual(await truth());
    expect([counts.UNVERIFIED, counts.IN_REVIEW]).toEqual([before.UNVERIFIED, before.IN_REVIEW]);
  });
});
