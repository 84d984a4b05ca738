-- The sources list shows and sorts by publication date, newest first, undated sources last
-- (as 0001-01-01): an expression index schema.prisma cannot describe.
CREATE INDEX "sources_published_order_idx" ON "sources" ((COALESCE("published_at", DATE '0001-01-01')) DESC, "id" DESC);
