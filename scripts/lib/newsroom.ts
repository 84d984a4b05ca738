// A synthetic newsroom for benchmarks: users, metrics, sources, claims with citations and chains,
// comments, status histories, conflicts and fact sheets, made by a seeded random generator (so
// every run makes the same rows) and loaded with COPY, table by table, in one transaction.
import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "../../prisma/client";
import { random } from "./bench";

export interface NewsroomSize {
  users: number;
  metrics: number;
  sources: number;
  claims: number;
  citationsPerClaim: number;
  comments: number;
  conflicts: number;
  factSheets: number;
}

/**
 * The metric the timeline page is measured on gets every 200th claim besides its share: about 550
 * figures at full size, more than the page draws (METRIC_CLAIMS_CAP, 500), so the page is measured
 * at its largest. (Before, it had its share, 57, and grew by the benchmark's own saves.)
 */
const BUSY_METRIC = 7;
const BUSY_METRIC_EVERY = 200;

export const FULL: NewsroomSize = { users: 50, metrics: 2_000, sources: 20_000, claims: 100_000, citationsPerClaim: 3, comments: 200_000, conflicts: 5_000, factSheets: 500 };
export const QUICK: NewsroomSize = { users: 50, metrics: 100, sources: 1_000, claims: 5_000, citationsPerClaim: 3, comments: 10_000, conflicts: 250, factSheets: 25 };

/** One claim in ten names each topic; one in a thousand mentions a zeppelin (the rare word). */
export const TOPICS = ["volunteers", "soldiers", "recognition", "sanctions", "builders", "casualties", "drones", "refugees", "grain", "shells"];
export const RARE_WORD = "zeppelin";
/** The fact sheet with this many claims, for the export benchmarks. */
export const BIG_SHEET_CLAIMS = 1_000;

const STATUSES = ["UNVERIFIED", "IN_REVIEW", "VERIFIED", "DISPUTED", "FALSE"] as const;
const WORDS = ["officials", "reported", "according", "regional", "ministry", "estimated", "sources", "near", "border", "week", "said", "local", "figures", "total", "since", "spring"];

export interface Newsroom {
  counts: Record<string, number>;
  seconds: number;
  /** Ids the benchmark pages need. */
  claimId: string;
  conflictId: string;
  sourceId: string;
  metricId: string;
  bigSheetSlug: string;
  bigSheetId: string;
}

function uuids(rand: () => number) {
  return () => {
    let s = "";
    for (let i = 0; i < 4; i++) s += Math.floor(rand() * 2 ** 32).toString(16).padStart(8, "0");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
  };
}

/** COPY rows (arrays of text or null) into a table, in chunks of about a megabyte. */
async function copyRows(c: pg.ClientBase, table: string, columns: string[], rows: Iterable<(string | number | null)[]>) {
  const stream = c.query(copyFrom(`COPY "${table}" (${columns.map((x) => `"${x}"`).join(", ")}) FROM STDIN`));
  const done = once(stream, "finish");
  let chunk = "";
  let n = 0;
  for (const row of rows) {
    chunk += row.map((v) => (v === null ? "\\N" : String(v))).join("\t") + "\n";
    n++;
    if (chunk.length > 1_000_000) {
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
    }
  }
  stream.end(chunk);
  await done;
  return n;
}

/** Loads the newsroom into a migrated (and seeded) database; the seed's editor is one of its users. */
export async function generateNewsroom(url: string, size: NewsroomSize, seed = 20261202): Promise<Newsroom> {
  const started = performance.now();
  const rand = random(seed);
  const uuid = uuids(rand);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const base = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const at = (minutesAgo: number) => new Date(base - minutesAgo * 60_000).toISOString();

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const counts: Record<string, number> = {};
  try {
    await c.query("BEGIN");
    const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
    // Search vectors are filled in one pass at the end rather than by a trigger per citation.
    for (const t of tables) await c.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
    const editor = (await c.query<{ id: string; password_hash: string }>(`SELECT id, password_hash FROM users WHERE email = 'editor@factdesk.test'`)).rows[0]!;

    const roles = ["EDITOR", "EDITOR", "REVIEWER", "EDITOR", "ADMIN"];
    const users = [editor.id, ...Array.from({ length: size.users - 1 }, uuid)];
    // The seed's editor is the first of them, already in the table: counted, not copied.
    counts.users = 1 + await copyRows(c, "users", ["id", "email", "name", "role", "password_hash", "updated_at"], users.slice(1).map((id, i) => [id, `user${i}@bench.test`, `Bench User ${i}`, roles[i % roles.length]!, editor.password_hash, at(0)]));
    const someone = () => pick(users);

    const metrics = Array.from({ length: size.metrics }, uuid);
    counts.metrics = await copyRows(c, "metrics", ["id", "name", "unit", "created_by_id", "updated_at"], metrics.map((id, i) => [id, `Bench metric ${i} (${TOPICS[i % TOPICS.length]})`, "people", someone(), at(0)]));
    const events = Array.from({ length: Math.ceil(size.metrics / 10) }, uuid);
    counts.events = await copyRows(c, "events", ["id", "name", "created_by_id", "updated_at"], events.map((id, i) => [id, `Bench event ${i}`, someone(), at(0)]));
    const sources = Array.from({ length: size.sources }, uuid);
    counts.sources = await copyRows(c, "sources", ["id", "title", "outlet", "kind", "created_by_id", "updated_at", "created_at"], sources.map((id, i) => [id, `Bench source ${i}: ${words(5)}`, `Outlet ${i % 200}`, "NEWS_ARTICLE", someone(), at(i), at(i)]));
    const actors = Array.from({ length: Math.max(50, Math.ceil(size.sources / 20)) }, uuid);
    counts.actors = await copyRows(c, "actors", ["id", "name", "name_key", "kind", "updated_at"], actors.map((id, i) => [id, `Bench Actor ${i}`, `bench actor ${i}`, i % 3 ? "OUTLET" : "PERSON", at(0)]));

    const claims = Array.from({ length: size.claims }, uuid);
    const statusOf = claims.map(() => pick(STATUSES));
    const statementOf = claims.map((_, i) => `Bench claim ${i}: ${words(4)} ${TOPICS[i % TOPICS.length]} ${words(3)}${i % 1000 === 7 ? ` and a ${RARE_WORD}` : ""}`);
    counts.claims = await copyRows(
      c,
      "claims",
      ["id", "statement", "kind", "status", "metric_id", "value_low", "value_high", "unit", "as_of", "as_of_precision", "assignee_id", "created_by_id", "created_at", "updated_at"],
      claims.map((id, i) => {
        const low = Math.floor(rand() * 50_000);
        const created = at(i * 5);
        const metric = pick(metrics); // drawn for every claim, so the random sequence stays as it was
        return [id, statementOf[i]!, "QUANTITY", statusOf[i]!, i % BUSY_METRIC_EVERY === BUSY_METRIC_EVERY / 2 ? metrics[BUSY_METRIC]! : metric, low, low + Math.floor(rand() * 5000), "people", created.slice(0, 10), "DAY", i % 50 === 0 ? editor.id : i % 3 ? someone() : null, someone(), created, created];
      }),
    );
    counts.status_changes = await copyRows(
      c,
      "status_changes",
      ["id", "claim_id", "from_status", "to_status", "reason", "actor_id", "created_at"],
      (function* () {
        for (const [i, id] of claims.entries()) {
          yield [uuid(), id, null, "UNVERIFIED", "Recorded.", someone(), at(i * 5)];
          if (statusOf[i] !== "UNVERIFIED") yield [uuid(), id, "UNVERIFIED", statusOf[i]!, `Checked: ${words(4)}`, someone(), at(i * 5 - 3)];
        }
      })(),
    );
    // Reviews, without drawing on the random stream (the rows after them stay as they were): of the
    // claims in review, a quarter approved, an eighth sent back, an eighth sent back after an
    // approval, an eighth approved before what they rest on changed (still waiting); every verified
    // claim approved once.
    counts.reviews = await copyRows(
      c,
      "reviews",
      ["id", "claim_id", "reviewer_id", "decision", "note", "claim_version", "basis_version", "created_at"],
      (function* () {
        const reviewId = uuids(random(seed + 1));
        for (const [i, id] of claims.entries()) {
          const reviewer = users[(i * 7 + 1) % users.length]!;
          const review = (decision: "APPROVE" | "SEND_BACK", basis: number, minutes: number) =>
            [reviewId(), id, reviewer, decision, decision === "SEND_BACK" ? "Cite the figure's own source." : null, 1, basis, at(i * 5 - minutes)];
          if (statusOf[i] === "VERIFIED") yield review("APPROVE", 1, 2);
          if (statusOf[i] !== "IN_REVIEW") continue;
          const k = i % 8;
          if (k < 2) yield review("APPROVE", 1, 2);
          else if (k === 2) yield review("SEND_BACK", 1, 2);
          else if (k === 3) yield* [review("APPROVE", 1, 1), review("SEND_BACK", 1, 2)];
          else if (k === 4) yield review("APPROVE", 0, 2);
        }
      })(),
    );
    const citations: [string, string][] = [];
    counts.citations = await copyRows(
      c,
      "citations",
      ["id", "claim_id", "source_id", "quote", "stance", "created_by_id", "created_at", "updated_at"],
      (function* () {
        for (const [i, claim] of claims.entries()) {
          for (let k = 0; k < size.citationsPerClaim; k++) {
            const id = uuid();
            citations.push([id, claim]);
            yield [id, claim, pick(sources), `“${words(6)} ${TOPICS[(i + k) % TOPICS.length]} ${words(4)}”`, k === 2 ? "CONTRADICTS" : "SUPPORTS", someone(), at(i * 5 - k), at(i * 5 - k)];
          }
        }
      })(),
    );
    counts.attribution_links = await copyRows(c, "attribution_links", ["id", "citation_id", "position", "actor_id"], citations.map(([id]) => [uuid(), id, 0, pick(actors)]));
    counts.comments = await copyRows(
      c,
      "comments",
      ["id", "claim_id", "body", "author_id", "created_at", "updated_at"],
      Array.from({ length: size.comments }, (_, i) => {
        const when = at(i * 2);
        return [uuid(), pick(claims), `Bench comment ${i}: ${words(10)}`, someone(), when, when];
      }),
    );
    const conflicts = Array.from({ length: size.conflicts }, uuid);
    counts.conflicts = await copyRows(c, "conflicts", ["id", "kind", "status", "summary", "created_at", "updated_at"], conflicts.map((id, i) => [id, "VALUE", i % 5 < 3 ? "OPEN" : i % 5 === 3 ? "RESOLVED" : "DISMISSED", `Bench conflict ${i}: the figures cannot both hold`, at(i * 60), at(i * 60)]));
    counts.conflict_claims = await copyRows(
      c,
      "conflict_claims",
      ["conflict_id", "claim_id", "claim_version"],
      conflicts.flatMap((id, i) => {
        const a = (i * 17) % claims.length;
        return [[id, claims[a]!, 1], [id, claims[(a + 1) % claims.length]!, 1]];
      }),
    );
    const sheets = Array.from({ length: size.factSheets }, uuid);
    counts.fact_sheets = await copyRows(c, "fact_sheets", ["id", "title", "slug", "status", "created_by_id", "created_at", "updated_at"], sheets.map((id, i) => [id, `Bench fact sheet ${i}`, `bench-sheet-${i}`, i % 2 ? "PUBLISHED" : "DRAFT", someone(), at(i * 30), at(i * 30)]));
    counts.fact_sheet_claims = await copyRows(
      c,
      "fact_sheet_claims",
      ["fact_sheet_id", "claim_id", "position"],
      sheets.flatMap((id, s) => {
        const n = s === 0 ? Math.min(BIG_SHEET_CLAIMS, claims.length) : 20;
        return Array.from({ length: n }, (_, p) => [id, claims[(s * 97 + p * 13) % claims.length]!, p + 1]);
      }),
    );

    await c.query(`UPDATE claims SET search_vector = claim_search_vector(id, statement)`);
    await c.query(`UPDATE claims SET review_state = claim_review_state(id, status, basis_version) WHERE status = 'IN_REVIEW'`);
    await c.query(`SELECT claim_status_counts_recount()`);
    await c.query(`SELECT version_renew('data_version'), version_renew('published_version')`);
    for (const t of tables) await c.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
    await c.query("COMMIT");
    await c.query("ANALYZE");
    const busy = conflicts[0]!;
    return {
      counts,
      seconds: (performance.now() - started) / 1000,
      claimId: claims[Math.floor(claims.length / 2)]!,
      conflictId: busy,
      sourceId: sources[Math.floor(sources.length / 3)]!,
      metricId: metrics[BUSY_METRIC]!,
      bigSheetSlug: "bench-sheet-0",
      bigSheetId: sheets[0]!,
    };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}

// Fact sheets for the benchmarks and tests that publish them (bench:factsheets, bench:exports, the
// PDF job test): claims the publishing verb accepts, made in bulk SQL, and sheets of them
// published through the app's own verbs. Names in Cyrillic and Hangul, a formula-looking
// statement and quotes inside quotes keep the exports honest.

/**
 * Adds `claims` verified quantity claims (the newest in the database, or with `oldest` the oldest,
 * so the lists' first pages stay as generated), of which the first `cited` (all by default) get two
 * citations from different sources, each with a two-link attribution chain: two independent
 * origins, as publishing asks. Returns the cited claims' ids, newest first.
 */
export async function addPublishableClaims(db: Db, editorId: string, size: { claims: number; cited?: number; oldest?: boolean }): Promise<string[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const [sources, actors, claims] = [2000, 300, size.claims];
  const ids = async (sql: string, ...values: unknown[]) => (await db.$queryRawUnsafe<{ id: string }[]>(sql, ...values)).map((r) => r.id);
  const sourceIds = await ids(
    `INSERT INTO sources (id, title, outlet, url, kind, published_at, published_precision, created_by_id, updated_at)
     SELECT gen_random_uuid(), 'Sheet source ' || g, 'Outlet ' || (g % 200), 'https://example.org/a/' || g, 'NEWS_ARTICLE', date '2022-02-24' + (g % 900), 'DAY', $1::uuid, now()
     FROM generate_series(1, ${sources}) g RETURNING id`,
    editorId,
  );
  const actorIds = await ids(
    `INSERT INTO actors (id, name, name_key, kind, updated_at)
     SELECT gen_random_uuid(), (ARRAY['Дмитрий Песков ', '김정은 ', 'François Núñez ', 'Reuters '])[1 + g % 4] || g, 'sheet actor ${tag} ' || g,
            (ARRAY['PERSON', 'PERSON', 'PERSON', 'OUTLET'])[1 + g % 4]::"ActorKind", now()
     FROM generate_series(1, ${actors}) g RETURNING id`,
  );
  const claimIds = await ids(
    `INSERT INTO claims (id, statement, kind, status, value_low, value_high, unit, as_of, as_of_precision, verification_rule, created_by_id, created_at, updated_at)
     SELECT gen_random_uuid(), 'Sheet claim ' || g || ': ' || (ARRAY['volunteers sent, said Мацегора', '=SUM(A1) soldiers', '강제 labourers', 'grain, "tonnes", shipped'])[1 + g % 4],
            'QUANTITY', 'VERIFIED', g, g + 500, 'people', date '2022-02-24' + (g % 900), 'DAY', 'INDEPENDENT_ORIGINS', $1::uuid, base.start - (g || ' seconds')::interval, base.start
     FROM generate_series(1, ${claims}) g, (SELECT ${size.oldest ? "coalesce((SELECT min(created_at) FROM claims), now())" : "now()"} AS start) base ORDER BY g RETURNING id`,
    editorId,
  );
  const cited = claimIds.slice(0, size.cited ?? claims);
  // Two citations a claim from different sources, and each citation's two-link chain, in one statement.
  await db.$executeRawUnsafe(
    `WITH c AS (SELECT id, n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)),
          s AS (SELECT id, n - 1 AS n FROM unnest($3::uuid[]) WITH ORDINALITY AS t(id, n)),
          a AS (SELECT id, n - 1 AS n FROM unnest($4::uuid[]) WITH ORDINALITY AS t(id, n)),
          ci AS (
            INSERT INTO citations (id, claim_id, source_id, quote, stance, is_primary, created_by_id, updated_at)
            SELECT gen_random_uuid(), c.id, s.id, 'A quote for claim ' || c.n || ', source ' || k || ': «Мы отправили ' || c.n || '»', 'SUPPORTS', k = 0, $1::uuid, now()
            FROM c CROSS JOIN generate_series(0, 1) k JOIN s ON s.n = (c.n * 7 + k * 13) % ${sources}
            RETURNING id),
          numbered AS (SELECT id, row_number() OVER () AS n FROM ci)
     INSERT INTO attribution_links (id, citation_id, position, actor_id, relation)
     SELECT gen_random_uuid(), numbered.id, p, a.id, CASE WHEN p = 0 THEN 'said' ELSE 'reported' END
     FROM numbered CROSS JOIN generate_series(0, 1) p JOIN a ON a.n = (numbered.n + p * 150) % ${actors}`,
    editorId,
    cited,
    sourceIds,
    actorIds,
  );
  await db.$executeRawUnsafe("ANALYZE claims, citations, attribution_links, sources, actors");
  return cited;
}

type Actor = import("../../lib/server/authorize").SessionUser;

/** A new sheet holding `claimIds` in that order (through the app's createSheet, then one bulk insert). */
export async function sheetOf(db: Db, actor: Actor, title: string, claimIds: string[]): Promise<string> {
  const { createSheet } = await import("../../lib/server/fact-sheets");
  const made = await createSheet(actor, { title });
  if (!made.ok) throw new Error(made.message);
  await db.$executeRawUnsafe(
    `INSERT INTO fact_sheet_claims (fact_sheet_id, claim_id, position) SELECT $1::uuid, id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    made.value.id,
    claimIds,
  );
  return made.value.id;
}

/** Publishes the sheet's next version through the app's publishing verb. */
export async function publishNext(db: Db, actor: Actor, sheetId: string, previousNumber = 0) {
  const { publishSheet } = await import("../../lib/server/fact-sheet-publishing");
  const { version } = await db.factSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { version: true } });
  const result = await publishSheet(actor, { sheetId, version, previousNumber, changeNote: previousNumber ? "Republished with the same claims." : undefined });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/**
 * The token of a public link to the latest version of a published sheet of `claims` claims (the
 * oldest claims, so no list's first page changes), made through the app's verbs but the link's row
 * (made directly, with this fixed token and no audit entry: the token of a link the app makes is
 * random and shown once), with the version's files made here, as its first readers would have had
 * them made: the server measured never prints a PDF in the pages' run. The public page measured,
 * and read while others write.
 */
export async function publicSheetLink(db: Db, actor: Actor, claims: number, baseUrl: string): Promise<string> {
  const { linkTokenHash } = await import("../../lib/server/fact-sheet-links");
  const { readVersion } = await import("../../lib/server/fact-sheet-publishing");
  const { versionExports } = await import("../../lib/server/fact-sheet-exports");
  const { closePdfBrowser } = await import("../../lib/server/pdf");
  const token = `bench_public_sheet_of_${claims}_claims`;
  const sheet = await sheetOf(db, actor, `Bench public sheet of ${claims} claims`, await addPublishableClaims(db, actor.id, { claims, oldest: true }));
  await publishNext(db, actor, sheet);
  await db.factSheetLink.create({ data: { factSheetId: sheet, tokenHash: linkTokenHash(token), createdById: actor.id } });
  await versionExports((await readVersion({ factSheetId: sheet }))!, baseUrl);
  await closePdfBrowser();
  return token;
}
