import { describe, expect, it } from "vitest";
import { changeStatusSchema } from "@/lib/schemas/status";
import { allowedTransitions, checkApproval, checkTransition, checkVerification, type EvidenceCitation } from "@/lib/status";

const cite = (origin: string, extra: Partial<EvidenceCitation> = {}): EvidenceCitation => ({
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
  const approve = (claimVersion: number, reviewerId = "rita") => ({ decision: "APPROVE" as const, claimVersion, reviewerId, reviewerName: "Rita" });
  const sendBack = (claimVersion: number) => ({ decision: "SEND_BACK" as const, claimVersion, reviewerId: "rita" });

  it("needs an approval of the current version", () => {
    expect(checkApproval([], 3, "eddie")).toEqual({ ok: false, message: "A reviewer must approve the claim before it can be verified." });
    expect(checkApproval([approve(3)], 3, "eddie")).toEqual({ ok: true, by: "Rita" });
  });
  it("does not carry an approval over a later change", () => {
    expect(checkApproval([approve(2)], 3, "eddie")).toMatchObject({ ok: false, message: expect.stringContaining("changed after it was approved") });
  });
  it("lets a later send-back cancel an approval, and a later approval answer a send-back", () => {
    expect(checkApproval([sendBack(3), approve(3)], 3, "eddie")).toMatchObject({ ok: false, message: expect.stringContaining("sent this claim back") });
    expect(checkApproval([approve(3), sendBack(3)], 3, "eddie")).toMatchObject({ ok: true });
  });
  it("does not let anyone approve and verify alone", () => {
    expect(checkApproval([approve(3, "ada")], 3, "ada")).toMatchObject({ ok: false, message: expect.stringContaining("approved this claim yourself") });
    expect(checkApproval([approve(3, "ada"), approve(3, "rita")], 3, "ada")).toMatchObject({ ok: true });
  });
});
