// The SQL a piece of data-layer work sends: every statement goes through `pg` (Prisma's adapter included).
import pg from "pg";

/** Runs `work` and returns what it returned with the statements it sent to PostgreSQL, in order (one at a time: nothing else may query meanwhile). */
export async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string } | undefined;
    statements.push((typeof q === "string" ? q : (q?.text ?? "")).replace(/\s+/g, " ").trim());
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    return { result: await work(), statements };
  } finally {
    pg.Client.prototype.query = query;
  }
}
