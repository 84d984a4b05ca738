-- CreateEnum
CREATE TYPE "ConflictSeverity" AS ENUM ('CONTRADICTION', 'TENSION', 'QUESTION');

-- CreateEnum
CREATE TYPE "FigureKind" AS ENUM ('RUNNING_TOTAL', 'PERIOD_COUNT', 'LEVEL');

-- DropIndex
DROP INDEX "reviews_claim_id_created_at_idx";

-- AlterTable
ALTER TABLE "actors" ADD COLUMN     "alias_of_id" UUID;

-- AlterTable
ALTER TABLE "metrics" ADD COLUMN     "allows_signed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "figure_kind" "FigureKind" NOT NULL DEFAULT 'RUNNING_TOTAL',
ADD COLUMN     "tolerance_percent" DECIMAL(5,2);

-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "approximate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "basis_editor_id" UUID,
ADD COLUMN     "basis_version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "basis_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "conflicts" ADD COLUMN     "severity" "ConflictSeverity" NOT NULL DEFAULT 'CONTRADICTION';

-- CreateTable
CREATE TABLE "conflict_acknowledgements" (
    "id" UUID NOT NULL,
    "conflict_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "basis_version" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "actor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conflict_acknowledgements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "conflict_acknowledgements_conflict_id_created_at_idx" ON "conflict_acknowledgements"("conflict_id", "created_at");

-- CreateIndex
CREATE INDEX "conflict_acknowledgements_claim_id_idx" ON "conflict_acknowledgements"("claim_id");

-- CreateIndex
CREATE INDEX "actors_alias_of_id_idx" ON "actors"("alias_of_id");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_sequence_key" ON "reviews"("sequence");

-- CreateIndex
CREATE INDEX "reviews_claim_id_sequence_idx" ON "reviews"("claim_id", "sequence" DESC);

-- CreateIndex
CREATE INDEX "conflicts_severity_status_created_at_id_idx" ON "conflicts"("severity", "status", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "actors" ADD CONSTRAINT "actors_alias_of_id_fkey" FOREIGN KEY ("alias_of_id") REFERENCES "actors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_basis_editor_id_fkey" FOREIGN KEY ("basis_editor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_acknowledgements" ADD CONSTRAINT "conflict_acknowledgements_conflict_id_fkey" FOREIGN KEY ("conflict_id") REFERENCES "conflicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_acknowledgements" ADD CONSTRAINT "conflict_acknowledgements_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_acknowledgements" ADD CONSTRAINT "conflict_acknowledgements_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below.

-- Existing reviews: an approval or send-back of the claim's current version stays in force (basis
-- 1, the basis every claim starts at); reviews of older versions no longer count (basis 0). The
-- sequence follows the order they were given in.
UPDATE "reviews" r SET "basis_version" = CASE WHEN r."claim_version" = c."version" THEN 1 ELSE 0 END
  FROM "claims" c WHERE c."id" = r."claim_id";
ALTER TABLE "reviews" ALTER COLUMN "basis_version" DROP DEFAULT;
UPDATE "reviews" r SET "sequence" = o.n
  FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS n FROM "reviews") o WHERE o."id" = r."id";
SELECT setval(pg_get_serial_sequence('"reviews"', 'sequence'), GREATEST((SELECT max("sequence") FROM "reviews"), 1), (SELECT count(*) > 0 FROM "reviews"));

-- Existing conflicts keep the severity the comparator gave them.
UPDATE "conflicts" SET "severity" = CASE "detail"->>'severity' WHEN 'tension' THEN 'TENSION'::"ConflictSeverity"
  WHEN 'question' THEN 'QUESTION'::"ConflictSeverity" ELSE 'CONTRADICTION'::"ConflictSeverity" END;

-- Reviews and acknowledgements are the record a verification rests on: append-only, like the status log.
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON "reviews"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER conflict_acknowledgements_append_only BEFORE UPDATE OR DELETE ON "conflict_acknowledgements"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER conflict_acknowledgements_no_truncate BEFORE TRUNCATE ON "conflict_acknowledgements"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- An alias points at a canonical actor, never at another alias or itself.
ALTER TABLE "actors" ADD CONSTRAINT "actors_alias_not_self" CHECK ("alias_of_id" IS NULL OR "alias_of_id" <> "id");
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_tolerance_range" CHECK ("tolerance_percent" IS NULL OR ("tolerance_percent" >= 0 AND "tolerance_percent" <= 100));
ALTER TABLE "claims" ADD CONSTRAINT "claims_basis_version_positive" CHECK ("basis_version" >= 1);
