import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/server/authorize";
import { changeStatus } from "@/lib/server/claim-status";
import { decideConflict } from "@/lib/server/conflicts";
import { reviewClaim } from "@/lib/server/reviews";
import { nameKey } from "@/lib/name-keys";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("changeStatus", () => {
  const { db, actor } = useMigratedDatabase();
  const claimId = seedId("claim", "matsegora-builders");
  const current = () => db().claim.findUniqueOrThrow({ where: { id: claimId } });
  const counts = async () => ({ log: await db().statusChange.count(), audit: await db().auditLog.count() });

  it("moves a claim to review, logging who, when, from, to and why in the same transaction", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const before = await counts();
    const result = await changeStatus(editor, { claimId, version: 1, toStatus: "IN_REVIEW", reason: "Both articles quote it" });
    expect(result).toEqual({ ok: true, value: { status: "IN_REVIEW", version: 2 } });
    expect(await current()).toMatchObject({ status: "IN_REVIEW", version: 2 });
    const log = await db().statusChange.findFirstOrThrow({ where: { claimId }, orderBy: { createdAt: "desc" } });
    expect(log).toMatchObject({ fromStatus: "UNVERIFIED", toStatus: "IN_REVIEW", reason: "Both articles quote it", actorId: editor.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: claimId, action: "claim.status.change" } });
    expect(audit).toMatchObject({ actorId: editor.id, before: { status: "UNVERIFIED", version: 1 }, after: { status: "IN_REVIEW", version: 2 } });
    expect(await counts()).toEqual({ log: before.log + 1, audit: before.audit + 1 });
  });

  it("refuses a stale version and changes nothing", async () => {
    const before = await counts();
    const result = await changeStatus(await actor("editor@factdesk.test"), { claimId, version: 1, toStatus: "UNVERIFIED", reason: "Sent back" });
    expect(result).toMatchObject({ ok: false, stale: true, message: expect.stringContaining("Nothing was overwritten") });
    expect(await current()).toMatchObject({ status: "IN_REVIEW", version: 2 });
    expect(await counts()).toEqual(before);
  });

  it("lets one of two simultaneous changes through and refuses the other", async () => {
    const editor = await actor("editor@factdesk.test");
    const admin = await actor("admin@factdesk.test");
    const results = await Promise.all([
      changeStatus(editor, { claimId, version: 2, toStatus: "UNVERIFIED", reason: "Sent back" }),
      changeStatus(admin, { claimId, version: 2, toStatus: "DISPUTED", reason: "Contested" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.stale)).toHaveLength(1);
    expect((await current()).version).toBe(3);
  });

  it("refuses reviewers in the data layer, and retraction to editors", async () => {
    await expect(changeStatus(await actor("reviewer@factdesk.test"), { claimId, version: 3, toStatus: "IN_REVIEW", reason: "x y z" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeStatus(await actor("editor@factdesk.test"), { claimId, version: 3, toStatus: "RETRACTED", reason: "x y z" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a transition the workflow does not allow", async () => {
    const editor = await actor("editor@factdesk.test");
    const { version, status } = await current();
    const to = status === "UNVERIFIED" ? "VERIFIED" : "FALSE";
    const result = await changeStatus(editor, { claimId, version, toStatus: to, reason: "Skipping review" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { toStatus: [expect.stringContaining("cannot go from")] } });
  });

  it("refuses to verify on two reports of one interview, then verifies on a second independent origin", async () => {
    const editor = await actor("editor@factdesk.test");
    let { version, status } = await current();
    if (status !== "IN_REVIEW") {
      const moved = await changeStatus(editor, { claimId, version, toStatus: "IN_REVIEW", reason: "Back to review" });
      expect(moved.ok).toBe(true);
      version++;
    }
    const refused = await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "Two articles" });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("two independent origins (this claim has 1)") });
    expect((await current()).status).toBe("IN_REVIEW");

    const izvestia = await db().actor.create({ data: { name: "Izvestia", nameKey: nameKey("Izvestia"), kind: "OUTLET" } });
    const source = await db().source.create({ data: { title: "Interview with the ambassador", outlet: "Izvestia", kind: "INTERVIEW", createdById: editor.id } });
    await db().citation.create({
      data: {
        claimId,
        sourceId: source.id,
        quote: "Korean builders who are highly qualified",
        stance: "SUPPORTS",
        createdById: editor.id,
        chain: { create: [{ position: 0, actorId: izvestia.id, relation: "published the interview" }] },
      },
    });
    const unapproved = await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "The interview itself, and the article" });
    expect(unapproved).toMatchObject({ ok: false, message: "A reviewer must approve the claim before it can be verified." });
    expect(await reviewClaim(await actor("reviewer@factdesk.test"), { claimId, version, decision: "APPROVE" })).toMatchObject({ ok: true });
    // The two articles date the interview differently: an editor settles that first.
    const question = await db().conflict.findFirstOrThrow({ where: { kind: "STATEMENT_DATE", status: "OPEN", claims: { some: { claimId } } } });
    // "In July" and "Monday" may agree: a question, which the verifier must acknowledge in writing (issue 12).
    expect(question.severity).toBe("QUESTION");
    expect(await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "The interview itself, and the article" })).toMatchObject({
      ok: false,
      fieldErrors: { acknowledgement: [expect.stringContaining("open tension or question")] },
    });
    expect(await decideConflict(editor, { conflictId: question.id, version: question.version, action: "SETTLE", note: "Monday 4 July 2022 fits both articles.", movingClaimIds: [] })).toMatchObject({ ok: true });
    // Settling the question is a decision about the claim: its approval lapses and a reviewer approves again.
    version = (await current()).version;
    expect(await reviewClaim(await actor("reviewer@factdesk.test"), { claimId, version, decision: "APPROVE" })).toMatchObject({ ok: true });
    const verified = await changeStatus(editor, { claimId, version, toStatus: "VERIFIED", reason: "The interview itself, and the article" });
    expect(verified).toEqual({ ok: true, value: { status: "VERIFIED", version: version + 1 } });
    expect(await current()).toMatchObject({ status: "VERIFIED", verificationRule: "INDEPENDENT_ORIGINS" });
    const log = await db().statusChange.findFirstOrThrow({ where: { claimId, toStatus: "VERIFIED" } });
    expect(log.rule).toBe("INDEPENDENT_ORIGINS");
  });

  it("verifies on one primary source only with a written justification", async () => {
    const editor = await actor("editor@factdesk.test");
    const id = seedId("claim", "ru-recognition-date");
    const primary = await db().citation.findFirstOrThrow({ where: { claimId: id } });
    await db().citation.update({ where: { id: primary.id }, data: { isPrimary: true } });
    const moved = await changeStatus(editor, { claimId: id, version: 1, toStatus: "IN_REVIEW", reason: "Ready" });
    expect(moved.ok).toBe(true);
    const refused = await changeStatus(editor, { claimId: id, version: 2, toStatus: "VERIFIED", reason: "Primary" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { justification: [expect.stringContaining("write a justification")] } });
    const justification = "The decree itself is dated 21 February 2022.";
    expect(await reviewClaim(await actor("reviewer@factdesk.test"), { claimId: id, version: 2, decision: "APPROVE" })).toMatchObject({ ok: true });
    const verified = await changeStatus(editor, { claimId: id, version: 2, toStatus: "VERIFIED", reason: "Primary", justification });
    expect(verified.ok).toBe(true);
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ verificationRule: "PRIMARY_SOURCE", verificationNote: justification });
  });
});
