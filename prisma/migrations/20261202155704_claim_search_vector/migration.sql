-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "search_vector" tsvector;

-- CreateIndex
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");

-- Hand-written: the search vector is the statement (weight A) and every citation's quote
-- (weight B), kept current by triggers in the same transaction as the write that changes either.
CREATE FUNCTION claim_search_vector(claim uuid, statement text) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', statement), 'A')
      || setweight(to_tsvector('english', coalesce((SELECT string_agg(q.quote, ' ' ORDER BY q.id) FROM citations q WHERE q.claim_id = claim), '')), 'B')
$$;

CREATE FUNCTION claims_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := claim_search_vector(NEW.id, NEW.statement);
  RETURN NEW;
END
$$;
CREATE TRIGGER claims_search_vector BEFORE INSERT OR UPDATE OF statement ON "claims"
  FOR EACH ROW EXECUTE FUNCTION claims_search_vector_refresh();

CREATE FUNCTION citations_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims SET search_vector = claim_search_vector(id, statement)
   WHERE id IN (CASE WHEN TG_OP <> 'DELETE' THEN NEW.claim_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.claim_id END);
  RETURN NULL;
END
$$;
CREATE TRIGGER citations_search_vector AFTER INSERT OR DELETE OR UPDATE OF quote, claim_id ON "citations"
  FOR EACH ROW EXECUTE FUNCTION citations_search_vector_refresh();

UPDATE "claims" SET search_vector = claim_search_vector(id, statement);

-- Searches read claims_search_vector_idx now; these two served the old per-table search.
DROP INDEX "claims_statement_fts_idx";
DROP INDEX "citations_quote_fts_idx";
