import { describe, expect, it } from "vitest";
import { REVIEW_FILTERS, REVIEW_STATES, reviewStateOfFilter } from "@/lib/review-state";

// The rule itself lives in the database (claim_review_state); tests/integration/review-state.test.ts proves it.
describe("review-state filters", () => {
  it("reads each claims-list filter value back as its state, and nothing else", () => {
    for (const s of REVIEW_STATES) expect(reviewStateOfFilter(REVIEW_FILTERS[s])).toBe(s);
    expect(reviewStateOfFilter("APPROVED")).toBeUndefined();
    expect(reviewStateOfFilter("")).toBeUndefined();
  });
});
