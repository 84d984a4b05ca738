-- CreateIndex
CREATE INDEX "status_changes_to_status_created_at_claim_id_idx" ON "status_changes"("to_status", "created_at", "claim_id");
