// The database floor of a page: the reads it needs, written straight in SQL over `pg` (no
// framework, no ORM, no rendering), so the benchmark can say how far above it the page runs.
import type pg from "pg";

/** The claims list: one keyset page of 50 (optionally searched), its rows, source counts, open conflicts and the capped count. */
export async function claimsListFloor(pool: pg.Pool, q?: string) {
  const where = q ? `WHERE c.search_vector @@ websearch_to_tsquery('english', $1)` : "";
  const args = q ? [q] : [];
  const [keys, count] = await Promise.all([
    pool.query<{ id: string }>(`SELECT c.id FROM claims c ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT 51`, args),
    pool.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM claims c ${where} LIMIT 10001) capped`, args),
  ]);
  const ids = keys.rows.map((r) => r.id);
  await Promise.all([
    pool.query(
      `SELECT c.id, c.statement, c.kind, c.status, c.value_low, c.value_high, c.value_best, c.unit, c.rate_period, c.as_of, c.as_of_precision,
              c.period_start, c.period_end, c.event_date, c.event_date_precision, c.created_at, c.updated_at, m.id AS metric_id, m.name AS metric_name,
              u.id AS assignee_id, u.name AS assignee_name
         FROM claims c LEFT JOIN metrics m ON m.id = c.metric_id LEFT JOIN users u ON u.id = c.assignee_id WHERE c.id = ANY($1::uuid[])`,
      [ids],
    ),
    pool.query(`SELECT claim_id, source_id FROM citations WHERE claim_id = ANY($1::uuid[]) GROUP BY 1, 2`, [ids]),
    pool.query(`SELECT cc.claim_id FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = ANY($1::uuid[]) AND k.status = 'OPEN'`, [ids]),
  ]);
  return count.rows[0];
}

/** A claim page: the claim, its citations with sources and chains, history, reviews, notes, comments and conflicts. */
export async function claimPageFloor(pool: pg.Pool, id: string) {
  const results = await Promise.all([
    pool.query(
      `SELECT c.*, m.name AS metric_name, e.name AS event_name, s.name AS speaker_name, u.name AS assignee_name
         FROM claims c LEFT JOIN metrics m ON m.id = c.metric_id LEFT JOIN events e ON e.id = c.event_id
         LEFT JOIN actors s ON s.id = c.speaker_id LEFT JOIN users u ON u.id = c.assignee_id WHERE c.id = $1`,
      [id],
    ),
    pool.query(
      `SELECT q.*, s.title, s.outlet, s.url, s.kind AS source_kind, s.published_at,
              (SELECT json_agg(json_build_object('position', l.position, 'name', a.name, 'kind', a.kind) ORDER BY l.position)
                 FROM attribution_links l JOIN actors a ON a.id = l.actor_id WHERE l.citation_id = q.id) AS chain
         FROM citations q JOIN sources s ON s.id = q.source_id WHERE q.claim_id = $1 ORDER BY q.created_at`,
      [id],
    ),
    pool.query(`SELECT sc.*, u.name FROM status_changes sc JOIN users u ON u.id = sc.actor_id WHERE sc.claim_id = $1 ORDER BY sc.created_at`, [id]),
    pool.query(`SELECT r.*, u.name FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.claim_id = $1 ORDER BY r.created_at DESC LIMIT 50`, [id]),
    pool.query(`SELECT a.*, u.name FROM annotations a JOIN users u ON u.id = a.author_id WHERE a.claim_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at`, [id]),
    pool.query(`SELECT k.*, u.name FROM comments k JOIN users u ON u.id = k.author_id WHERE k.claim_id = $1 AND k.deleted_at IS NULL ORDER BY k.created_at LIMIT 500`, [id]),
    pool.query(
      `SELECT k.id, k.kind, k.status, k.summary FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = $1 ORDER BY k.created_at DESC`,
      [id],
    ),
  ]);
  return results.length;
}

/**
 * Search before and after the stored vector, in the database alone (page of 51 ids plus the
 * capped count): the old shape needs its two expression indexes, made here for the comparison.
 */
export async function compareSearch(pool: pg.Pool, words: string[], samples: number) {
  const { summarise } = await import("./bench-http");
  const time = async (sql: string, q: string) => {
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await pool.query(sql, [q]);
      ms.push(performance.now() - t);
    }
    return summarise(ms, ms.reduce((a, b) => a + b, 0) / 1000);
  };
  const old = `c.id IN (SELECT s.id FROM claims s WHERE to_tsvector('english', s.statement) @@ websearch_to_tsquery('english', $1)
                UNION SELECT q.claim_id FROM citations q WHERE to_tsvector('english', q.quote) @@ websearch_to_tsquery('english', $1))`;
  const stored = `c.search_vector @@ websearch_to_tsquery('english', $1)`;
  const shape = (where: string) =>
    `SELECT (SELECT array_agg(id) FROM (SELECT c.id FROM claims c WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT 51) p),
            (SELECT count(*) FROM (SELECT 1 FROM claims c WHERE ${where} LIMIT 10001) capped)`;
  await pool.query(`CREATE INDEX IF NOT EXISTS bench_old_statement_fts ON claims USING gin (to_tsvector('english', statement))`);
  await pool.query(`CREATE INDEX IF NOT EXISTS bench_old_quote_fts ON citations USING gin (to_tsvector('english', quote))`);
  await pool.query(`ANALYZE claims, citations`);
  const out: { word: string; before: ReturnType<typeof summarise>; after: ReturnType<typeof summarise> }[] = [];
  for (const word of words) out.push({ word, before: await time(shape(old), word), after: await time(shape(stored), word) });
  await pool.query(`DROP INDEX bench_old_statement_fts`);
  await pool.query(`DROP INDEX bench_old_quote_fts`);
  return out;
}
