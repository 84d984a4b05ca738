import { describe, expect, it } from "vitest";
import { reviewState } from "@/lib/review-state";

describe("reviewState", () => {
  it("is waiting until a reviewer looks at the claim as it stands", () => {
    expect(reviewState("IN_REVIEW", 3, null)).toBe("WAITING");
    expect(reviewState("IN_REVIEW", 4, { decision: "APPROVE", claimVersion: 3 })).toBe("WAITING");
    expect(reviewState("IN_REVIEW", 4, { decision: "SEND_BACK", claimVersion: 3 })).toBe("WAITING");
  });
  it("follows the newest review of the current version", () => {
    expect(reviewState("IN_REVIEW", 3, { decision: "APPROVE", claimVersion: 3 })).toBe("APPROVED");
    expect(reviewState("IN_REVIEW", 3, { decision: "SEND_BACK", claimVersion: 3 })).toBe("SENT_BACK");
  });
  it("is nothing for a claim not in review", () => {
    expect(reviewState("VERIFIED", 3, { decision: "APPROVE", claimVersion: 3 })).toBeNull();
    expect(reviewState("UNVERIFIED", 1, null)).toBeNull();
  });
});
