-- CreateEnum
CREATE TYPE "ConflictScanStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "conflict_scans" (
    "id" UUID NOT NULL,
    "status" "ConflictScanStatus" NOT NULL DEFAULT 'QUEUED',
    "requested_by_id" UUID,
    "total_claims" INTEGER,
    "progress" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "conflict_scans_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "conflict_scans_created_at_idx" ON "conflict_scans"("created_at" DESC);

-- CreateIndex
CREATE INDEX "conflict_scans_status_idx" ON "conflict_scans"("status");

-- AddForeignKey
ALTER TABLE "conflict_scans" ADD CONSTRAINT "conflict_scans_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
