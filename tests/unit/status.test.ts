import { describe, expect, it } from "vitest";
import { changeStatusSchema } from "@/lib/schemas/status";
import fc from "fast-check";
import { allowedTransitions, approverConflict, checkApproval, checkConflicts, checkTransition, checkVerifiable, checkVerification, type EvidenceCitation } from "@/lib/status";

const cite = (origin: string, extra: Partial<EvidenceCitation> = {}): EvidenceCitation => ({
  sourceId: `source-of-${origin}`,
  stance: "SUPPORTS",
  isPrimary: false,
  chain: [{ actorId: origin, position: 0 }, { actorId: "outlet", position: 1 }],
  ...extra,
});

describe("transitions", () => {
  it("follow unverified → in review → verified | disputed | false", () => {
    expect(allowedTransitions("UNVERIFIED", "EDITOR")).toEqual(["IN_REVIEW"]);
    expect(allowedTransitions("IN_REVIEW", "EDITOR")).toEqual(["VERIFIED", "DISPUTED", "FALSE", "UNVERIFIED"]);
    expect(allowedTransitions("VERIFIED", "EDITOR")).toEqual(["IN_REVIEW"]);
  });
  it("give reviewers none and admins retraction from anywhere but retracted", () => {
    expect(allowedTransitions("IN_REVIEW", "REVIEWER")).toEqual([]);
    expect(allowedTransitions("UNVERIFIED", "ADMIN")).toEqual(["IN_REVIEW", "RETRACTED"]);
    expect(allowedTransitions("RETRACTED", "ADMIN")).toEqual([]);
  });
  it("explain a refusal", () => {
    expect(checkTransition("UNVERIFIED", "VERIFIED", "EDITOR")).toEqual({ ok: false, message: "A claim cannot go from unverified to verified." });
    expect(checkTransition("VERIFIED", "RETRACTED", "EDITOR")).toEqual({ ok: false, message: "Only admins may retract a claim." });
    expect(checkTransition("IN_REVIEW", "IN_REVIEW", "EDITOR").ok).toBe(false);
    expect(checkTransition("IN_REVIEW", "VERIFIED", "EDITOR")).toEqual({ ok: true });
  });
});

describe("checkVerification", () => {
  it("accepts two independent origins", () => {
    expect(checkVerification([cite("a"), cite("b")])).toMatchObject({ ok: true, rule: "INDEPENDENT_ORIGINS" });
  });
  it("refuses two citations of one origin, saying how many it has", () => {
    const result = checkVerification([cite("matsegora"), cite("matsegora")]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("this claim has 1") });
  });
  it("counts only supporting citations", () => {
    expect(checkVerification([cite("a"), cite("b", { stance: "MENTIONS" })]).ok).toBe(false);
    expect(checkVerification([cite("a"), cite("b", { stance: "CONTRADICTS" })]).ok).toBe(false);
  });
  it("accepts one primary source only with a written justification", () => {
    const primary = [cite("ministry", { isPrimary: true })];
    expect(checkVerification(primary)).toEqual({ ok: false, message: expect.stringContaining("write a justification") });
    expect(checkVerification(primary, "too short")).toMatchObject({ ok: false });
    expect(checkVerification(primary, "The ministry's own published register lists the figure.")).toMatchObject({ ok: true, rule: "PRIMARY_SOURCE" });
  });
});

describe("changeStatusSchema", () => {
  const valid = { claimId: "0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", version: 3, toStatus: "IN_REVIEW", reason: "Ready for review" };
  it("accepts a complete change and drops an empty justification", () => {
    expect(changeStatusSchema.parse({ ...valid, justification: "  " })).toEqual({ ...valid, justification: undefined });
  });
  it("names each bad field", () => {
    const errors = changeStatusSchema.safeParse({ ...valid, toStatus: "", reason: " " }).error!.flatten().fieldErrors;
    expect(errors.toStatus).toEqual(["Choose a status."]);
    expect(errors.reason).toEqual(["Say why, in a few words."]);
  });
});

describe("checkApproval", () => {
  let seq = 0;
  const approve = (basisVersion: number, reviewerId = "rita") => ({ decision: "APPROVE" as const, basisVersion, sequence: ++seq, reviewerId, reviewerName: reviewerId === "rita" ? "Rita" : reviewerId });
  const sendBack = (basisVersion: number, reviewerId = "rita") => ({ decision: "SEND_BACK" as const, basisVersion, sequence: ++seq, reviewerId });
  const claim = (basisVersion: number, extra: { createdById?: string; basisEditorId?: string | null } = {}) => ({ basisVersion, createdById: "eddie", basisEditorId: null, ...extra });

  it("needs an approval of the current basis version", () => {
    expect(checkApproval([], claim(3), "eddie")).toEqual({ ok: false, message: "A reviewer must approve the claim before it can be verified." });
    expect(checkApproval([approve(3)], claim(3), "eddie")).toEqual({ ok: true, by: "Rita" });
  });
  it("does not carry an approval over a later change", () => {
    expect(checkApproval([approve(2)], claim(3), "eddie")).toMatchObject({ ok: false, message: expect.stringContaining("changed after it was approved") });
  });
  it("lets a later send-back cancel an approval, and a later approval answer a send-back", () => {
    const a = approve(3);
    const b = sendBack(3);
    expect(checkApproval([a, b], claim(3), "eddie")).toMatchObject({ ok: false, message: expect.stringContaining("sent this claim back") });
    expect(checkApproval([approve(3), sendBack(3), approve(3)], claim(3), "eddie")).toMatchObject({ ok: true });
  });
  it("a send-back cancels every earlier approval of its version: an approval by the verifier after it does not revive them", () => {
    // Rita approves, Sam sends back, Ada (admin) approves and tries to verify: Rita's approval no longer counts.
    const reviews = [approve(3, "rita"), sendBack(3, "sam"), approve(3, "ada")];
    expect(checkApproval(reviews, claim(3), "ada")).toMatchObject({ ok: false, message: expect.stringContaining("approved this claim yourself") });
    // Order comes from the sequence, not from the order of the array.
    expect(checkApproval([...reviews].reverse(), claim(3), "ada")).toMatchObject({ ok: false });
  });
  it("does not let anyone approve and verify alone, nor the creator or last editor approve", () => {
    expect(checkApproval([approve(3, "ada")], claim(3), "ada")).toMatchObject({ ok: false, message: expect.stringContaining("approved this claim yourself") });
    expect(checkApproval([approve(3, "ada"), approve(3, "rita")], claim(3), "ada")).toMatchObject({ ok: true });
    expect(checkApproval([approve(3, "eddie")], claim(3), "ada")).toMatchObject({ ok: false, message: expect.stringContaining("creator or last editor") });
    expect(checkApproval([approve(3, "rita")], claim(3, { basisEditorId: "rita" }), "ada")).toMatchObject({ ok: false });
    expect(approverConflict(claim(3, { basisEditorId: "rita" }), "rita")).toContain("last changed");
    expect(approverConflict(claim(3), "eddie")).toContain("recorded this claim");
  });
  it("property: a verification passes only on an approval after the last send-back, by someone other than verifier, creator and last editor", () => {
    const people = ["ada", "rita", "sam", "eddie"];
    const review = fc.record({ decision: fc.constantFrom("APPROVE" as const, "SEND_BACK" as const), basisVersion: fc.integer({ min: 1, max: 3 }), reviewerId: fc.constantFrom(...people) });
    fc.assert(
      fc.property(fc.array(review, { maxLength: 10 }), fc.constantFrom(...people), fc.integer({ min: 1, max: 3 }), fc.option(fc.constantFrom(...people), { nil: null }), (list, verifier, basis, editor) => {
        const reviews = list.map((r, i) => ({ ...r, sequence: i + 1 }));
        const subject = { basisVersion: basis, createdById: "eddie", basisEditorId: editor };
        const current = reviews.filter((r) => r.basisVersion === basis);
        const lastBack = Math.max(0, ...current.filter((r) => r.decision === "SEND_BACK").map((r) => r.sequence));
        const expected = current.some((r) => r.decision === "APPROVE" && r.sequence > lastBack && ![verifier, "eddie", editor].includes(r.reviewerId));
        expect(checkApproval(fc.sample(fc.shuffledSubarray(reviews, { minLength: reviews.length }), 1)[0]!, subject, verifier).ok).toBe(expected);
      }),
    );
  });
});

describe("checkConflicts", () => {
  it("an open contradiction blocks; tensions and questions need a written acknowledgement", () => {
    expect(checkConflicts([{ severity: "CONTRADICTION" }, { severity: "TENSION" }], "x".repeat(40))).toMatchObject({ ok: false, field: "toStatus" });
    expect(checkConflicts([{ severity: "TENSION" }, { severity: "QUESTION" }])).toMatchObject({ ok: false, field: "acknowledgement" });
    expect(checkConflicts([{ severity: "QUESTION" }], "The ministry's figure is the one we publish.")).toEqual({ ok: true, acknowledged: 1 });
    expect(checkConflicts([])).toEqual({ ok: true, acknowledged: 0 });
  });
});

describe("checkVerifiable (the server's rule, shown by the checklist)", () => {
  const ready = {
    status: "IN_REVIEW" as const,
    citations: [cite("ocha"), cite("ministry")],
    reviews: [{ decision: "APPROVE" as const, basisVersion: 1, sequence: 1, reviewerId: "rita", reviewerName: "Rita" }],
    claim: { basisVersion: 1, createdById: "eddie", basisEditorId: null },
    verifierId: "eddie",
    openConflicts: [],
  };
  it("passes with two origins, a standing approval and no open conflict", () => {
    expect(checkVerifiable(ready)).toEqual({ ok: true, rule: "INDEPENDENT_ORIGINS", explanation: "Supported by 2 independent origins.", by: "Rita", acknowledged: 0 });
  });
  it("says first what comes first: review, evidence, approval, conflicts", () => {
    expect(checkVerifiable({ ...ready, status: "UNVERIFIED", citations: [] })).toMatchObject({ ok: false, field: "toStatus", message: expect.stringContaining("In review first") });
    expect(checkVerifiable({ ...ready, citations: [cite("ocha")], reviews: [] })).toMatchObject({ ok: false, field: "justification" });
    expect(checkVerifiable({ ...ready, reviews: [] })).toMatchObject({ ok: false, field: "toStatus", message: expect.stringContaining("reviewer must approve") });
  });
  it("is blocked only by a contradiction: tensions and questions ask for an acknowledgement", () => {
    expect(checkVerifiable({ ...ready, openConflicts: [{ severity: "CONTRADICTION" }] })).toMatchObject({ ok: false, field: "toStatus" });
    expect(checkVerifiable({ ...ready, openConflicts: [{ severity: "TENSION" }, { severity: "QUESTION" }] })).toMatchObject({ ok: false, field: "acknowledgement" });
    expect(checkVerifiable({ ...ready, openConflicts: [{ severity: "TENSION" }], acknowledgement: "The ranges overlap: both are the same count." })).toMatchObject({ ok: true, acknowledged: 1 });
    expect(checkVerifiable({ ...ready, openConflicts: [{ severity: "TENSION" }, { severity: "CONTRADICTION" }], acknowledgement: "The ranges overlap: both are the same count." })).toMatchObject({ ok: false, field: "toStatus" });
  });
});
