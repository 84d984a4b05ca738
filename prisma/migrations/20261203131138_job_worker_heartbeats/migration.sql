-- CreateTable
CREATE TABLE "job_worker_heartbeats" (
    "worker_id" TEXT NOT NULL,
    "beat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_worker_heartbeats_pkey" PRIMARY KEY ("worker_id")
);

-- Text maxima (by hand: every text column is bounded in the database, tests/integration/text-limits.test.ts).
ALTER TABLE "job_worker_heartbeats" ADD CONSTRAINT "job_worker_heartbeats_worker_id_length" CHECK (char_length("worker_id") <= 200);
