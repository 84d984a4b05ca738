// The SQL a piece of data-layer work sends: every statement goes through `pg` (Prisma's adapter included).
import pg from "pg";

/**
 * Runs `work` and returns what it returned with the statements it sent to PostgreSQL, in order, and
 * the name each was prepared under ("" when unnamed). One at a time: nothing else may query meanwhile.
 */
export async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; names: string[] }> {
  const statements: string[] = [];
  const names: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; name?: string } | undefined;
    statements.push((typeof q === "string" ? q : (q?.text ?? "")).replace(/\s+/g, " ").trim());
    names.push(typeof q === "string" ? "" : (q?.name ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    return { result: await work(), statements, names };
  } finally {
    pg.Client.prototype.query = query;
  }
}
