-- CreateIndex
CREATE INDEX "reviews_created_at_idx" ON "reviews"("created_at" DESC);

-- CreateIndex
CREATE INDEX "conflict_decisions_created_at_idx" ON "conflict_decisions"("created_at" DESC);
