-- CreateTable
CREATE TABLE "claim_status_counts" (
    "status" "ClaimStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "claim_status_counts_pkey" PRIMARY KEY ("status")
);

-- Hand-written below.

-- One row per status, filled from the claims as they stand (claims are never deleted, but a delete
-- is counted all the same).
ALTER TABLE "claim_status_counts" ADD CONSTRAINT "claim_status_counts_not_negative" CHECK ("count" >= 0);
INSERT INTO "claim_status_counts" ("status", "count")
  SELECT s, (SELECT count(*) FROM "claims" c WHERE c."status" = s)::int FROM unnest(enum_range(NULL::"ClaimStatus")) s;

-- Kept exact in the transaction of every write, whichever code path makes it: a claim recorded,
-- moved between statuses, or removed. A status change touches both rows in one statement, in key
-- order. Rows lock until commit, so claims recorded at once queue on their status's row for the
-- rest of each other's transaction (short ones; one row per status is fine for a newsroom).
CREATE FUNCTION claim_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE claim_status_counts SET count = count + 1 WHERE status = NEW.status;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE claim_status_counts SET count = count - 1 WHERE status = OLD.status;
  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
    UPDATE claim_status_counts SET count = count + CASE WHEN status = NEW.status THEN 1 ELSE -1 END
      WHERE status IN (OLD.status, NEW.status);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER claims_status_counts AFTER INSERT OR DELETE OR UPDATE OF status ON "claims"
  FOR EACH ROW EXECUTE FUNCTION claim_status_counts_apply();

-- Emptying the table empties the counts.
CREATE FUNCTION claim_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim_status_counts SET count = 0;
  RETURN NULL;
END
$$;
CREATE TRIGGER claims_status_counts_truncate AFTER TRUNCATE ON "claims"
  FOR EACH STATEMENT EXECUTE FUNCTION claim_status_counts_clear();

-- Loads that switch user triggers off (the benchmark's generator, a restore) count again afterwards.
CREATE FUNCTION claim_status_counts_recount() RETURNS void LANGUAGE sql AS $$
  UPDATE claim_status_counts k SET count = (SELECT count(*) FROM claims c WHERE c.status = k.status)::int;
$$;
