-- RenameEnum (by hand: the diff would drop and re-add conflict_scans.status). One name for where
-- any background job stands: conflict re-scans and PDF exports.
ALTER TYPE "ConflictScanStatus" RENAME TO "JobStatus";

-- CreateTable
CREATE TABLE "export_jobs" (
    "id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "stage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "taken_by" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "export_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "export_jobs_snapshot_id_format_key" ON "export_jobs"("snapshot_id", "format");

-- AddForeignKey
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "fact_sheet_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Text maxima (by hand: every text column is bounded in the database, tests/integration/text-limits.test.ts).
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_format_length" CHECK (char_length("format") <= 20);
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_stage_length" CHECK (char_length("stage") <= 20);
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_taken_by_length" CHECK (char_length("taken_by") <= 200);
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_error_length" CHECK (char_length("error") <= 2000);
