-- CreateTable
CREATE TABLE "fact_sheet_exports" (
    "snapshot_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fact_sheet_exports_pkey" PRIMARY KEY ("snapshot_id","format")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_created_at_idx" ON "api_tokens"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "fact_sheet_exports" ADD CONSTRAINT "fact_sheet_exports_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "fact_sheet_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below: what schema.prisma cannot say.

-- A version's export files are made once and kept: every download is the same bytes, forever.
CREATE TRIGGER fact_sheet_exports_append_only BEFORE UPDATE OR DELETE ON "fact_sheet_exports"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fact_sheet_exports_no_truncate BEFORE TRUNCATE ON "fact_sheet_exports"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
ALTER TABLE "fact_sheet_exports" ADD CONSTRAINT "fact_sheet_exports_format" CHECK (format IN ('pdf', 'csv', 'json', 'md', 'jsonld'));
ALTER TABLE "fact_sheet_exports" ADD CONSTRAINT "fact_sheet_exports_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$');
