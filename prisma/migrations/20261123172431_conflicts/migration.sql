-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ConflictAction" ADD VALUE 'SETTLE';
ALTER TYPE "ConflictAction" ADD VALUE 'CLEAR';

-- DropForeignKey
ALTER TABLE "conflict_decisions" DROP CONSTRAINT "conflict_decisions_actor_id_fkey";

-- DropIndex
DROP INDEX "conflicts_status_created_at_idx";

-- AlterTable
ALTER TABLE "conflict_claims" ADD COLUMN     "signature" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "conflict_decisions" ADD COLUMN     "scope_event_id" UUID,
ADD COLUMN     "scope_metric_id" UUID,
ALTER COLUMN "actor_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "conflicts_status_created_at_id_idx" ON "conflicts"("status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conflicts_kind_status_created_at_id_idx" ON "conflicts"("kind", "status", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "conflict_decisions" ADD CONSTRAINT "conflict_decisions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Conflict decisions are the record of how each conflict was resolved: append-only, like the status log.
CREATE TRIGGER conflict_decisions_append_only BEFORE UPDATE OR DELETE ON "conflict_decisions"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER conflict_decisions_no_truncate BEFORE TRUNCATE ON "conflict_decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
