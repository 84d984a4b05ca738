// The holes issue 12 found in the approval rule, each reproduced through the data layer and closed.
import { describe, expect, it } from "vitest";
import { hashNoOneHas } from "@/lib/passwords";
import { citationSchema } from "@/lib/schemas/citation";
import { claimSchema, editClaimSchema } from "@/lib/schemas/claim";
import { editSourceSchema, sourceSchema } from "@/lib/schemas/source";
import { mergeActors } from "@/lib/server/actors";
import { ForbiddenError, type SessionUser } from "@/lib/server/authorize";
import { createCitation } from "@/lib/server/citations";
import { assignClaim } from "@/lib/server/claim-assignment";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { changeStatus } from "@/lib/server/claim-status";
import { decideConflict, flagConflict } from "@/lib/server/conflicts";
import { createMetric, mergeMetrics } from "@/lib/server/metrics";
import { reviewClaim } from "@/lib/server/reviews";
import { createSource, updateSource } from "@/lib/server/sources";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const value = <T,>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe("the approval rule, without holes", () => {
  const { db, actor } = useMigratedDatabase();
  const people = async () => ({
    admin: await actor("admin@factdesk.test"),
    editor: await actor("editor@factdesk.test"),
    reviewer: await actor("reviewer@factdesk.test"),
    second: await actor("sam@factdesk.test"),
    editor2: await actor("erin@factdesk.test"),
  });
  const claim = (id: string) => db().claim.findUniqueOrThrow({ where: { id } });
  let n = 0;

  /** A claim with two citations from two sources with different origins, in review: ready but for its approval. */
  async function claimInReview(by: SessionUser, opts: { metricId?: string; value?: number; asOf?: string; sameSource?: boolean } = {}) {
    n++;
    const quantity = opts.metricId !== undefined;
    const id = value(
      await createClaim(
        by,
        claimSchema.parse(
          quantity
            ? { statement: `Test figure number ${n} for the rule`, kind: "QUANTITY", metricId: opts.metricId, valueBest: String(opts.value ?? 100), unit: "people", asOf: opts.asOf ?? "2022-07-01", asOfPrecision: "DAY", tags: "" }
            : { statement: `Something happened, test claim ${n}`, kind: "EVENT", tags: "" },
        ),
      ),
    ).id;
    const s1 = value(await createSource(by, sourceSchema.parse({ title: `Wire report ${n}`, kind: "NEWS_ARTICLE", url: `https://wire.example/${n}`, fullText: `The wire says it happened, story ${n}.` }))).id;
    const s2 = opts.sameSource ? s1 : value(await createSource(by, sourceSchema.parse({ title: `Ministry statement ${n}`, kind: "OFFICIAL_STATEMENT" }))).id;
    for (const [sourceId, origin, quote] of [
      [s1, `Wire reporter ${n}`, "it happened"],
      [s2, `Ministry ${n}`, opts.sameSource ? "The wire says" : "We confirm it."],
    ] as const) {
      const c = await claim(id);
      value(await createCitation(by, citationSchema.parse({ claimId: id, claimVersion: c.version, sourceId, quote, stance: "SUPPORTS", chain: [{ actorName: origin, actorKind: "PERSON" }] })));
    }
    const c = await claim(id);
    value(await changeStatus(by, { claimId: id, version: c.version, toStatus: "IN_REVIEW", reason: "Ready for review" }));
    return { id, s1, s2 };
  }
  const review = async (who: SessionUser, id: string, decision: "APPROVE" | "SEND_BACK") =>
    reviewClaim(who, { claimId: id, version: (await claim(id)).version, decision, note: decision === "SEND_BACK" ? "Check the second origin again." : undefined });
  const verify = async (who: SessionUser, id: string, extra: { acknowledgement?: string } = {}) =>
    changeStatus(who, { claimId: id, version: (await claim(id)).version, toStatus: "VERIFIED", reason: "Two independent origins", ...extra });
  const verified = async (by: SessionUser, approver: SessionUser, opts: Parameters<typeof claimInReview>[1] = {}) => {
    const c = await claimInReview(by, opts);
    value(await review(approver, c.id, "APPROVE"));
    value(await verify(by, c.id));
    return c;
  };

  it("setup: seeds, a second reviewer and a second editor", async () => {
    await seedDatabase(db());
    const hash = await hashNoOneHas();
    await db().user.create({ data: { email: "sam@factdesk.test", name: "Sam Second", role: "REVIEWER", passwordHash: hash } });
    await db().user.create({ data: { email: "erin@factdesk.test", name: "Erin Editor", role: "EDITOR", passwordHash: hash } });
  });

  it("a send-back cancels earlier approvals: an admin's own approval after it does not push a verification through", async () => {
    const { admin, editor, reviewer, second } = await people();
    const { id } = await claimInReview(editor);
    value(await review(reviewer, id, "APPROVE"));
    value(await review(second, id, "SEND_BACK"));
    value(await review(admin, id, "APPROVE"));
    expect(await verify(admin, id)).toMatchObject({ ok: false, message: expect.stringContaining("approved this claim yourself") });
    expect(await verify(editor, id)).toMatchObject({ ok: true }); // the admin's approval, after the send-back, counts for someone else
  });

  it("reviews are ordered by their sequence, not their timestamps", async () => {
    const { editor, reviewer, second } = await people();
    const { id } = await claimInReview(editor);
    value(await review(reviewer, id, "APPROVE"));
    value(await review(second, id, "SEND_BACK"));
    const rows = await db().review.findMany({ where: { claimId: id }, orderBy: { sequence: "asc" } });
    expect(rows.map((r) => r.decision)).toEqual(["APPROVE", "SEND_BACK"]);
    expect(rows[1]!.sequence).toBeGreaterThan(rows[0]!.sequence);
    expect(await verify(editor, id)).toMatchObject({ ok: false, message: expect.stringContaining("sent this claim back") });
  });

  it("separation of duties: the creator and the last editor may not approve; admins follow the same rule", async () => {
    const { admin, editor, editor2, reviewer } = await people();
    const mine = await claimInReview(admin);
    expect(await review(admin, mine.id, "APPROVE")).toMatchObject({ ok: false, message: "You recorded this claim: someone else must approve it." });
    const edited = await claimInReview(editor);
    const c = await claim(edited.id);
    // The admin changes what the claim rests on (its statement), so the admin is its last editor now.
    value(await updateClaim(admin, editClaimSchema.parse({ id: c.id, version: c.version, statement: `${c.statement}, as edited`, kind: "EVENT", tags: "" })));
    expect(await review(admin, edited.id, "APPROVE")).toMatchObject({ ok: false, message: expect.stringContaining("last changed what this claim rests on") });
    value(await review(reviewer, edited.id, "APPROVE"));
    expect(await verify(editor2, edited.id)).toMatchObject({ ok: true });
    expect((await claim(edited.id)).basisEditorId).toBe(admin.id);
  });

  it("tags and assignment no longer void an approval or unverify a claim", async () => {
    const { editor, reviewer } = await people();
    const approved = await claimInReview(editor);
    value(await review(reviewer, approved.id, "APPROVE"));
    let c = await claim(approved.id);
    value(await assignClaim(editor, { claimId: c.id, version: c.version, assigneeId: editor.id }));
    c = await claim(approved.id);
    value(await updateClaim(editor, editClaimSchema.parse({ id: c.id, version: c.version, statement: c.statement, kind: "EVENT", tags: "checked, war" })));
    expect(await verify(editor, approved.id)).toMatchObject({ ok: true });

    c = await claim(approved.id);
    const basis = c.basisVersion;
    value(await updateClaim(editor, editClaimSchema.parse({ id: c.id, version: c.version, statement: c.statement, kind: "EVENT", tags: "checked, war, nk" })));
    value(await assignClaim(editor, { claimId: c.id, version: c.version + 1, assigneeId: null }));
    expect(await claim(approved.id)).toMatchObject({ status: "VERIFIED", basisVersion: basis });
  });

  it("editing a cited source's text or URL sends a verified claim back to review and voids its approval", async () => {
    const { editor, reviewer } = await people();
    const { id, s1 } = await verified(editor, reviewer);
    const source = await db().source.findUniqueOrThrow({ where: { id: s1 } });
    // A note on the source is not what the claim rests on.
    value(await updateSource(editor, editSourceSchema.parse({ id: s1, version: source.version, title: source.title, kind: source.kind, url: source.url, fullText: source.fullText, notes: "Checked by phone." })));
    expect((await claim(id)).status).toBe("VERIFIED");
    value(await updateSource(editor, editSourceSchema.parse({ id: s1, version: source.version + 1, title: source.title, kind: source.kind, url: source.url, fullText: `${source.fullText} Updated: it did not happen.`, notes: "Checked by phone." })));
    const after = await claim(id);
    expect(after).toMatchObject({ status: "IN_REVIEW", verificationRule: null });
    expect(await db().statusChange.findFirst({ where: { claimId: id, toStatus: "IN_REVIEW", reason: { contains: "source it cites" } } })).not.toBeNull();
    expect(await verify(editor, id)).toMatchObject({ ok: false, message: expect.stringContaining("changed after it was approved") });
  });

  it("merging a verified claim's metric sends it back to review; retracted claims are never moved", async () => {
    const { admin, editor, reviewer } = await people();
    const from = value(await createMetric(editor, { name: "Test people displaced (old name)", unit: "people" })).id;
    const into = value(await createMetric(editor, { name: "Test people displaced", unit: "people" })).id;
    const { id } = await verified(editor, reviewer, { metricId: from, value: 500 });
    const gone = await claimInReview(editor, { metricId: from, value: 500, asOf: "2023-01-01" });
    value(await changeStatus(admin, { claimId: gone.id, version: (await claim(gone.id)).version, toStatus: "RETRACTED", reason: "Withdrawn by the outlet" }));
    const retracted = await claim(gone.id);
    const [m1, m2] = await Promise.all([db().metric.findUniqueOrThrow({ where: { id: from } }), db().metric.findUniqueOrThrow({ where: { id: into } })]);
    value(await mergeMetrics(editor, { sourceId: from, targetId: into, sourceVersion: m1.version, targetVersion: m2.version, reason: "Same measure, two names" }));
    expect(await claim(id)).toMatchObject({ metricId: into, status: "IN_REVIEW" });
    expect(await claim(gone.id)).toMatchObject({ metricId: from, status: "RETRACTED", version: retracted.version });
  });

  it("a conflict decision about a claim voids its approval", async () => {
    const { editor, reviewer } = await people();
    const a = await claimInReview(editor);
    const b = await claimInReview(editor);
    const flagged = value(await flagConflict(reviewer, { claimIds: [a.id, b.id], reason: "These two accounts cannot both be right." }));
    value(await review(reviewer, a.id, "APPROVE"));
    const conflict = await db().conflict.findUniqueOrThrow({ where: { id: flagged.id } });
    value(await decideConflict(editor, { conflictId: conflict.id, version: conflict.version, action: "PREFER", preferredClaimId: a.id, note: "The wire report is first-hand.", movingClaimIds: [] }));
    expect(await verify(editor, a.id)).toMatchObject({ ok: false, message: expect.stringContaining("changed after it was approved") });
    value(await review(reviewer, a.id, "APPROVE"));
    expect(await verify(editor, a.id)).toMatchObject({ ok: true });
  });

  it("reviews are append-only in the database", async () => {
    const row = await db().review.findFirstOrThrow();
    await expect(db().review.update({ where: { id: row.id }, data: { decision: "APPROVE" } })).rejects.toThrow(/append-only/);
    await expect(db().review.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE reviews CASCADE`)).rejects.toThrow(/append-only/);
  });

  it("two citations of one source never count as two origins", async () => {
    const { editor, reviewer } = await people();
    const { id } = await claimInReview(editor, { sameSource: true });
    value(await review(reviewer, id, "APPROVE"));
    expect(await verify(editor, id)).toMatchObject({ ok: false, message: expect.stringContaining("two independent origins (this claim has 1)") });
  });

  it("aliases: only an admin merges “MoD” into “Ministry of Defence”, and then they are one origin", async () => {
    const { admin, editor, reviewer } = await people();
    const id = value(await createClaim(editor, claimSchema.parse({ statement: "The strike hit a depot, test alias claim", kind: "EVENT", tags: "" }))).id;
    for (const [title, origin] of [["Wire A", "MoD"], ["Wire B", "Ministry of Defence"]] as const) {
      const sourceId = value(await createSource(editor, sourceSchema.parse({ title, kind: "NEWS_ARTICLE" }))).id;
      value(await createCitation(editor, citationSchema.parse({ claimId: id, claimVersion: (await claim(id)).version, sourceId, quote: "the depot was hit", stance: "SUPPORTS", chain: [{ actorName: origin, actorKind: "GOVERNMENT" }] })));
    }
    value(await changeStatus(editor, { claimId: id, version: (await claim(id)).version, toStatus: "IN_REVIEW", reason: "Two origins" }));
    value(await review(reviewer, id, "APPROVE"));
    const [mod, ministry] = await Promise.all([db().actor.findUniqueOrThrow({ where: { nameKey: "mod" } }), db().actor.findUniqueOrThrow({ where: { nameKey: "ministry of defence" } })]);
    const input = { aliasId: mod.id, canonicalId: ministry.id, reason: "MoD is the Ministry of Defence." };
    await expect(mergeActors(editor, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await mergeActors(admin, input)).toMatchObject({ ok: true, value: { linksMoved: 1, claimsRevised: 1 } });
    expect(await mergeActors(admin, input)).toMatchObject({ ok: false, message: expect.stringContaining("already another name") });
    value(await review(reviewer, id, "APPROVE"));
    expect(await verify(editor, id)).toMatchObject({ ok: false, message: expect.stringContaining("(this claim has 1)") });
    // Typing the alias again finds the actor kept.
    const sourceId = value(await createSource(editor, sourceSchema.parse({ title: "Wire C", kind: "NEWS_ARTICLE" }))).id;
    value(await createCitation(editor, citationSchema.parse({ claimId: id, claimVersion: (await claim(id)).version, sourceId, quote: "depot hit", stance: "SUPPORTS", chain: [{ actorName: "mod", actorKind: "GOVERNMENT" }] })));
    const links = await db().attributionLink.findMany({ where: { citation: { claimId: id } }, select: { actorId: true } });
    expect(new Set(links.map((l) => l.actorId))).toEqual(new Set([ministry.id]));
  });

  it("an open tension needs the verifier's written acknowledgement, which is kept", async () => {
    const { editor, reviewer } = await people();
    const { id } = await claimInReview(editor);
    const other = await claimInReview(editor);
    const flagged = value(await flagConflict(reviewer, { claimIds: [id, other.id], reason: "The two accounts sit uneasily together." }));
    await db().conflict.update({ where: { id: flagged.id }, data: { severity: "TENSION" } });
    value(await review(reviewer, id, "APPROVE"));
    expect(await verify(editor, id)).toMatchObject({ ok: false, fieldErrors: { acknowledgement: [expect.stringContaining("open tension or question")] } });
    expect(await verify(editor, id, { acknowledgement: "Both can hold: they describe different days." })).toMatchObject({ ok: true });
    expect(await db().conflictAcknowledgement.findMany({ where: { claimId: id } })).toMatchObject([{ conflictId: flagged.id, actorId: editor.id, note: "Both can hold: they describe different days." }]);
    await db().conflict.update({ where: { id: flagged.id }, data: { severity: "CONTRADICTION" } });
    const contra = await claimInReview(editor);
    value(await flagConflict(reviewer, { claimIds: [contra.id, other.id], reason: "These cannot both be right at all." }));
    value(await review(reviewer, contra.id, "APPROVE"));
    expect(await verify(editor, contra.id, { acknowledgement: "I know, verify it anyway please." })).toMatchObject({ ok: false, message: expect.stringContaining("open contradiction") });
  });

  it("50 concurrent pairs: a claim is never verified with a send-back or an open conflict on the verified version", async () => {
    const { editor, reviewer, second } = await people();
    const claims = [];
    for (let i = 0; i < 50; i++) {
      const c = await claimInReview(editor);
      value(await review(reviewer, c.id, "APPROVE"));
      claims.push({ ...c, version: (await claim(c.id)).version });
    }
    const partner = (await claimInReview(editor)).id;
    await Promise.all(
      claims.map((c, i) =>
        Promise.all([
          changeStatus(editor, { claimId: c.id, version: c.version, toStatus: "VERIFIED", reason: "Two independent origins" }),
          i % 2 === 0
            ? reviewClaim(second, { claimId: c.id, version: c.version, decision: "SEND_BACK", note: "Wait: the ministry retracted this." })
            : flagConflict(second, { claimIds: [c.id, partner], reason: "This contradicts the other account." }),
        ]),
      ),
    );
    for (const [i, c] of claims.entries()) {
      const after = await claim(c.id);
      if (after.status !== "VERIFIED") continue;
      const verifiedAt = await db().auditLog.findFirstOrThrow({ where: { entityId: c.id, action: "claim.status.change", after: { path: ["status"], equals: "VERIFIED" } } });
      if (i % 2 === 0) {
        // Verified first: the send-back came after, and was refused (the claim was no longer in review).
        expect(await db().review.count({ where: { claimId: c.id, decision: "SEND_BACK" } })).toBe(0);
      } else {
        // Verified first: any conflict on it was flagged after the verification committed.
        const flags = await db().auditLog.findMany({ where: { action: "conflict.flag", after: { path: ["claimIds"], array_contains: [c.id] } } });
        for (const f of flags) expect(f.id).toBeGreaterThan(verifiedAt.id);
      }
    }
  }, 120_000);
});
