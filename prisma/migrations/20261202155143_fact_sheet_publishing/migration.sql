-- DropIndex
DROP INDEX "fact_sheets_updated_at_idx";

-- AlterTable
ALTER TABLE "fact_sheet_claims" ADD COLUMN     "section" TEXT;

-- AlterTable
ALTER TABLE "fact_sheet_snapshots" ADD COLUMN     "change_note" TEXT,
ADD COLUMN     "content_hash" TEXT NOT NULL,
ADD COLUMN     "previous_hash" TEXT;

-- CreateTable
CREATE TABLE "fact_sheet_snapshot_claims" (
    "snapshot_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "claim_version" INTEGER NOT NULL,
    "status" "ClaimStatus" NOT NULL,

    CONSTRAINT "fact_sheet_snapshot_claims_pkey" PRIMARY KEY ("snapshot_id","claim_id")
);

-- CreateTable
CREATE TABLE "fact_sheet_links" (
    "id" UUID NOT NULL,
    "fact_sheet_id" UUID NOT NULL,
    "snapshot_id" UUID,
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,

    CONSTRAINT "fact_sheet_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fact_sheet_snapshot_claims_claim_id_idx" ON "fact_sheet_snapshot_claims"("claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "fact_sheet_links_token_hash_key" ON "fact_sheet_links"("token_hash");

-- CreateIndex
CREATE INDEX "fact_sheet_links_fact_sheet_id_created_at_idx" ON "fact_sheet_links"("fact_sheet_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "fact_sheet_links_snapshot_id_idx" ON "fact_sheet_links"("snapshot_id");

-- CreateIndex
CREATE INDEX "fact_sheets_updated_at_id_idx" ON "fact_sheets"("updated_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "fact_sheet_snapshot_claims" ADD CONSTRAINT "fact_sheet_snapshot_claims_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "fact_sheet_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_snapshot_claims" ADD CONSTRAINT "fact_sheet_snapshot_claims_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_links" ADD CONSTRAINT "fact_sheet_links_fact_sheet_id_fkey" FOREIGN KEY ("fact_sheet_id") REFERENCES "fact_sheets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_links" ADD CONSTRAINT "fact_sheet_links_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "fact_sheet_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_links" ADD CONSTRAINT "fact_sheet_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_links" ADD CONSTRAINT "fact_sheet_links_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below: what schema.prisma cannot say.

-- Which claims a version published is as frozen as the version itself.
CREATE TRIGGER fact_sheet_snapshot_claims_append_only BEFORE UPDATE OR DELETE ON "fact_sheet_snapshot_claims"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fact_sheet_snapshot_claims_no_truncate BEFORE TRUNCATE ON "fact_sheet_snapshot_claims"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The hash chain's shape: version 1 has no previous hash, every later one has, and a change note.
ALTER TABLE "fact_sheet_snapshots" ADD CONSTRAINT "fact_sheet_snapshots_number_positive" CHECK (number >= 1);
ALTER TABLE "fact_sheet_snapshots" ADD CONSTRAINT "fact_sheet_snapshots_hashes"
  CHECK (content_hash ~ '^[0-9a-f]{64}$' AND ((number = 1) = (previous_hash IS NULL)) AND (previous_hash IS NULL OR previous_hash ~ '^[0-9a-f]{64}$'));
ALTER TABLE "fact_sheet_snapshots" ADD CONSTRAINT "fact_sheet_snapshots_change_note"
  CHECK (number = 1 OR length(btrim(coalesce(change_note, ''))) > 0);
ALTER TABLE "fact_sheet_claims" ADD CONSTRAINT "fact_sheet_claims_position_positive" CHECK (position >= 1);

-- One live public link per sheet (its latest version) and one per version; revoked ones stay as a record.
-- tests/integration/migrations.test.ts lists these by name (HAND_WRITTEN_INDEXES).
CREATE UNIQUE INDEX "fact_sheet_links_live_sheet_idx" ON "fact_sheet_links" ("fact_sheet_id")
  WHERE snapshot_id IS NULL AND revoked_at IS NULL;
CREATE UNIQUE INDEX "fact_sheet_links_live_version_idx" ON "fact_sheet_links" ("snapshot_id")
  WHERE snapshot_id IS NOT NULL AND revoked_at IS NULL;
