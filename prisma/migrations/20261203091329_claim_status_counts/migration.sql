-- CreateTable
CREATE TABLE "claim_status_counts" (
    "status" "ClaimStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "claim_status_counts_pkey" PRIMARY KEY ("status")
);

-- Hand-written below.

-- A row per status that has claims (the dashboard reads a missing one as 0), filled from the claims
-- as they stand. An empty database gets no rows, so a restore's COPY of this table finds it empty.
ALTER TABLE "claim_status_counts" ADD CONSTRAINT "claim_status_counts_not_negative" CHECK ("count" >= 0);
INSERT INTO "claim_status_counts" ("status", "count") SELECT "status", count(*)::int FROM "claims" GROUP BY "status";

-- Kept exact in the transaction of every write, whichever code path makes it: a claim recorded,
-- moved between statuses, or removed (claims are never deleted today; a delete is counted all the
-- same). The triggers are deferred to the commit, so a status's row is locked only while its
-- transaction commits, not through the rest of it (claims recorded at once would otherwise queue on
-- their status's row for each other's whole transaction); a move locks its two rows in status
-- order, so two opposite moves committing at once queue rather than deadlock.
CREATE FUNCTION claim_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM 1 FROM claim_status_counts WHERE status IN (OLD.status, NEW.status) ORDER BY status FOR NO KEY UPDATE;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE claim_status_counts SET count = count - 1 WHERE status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO claim_status_counts (status, count) VALUES (NEW.status, 1)
      ON CONFLICT (status) DO UPDATE SET count = claim_status_counts.count + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER claims_status_counts AFTER INSERT OR DELETE ON "claims"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION claim_status_counts_apply();
CREATE CONSTRAINT TRIGGER claims_status_counts_update AFTER UPDATE OF status ON "claims"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION claim_status_counts_apply();

-- Emptying the table empties the counts.
CREATE FUNCTION claim_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM claim_status_counts;
  RETURN NULL;
END
$$;
CREATE TRIGGER claims_status_counts_truncate AFTER TRUNCATE ON "claims"
  FOR EACH STATEMENT EXECUTE FUNCTION claim_status_counts_clear();

-- Loads that switch user triggers off (the benchmark's generator) count again afterwards.
CREATE FUNCTION claim_status_counts_recount() RETURNS void LANGUAGE sql AS $$
  DELETE FROM claim_status_counts;
  INSERT INTO claim_status_counts (status, count) SELECT status, count(*)::int FROM claims GROUP BY status;
$$;
