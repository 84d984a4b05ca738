-- CreateIndex
CREATE INDEX "claims_assignee_id_created_at_id_idx" ON "claims"("assignee_id", "created_at" DESC, "id" DESC);

-- Hand-written: indexes schema.prisma cannot describe. tests/integration/migrations.test.ts lists
-- them by name (HAND_WRITTEN_INDEXES) and checks each exists.

-- Full-text search over statements and quotes (lib/server/claim-search.ts queries these exact
-- expressions, so the planner uses the indexes).
CREATE INDEX "claims_statement_fts_idx" ON "claims" USING gin (to_tsvector('english', "statement"));
CREATE INDEX "citations_quote_fts_idx" ON "citations" USING gin (to_tsvector('english', "quote"));

-- Substring search for pickers ("ILIKE '%deaths%'") on names and titles.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "claims_statement_trgm_idx" ON "claims" USING gin ("statement" gin_trgm_ops);
CREATE INDEX "metrics_name_trgm_idx" ON "metrics" USING gin ("name" gin_trgm_ops);
CREATE INDEX "events_name_trgm_idx" ON "events" USING gin ("name" gin_trgm_ops);
CREATE INDEX "sources_title_trgm_idx" ON "sources" USING gin ("title" gin_trgm_ops);
CREATE INDEX "actors_name_trgm_idx" ON "actors" USING gin ("name" gin_trgm_ops);
