-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('WAITING', 'APPROVED', 'SENT_BACK');

-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "review_state" "ReviewState";

-- CreateIndex
CREATE INDEX "claims_review_state_created_at_id_idx" ON "claims"("review_state", "created_at" DESC, "id" DESC);

-- Hand-written below.

-- Where a claim stands with its reviewers: the one place this rule lives (lib/review-state.ts names
-- the states). Out of review, none. In review, the newest review (by sequence) of the claim as it
-- rests now (its basis version, lib/basis.ts) decides; without one it is waiting. The same reviews
-- decide whether it may be verified (lib/status.ts checkApproval: an approval counts only for its
-- basis version, a send-back cancels the approvals before it), so "Approved, ready to verify" and
-- the verification checklist agree; tags, assignment and other changes that leave the basis alone
-- leave the review state alone too.
CREATE FUNCTION claim_review_state(claim uuid, status "ClaimStatus", basis integer) RETURNS "ReviewState" LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN status <> 'IN_REVIEW' THEN NULL
    ELSE coalesce(
      (SELECT CASE r.decision WHEN 'APPROVE' THEN 'APPROVED' ELSE 'SENT_BACK' END::"ReviewState"
         FROM reviews r WHERE r.claim_id = claim AND r.basis_version = basis ORDER BY r.sequence DESC LIMIT 1),
      'WAITING') END
$$;

-- Backfill: every claim in review (the rest stay null).
UPDATE "claims" SET "review_state" = claim_review_state("id", "status", "basis_version") WHERE "status" = 'IN_REVIEW';

-- Kept current in the same transaction as every write that changes it, whichever code path makes
-- it: a claim recorded, moved between statuses or changed in what it rests on, and a review given
-- (reviews are append-only). A write to review_state itself is recomputed, so the app cannot set it.
CREATE FUNCTION claims_review_state_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.review_state := claim_review_state(NEW.id, NEW.status, NEW.basis_version);
  RETURN NEW;
END
$$;
CREATE TRIGGER claims_review_state BEFORE INSERT OR UPDATE OF status, basis_version, review_state ON "claims"
  FOR EACH ROW EXECUTE FUNCTION claims_review_state_refresh();

CREATE FUNCTION reviews_review_state_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims SET review_state = claim_review_state(id, status, basis_version) WHERE id = NEW.claim_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER reviews_review_state AFTER INSERT ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION reviews_review_state_refresh();
