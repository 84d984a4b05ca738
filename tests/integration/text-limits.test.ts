import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../support/database";

// The database backs every schema's maximum length (tests/unit/schema-limits.test.ts): no text
// column is unbounded, by type (varchar(n), char(n)) or by a CHECK on its length.
describe("text columns", () => {
  const { url } = useMigratedDatabase();
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url() });
    await client.connect();
  });
  afterAll(() => client?.end());

  it("each has a maximum length in the database", async () => {
    const { rows } = await client.query<{ col: string }>(`
      SELECT c.table_name || '.' || c.column_name AS col
        FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying') AND c.character_maximum_length IS NULL
         AND c.table_name <> '_prisma_migrations'
         AND NOT EXISTS (
           SELECT 1 FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            WHERE t.relname = c.table_name AND k.contype = 'c'
              AND pg_get_constraintdef(k.oid) ~ ('(char_length|length)\\(\\(?"?' || c.column_name || '"?\\)?'))
       ORDER BY 1`);
    expect(rows.map((r) => r.col)).toEqual([]);
  });

  it("refuse a too-long value, whoever writes it", async () => {
    await expect(client.query(`INSERT INTO tags (id, name) VALUES (gen_random_uuid(), repeat('x', 101))`)).rejects.toThrow(/check constraint/);
  });
});
