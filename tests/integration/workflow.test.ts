import { describe, expect, it } from "vitest";
import { assignSchema, commentSchema, resolveCommentSchema, reviewSchema } from "@/lib/schemas/workflow";
import { ForbiddenError } from "@/lib/server/authorize";
import { citationSchema } from "@/lib/schemas/citation";
import { createCitation } from "@/lib/server/citations";
import { assignClaim } from "@/lib/server/claim-assignment";
import { changeStatus } from "@/lib/server/claim-status";
import { decideConflict } from "@/lib/server/conflicts";
import { addComment, resolveComment } from "@/lib/server/comments";
import { getDashboard } from "@/lib/server/dashboard";
import { reviewClaim } from "@/lib/server/reviews";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const errorsOf = (schema: { safeParse: (v: unknown) => { error?: { flatten: () => { fieldErrors: object } } } }, input: object) =>
  schema.safeParse(input).error?.flatten().fieldErrors ?? {};

describe("assignment, reviews and comments", () => {
  const { db, actor } = useMigratedDatabase();
  const claimId = seedId("claim", "ru-deaths-range"); // in review after seeding
  const claim = () => db().claim.findUniqueOrThrow({ where: { id: claimId } });
  const counts = async () => ({ audit: await db().auditLog.count(), reviews: await db().review.count(), comments: await db().comment.count() });

  describe("assignClaim", () => {
    it("assigns an editor, bumps the claim's version and writes the audit entry", async () => {
      await seedDatabase(db());
      const editor = await actor("editor@factdesk.test");
      const admin = await actor("admin@factdesk.test");
      const { version } = await claim();
      const result = await assignClaim(editor, assignSchema.parse({ claimId, version, assigneeId: admin.id }));
      expect(result).toEqual({ ok: true, value: { version: version + 1 } });
      expect(await claim()).toMatchObject({ assigneeId: admin.id, version: version + 1 });
      const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: claimId, action: "claim.assign" } });
      expect(audit).toMatchObject({
        actorId: editor.id,
        before: { assigneeId: editor.id, assignee: "Eddie Editor" },
        after: { assigneeId: admin.id, assignee: "Ada Admin" },
      });
    });

    it("unassigns with an empty choice", async () => {
      const admin = await actor("admin@factdesk.test");
      const { version } = await claim();
      expect(await assignClaim(admin, assignSchema.parse({ claimId, version, assigneeId: "" }))).toMatchObject({ ok: true });
      expect((await claim()).assigneeId).toBeNull();
    });

    it("refuses bad input, reviewers, reviewers as assignees and stale pages, changing nothing", async () => {
      expect(errorsOf(assignSchema, { claimId: "x", version: "one", assigneeId: "bob" })).toEqual({
        claimId: ["Unknown claim."],
        version: [expect.any(String)],
        assigneeId: ["Choose someone from the list."],
      });
      const editor = await actor("editor@factdesk.test");
      const reviewer = await actor("reviewer@factdesk.test");
      const { version } = await claim();
      const before = await counts();
      await expect(assignClaim(reviewer, { claimId, version, assigneeId: reviewer.id })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await assignClaim(editor, { claimId, version, assigneeId: reviewer.id })).toMatchObject({
        ok: false,
        fieldErrors: { assigneeId: ["Choose someone from the list."] },
      });
      expect(await assignClaim(editor, { claimId, version: version - 1, assigneeId: editor.id })).toMatchObject({ ok: false, stale: true });
      expect(await counts()).toEqual(before);
      expect((await claim()).version).toBe(version);
    });
  });

  describe("reviewClaim and the approval needed to verify", () => {
    it("refuses to verify without a reviewer's approval of the current version", async () => {
      const editor = await actor("editor@factdesk.test");
      // Give the claim a second independent origin so the evidence rule is met.
      const source = await db().source.create({ data: { title: "Ministry figures", kind: "OFFICIAL_STATEMENT", createdById: editor.id } });
      const ministry = await db().actor.create({ data: { name: "Ministry", nameKey: "ministry", kind: "GOVERNMENT" } });
      await db().citation.create({
        data: { claimId, sourceId: source.id, quote: "15,000 to 25,000", stance: "SUPPORTS", createdById: editor.id, chain: { create: [{ position: 0, actorId: ministry.id }] } },
      });
      const { version } = await claim();
      expect(await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "Two origins" })).toMatchObject({
        ok: false,
        message: "A reviewer must approve the claim before it can be verified.",
      });
    });

    it("records a send-back with its note; the send-back blocks verification", async () => {
      const reviewer = await actor("reviewer@factdesk.test");
      const editor = await actor("editor@factdesk.test");
      const { version } = await claim();
      expect(errorsOf(reviewSchema, { claimId, version, decision: "SEND_BACK", note: "no" })).toEqual({
        note: ["Say what must change before you can approve (at least 10 characters)."],
      });
      expect(errorsOf(reviewSchema, { claimId, version, decision: "MAYBE" })).toEqual({ decision: ["Approve or send back."] });
      const sent = await reviewClaim(reviewer, reviewSchema.parse({ claimId, version, decision: "SEND_BACK", note: "Name the estimates' origin." }));
      expect(sent.ok).toBe(true);
      expect(await db().review.findFirstOrThrow({ where: { claimId } })).toMatchObject({ decision: "SEND_BACK", claimVersion: version, reviewerId: reviewer.id });
      expect(await db().auditLog.count({ where: { entityId: claimId, action: "claim.review.send-back" } })).toBe(1);
      expect(await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "Two origins" })).toMatchObject({
        ok: false,
        message: expect.stringContaining("sent this claim back"),
      });
    });

    it("an approval of an older basis does not count; a fresh one lets an editor verify", async () => {
      const reviewer = await actor("reviewer@factdesk.test");
      const editor = await actor("editor@factdesk.test");
      let { version } = await claim();
      expect(await reviewClaim(reviewer, { claimId, version, decision: "APPROVE" })).toMatchObject({ ok: true });
      // Issue 12: an assignment is not what the claim rests on, so the approval stands...
      expect(await assignClaim(editor, { claimId, version, assigneeId: editor.id })).toMatchObject({ ok: true });
      version++;
      expect(await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "Two origins" })).toMatchObject({
        ok: false,
        fieldErrors: { acknowledgement: [expect.stringContaining("open tension or question")] },
      });
      // ...but new evidence is, and needs a new approval.
      const source = await db().source.findFirstOrThrow({ where: { title: "Ministry figures" } });
      const cited = await createCitation(editor, citationSchema.parse({ claimId, claimVersion: version, sourceId: source.id, quote: "about 20,000", stance: "MENTIONS", chain: [{ actorName: "Ministry", actorKind: "GOVERNMENT" }] }));
      expect(cited).toMatchObject({ ok: true });
      version++;
      expect(await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "Two origins" })).toMatchObject({
        ok: false,
        message: expect.stringContaining("changed after it was approved"),
      });
      expect(await reviewClaim(reviewer, { claimId, version, decision: "APPROVE" })).toMatchObject({ ok: true });
      // The seeds' rate-versus-total tension: an editor decides it, which is a decision about the claim, so a reviewer approves again.
      for (const c of await db().conflict.findMany({ where: { status: "OPEN", claims: { some: { claimId } } } })) {
        expect(await decideConflict(editor, { conflictId: c.id, version: c.version, action: "PREFER", preferredClaimId: claimId, note: "The range is the reported estimate.", movingClaimIds: [] })).toMatchObject({ ok: true });
      }
      version = (await claim()).version;
      expect(await reviewClaim(reviewer, { claimId, version, decision: "APPROVE" })).toMatchObject({ ok: true });
      expect(await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "Two origins" })).toMatchObject({ ok: true });
    });

    it("refuses editors, stale versions and claims not in review, writing nothing", async () => {
      const editor = await actor("editor@factdesk.test");
      const reviewer = await actor("reviewer@factdesk.test");
      const { version, status } = await claim();
      expect(status).toBe("VERIFIED");
      const before = await counts();
      await expect(reviewClaim(editor, { claimId, version, decision: "APPROVE" })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await reviewClaim(reviewer, { claimId, version: version - 1, decision: "APPROVE" })).toMatchObject({ ok: false, stale: true });
      expect(await reviewClaim(reviewer, { claimId, version, decision: "APPROVE" })).toEqual({
        ok: false,
        message: "Only a claim in review can be approved or sent back.",
      });
      expect(await counts()).toEqual(before);
    });

    it("does not let an admin approve and verify alone", async () => {
      const admin = await actor("admin@factdesk.test");
      const id = seedId("claim", "nk-recognition-date");
      const c = await db().claim.findUniqueOrThrow({ where: { id } });
      await db().citation.updateMany({ where: { claimId: id }, data: { isPrimary: true } });
      expect(await reviewClaim(admin, { claimId: id, version: c.version, decision: "APPROVE" })).toMatchObject({ ok: true });
      const justification = "The recognition decree is the primary record here.";
      expect(await changeStatus(admin, { claimId: id, version: c.version, toStatus: "VERIFIED", reason: "Decree", justification })).toMatchObject({
        ok: false,
        message: expect.stringContaining("approved this claim yourself"),
      });
    });
  });

  describe("comments", () => {
    const claimId = seedId("claim", "un-vote-against"); // no seeded comments
    it("adds a thread and replies (a reply to a reply joins the thread), with audit entries", async () => {
      const reviewer = await actor("reviewer@factdesk.test");
      const editor = await actor("editor@factdesk.test");
      const first = await addComment(reviewer, commentSchema.parse({ claimId, body: "Which estimates are these?" }));
      expect(first.ok).toBe(true);
      const rootId = first.ok ? first.value.id : "";
      const reply = await addComment(editor, commentSchema.parse({ claimId, parentId: rootId, body: "The article does not say." }));
      const replyId = reply.ok ? reply.value.id : "";
      const nested = await addComment(reviewer, commentSchema.parse({ claimId, parentId: replyId, body: "Then say so on the claim." }));
      expect(nested.ok).toBe(true);
      const thread = await db().comment.findMany({ where: { claimId }, orderBy: { createdAt: "asc" } });
      expect(thread.map((c) => c.parentId)).toEqual([null, rootId, rootId]);
      expect(await db().auditLog.count({ where: { action: "comment.create", entityId: { in: thread.map((c) => c.id) } } })).toBe(3);
    });

    it("resolves and reopens a thread, refusing stale versions and replies' ids", async () => {
      const editor = await actor("editor@factdesk.test");
      const root = await db().comment.findFirstOrThrow({ where: { claimId, parentId: null } });
      const reply = await db().comment.findFirstOrThrow({ where: { claimId, parentId: root.id } });
      expect(await resolveComment(editor, resolveCommentSchema.parse({ commentId: reply.id, version: reply.version, resolved: true }))).toMatchObject({
        ok: false,
        message: "Resolve the thread from its first comment.",
      });
      expect(await resolveComment(editor, { commentId: root.id, version: root.version, resolved: true })).toEqual({ ok: true, value: { version: 2 } });
      expect(await db().comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({ resolvedById: editor.id, version: 2 });
      expect(await resolveComment(editor, { commentId: root.id, version: 1, resolved: false })).toMatchObject({ ok: false, stale: true });
      expect(await resolveComment(editor, { commentId: root.id, version: 2, resolved: false })).toEqual({ ok: true, value: { version: 3 } });
      expect(await db().comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({ resolvedAt: null });
    });

    it("refuses empty or oversized bodies, replies across claims and unknown claims", async () => {
      expect(errorsOf(commentSchema, { claimId, body: "   " })).toEqual({ body: ["Write a comment."] });
      expect(errorsOf(commentSchema, { claimId, body: "x".repeat(4001) })).toEqual({ body: ["Keep the comment under 4,000 characters."] });
      const reviewer = await actor("reviewer@factdesk.test");
      const root = await db().comment.findFirstOrThrow({ where: { claimId, parentId: null } });
      const before = await counts();
      expect(await addComment(reviewer, { claimId: seedId("claim", "nk-volunteers"), parentId: root.id, body: "Wrong claim" })).toMatchObject({
        ok: false,
        fieldErrors: { parentId: ["Unknown comment."] },
      });
      expect(await addComment(reviewer, { claimId: "00000000-0000-4000-8000-000000000000", body: "Nowhere" })).toMatchObject({ ok: false });
      expect(await counts()).toEqual(before);
    });
  });

  it("the dashboard counts statuses and lists waiting claims, my assignments and recent activity", async () => {
    const editor = await actor("editor@factdesk.test");
    const d = await getDashboard(editor);
    const byStatus = await db().claim.groupBy({ by: ["status"], _count: { _all: true } });
    for (const row of byStatus) expect(d.counts[row.status]).toBe(row._count._all);
    expect(d.total).toBe(await db().claim.count());
    expect(d.waiting.items.every((c) => c.status === "IN_REVIEW" && c.reviewState === "WAITING")).toBe(true);
    expect(d.mine.items.map((c) => c.id)).toContain(claimId);
    expect(d.activity.some((a) => a.type === "comment" && a.who === "Rita Reviewer" && a.text === "Then say so on the claim.")).toBe(true);
    const times = d.activity.map((a) => a.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(d.activity.some((a) => a.type === "status" && a.to === "VERIFIED" && a.claim.id === claimId)).toBe(true);
  });
});
