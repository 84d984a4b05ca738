// Generated input against every server action's schema and, through those schemas, against the
// verbs on real PostgreSQL (as the app's own role). No input may make a schema throw, a schema's
// output must be a fixed point (parsing it again gives it back), and a verb given any parsed input
// answers with an ActionResult (never an exception: that would be a 500) and writes only what
// its schema allows. Each verb call runs in a transaction that is rolled back, so the thousands
// of calls leave the database as the seed made it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { citationSchema } from "@/lib/schemas/citation";
import { claimSchema } from "@/lib/schemas/claim";
import { flagConflictSchema } from "@/lib/schemas/conflict";
import { eventSchema } from "@/lib/schemas/event";
import { metricSchema } from "@/lib/schemas/metric";
import { noteSchema } from "@/lib/schemas/note";
import { sourceSchema } from "@/lib/schemas/source";
import { commentSchema } from "@/lib/schemas/workflow";
import type { SessionUser } from "@/lib/server/authorize";
import { createClaim } from "@/lib/server/claim-edits";
import { addComment } from "@/lib/server/comments";
import { flagConflict } from "@/lib/server/conflicts";
import { createCitation } from "@/lib/server/citations";
import { db as appDb } from "@/lib/server/db";
import { createEvent } from "@/lib/server/events";
import { createMetric } from "@/lib/server/metrics";
import { Refused, type Tx } from "@/lib/server/mutations";
import { createNote } from "@/lib/server/notes";
import { createSource } from "@/lib/server/sources";
import { findActiveUser } from "@/lib/server/users";
import { refuseNul } from "@/lib/text-input";
import { encodeCursor, encodeNameCursor } from "@/lib/pagination";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";
import { inputSchemas } from "../support/schemas";

const uuid = "01a2384d-fa93-71fd-94bb-2243c22f0b47";
const claim = seedId("claim", "ru-deaths-range");
const source = seedId("source", "un-es11-1-vote");
const chain = [{ actorName: "Wire Service", actorKind: "OUTLET" }];

/** One valid input the generators start from, for each schema lib/schemas exports (a server action, a route or a part of one parses it). */
const VALID: Record<string, Record<string, unknown>> = {
  claimSchema: { statement: "Some 15,000 soldiers were killed by March.", kind: "QUANTITY", valueBest: "15k", unit: "soldiers", asOf: "2024-03-01", asOfPrecision: "DAY", tags: "war, losses" },
  editClaimSchema: { id: claim, version: 1, statement: "It happened on a Tuesday, they said.", kind: "ATTRIBUTED_STATEMENT", speakerName: "A Minister" },
  sourceSchema: { title: "A report", kind: "NEWS_ARTICLE", url: "https://example.org/a", language: "en", publishedAt: "2024-01-02", publishedPrecision: "DAY", fullText: "Some text." },
  editSourceSchema: { id: source, version: 1, title: "A report", kind: "OTHER", notes: "Checked." },
  citationSchema: { claimId: claim, claimVersion: 1, sourceId: source, quote: "Against: 5", stance: "SUPPORTS", chain },
  editCitationSchema: { id: uuid, claimId: claim, claimVersion: 1, sourceId: source, quote: "words", startOffset: 1, endOffset: 6, stance: "MENTIONS", chain, saidOn: "2024-01-01", saidPrecision: "MONTH" },
  deleteCitationSchema: { id: uuid, claimVersion: 2 },
  passageClaimSchema: { claim: { statement: "Five states voted against it.", kind: "EVENT" }, citation: { sourceId: source, quote: "Against: 5", stance: "SUPPORTS", chain } },
  noteSchema: { claimId: claim, body: "Check the roll-call." },
  deleteNoteSchema: { id: uuid, version: 1 },
  commentSchema: { claimId: claim, body: "Is this the final count?" },
  resolveCommentSchema: { commentId: uuid, version: 1, resolved: true },
  assignSchema: { claimId: claim, version: 1, assigneeId: "" },
  reviewSchema: { claimId: claim, version: 1, decision: "SEND_BACK", note: "Needs a second source." },
  changeStatusSchema: { claimId: claim, version: 1, toStatus: "IN_REVIEW", reason: "Ready." },
  eventSchema: { name: "The vote", description: "At the UN." },
  renameEventSchema: { id: uuid, version: 1, name: "The vote" },
  metricSchema: { name: "Deaths in the war", unit: "people", tolerancePercent: "5", figureKind: "RUNNING_TOTAL" },
  updateMetricSchema: { id: uuid, version: 1, name: "Deaths", unit: "people" },
  mergeMetricsSchema: { sourceId: uuid, sourceVersion: 1, targetId: claim, targetVersion: 1, reason: "The same thing." },
  mergeActorsSchema: { aliasId: uuid, canonicalId: claim, reason: "Two spellings of one name." },
  flagConflictSchema: { claimIds: [uuid, claim], reason: "Both cannot be true." },
  decideConflictSchema: { conflictId: uuid, version: 1, action: "PREFER", preferredClaimId: claim, note: "The later count is better.", movingClaimIds: [] },
  conflictListSchema: { status: "OPEN", kind: "VALUE", limit: "20" },
  claimFiltersSchema: { q: "deaths", status: "VERIFIED", sort: "newest", limit: "50" },
  nameSearchSchema: { q: "death", limit: "10" },
  metricSearchQuerySchema: { q: "death", limit: "10", exclude: uuid },
  userListQuerySchema: { limit: "20", after: "editor@factdesk.test" },
  sheetSchema: { title: "The figures", summary: "What we know." },
  editSheetSchema: { id: uuid, version: 1, title: "The figures" },
  arrangeSheetSchema: { sheetId: uuid, version: 1, items: [{ claimId: claim, section: "Losses" }] },
  addSheetClaimsSchema: { sheetId: uuid, version: 1, claimIds: [claim], section: "" },
  addFilteredClaimsSchema: { sheetId: uuid, filters: { q: "deaths" } },
  publishSheetSchema: { sheetId: uuid, version: 1, previousNumber: 0, changeNote: "First." },
  createLinkSchema: { sheetId: uuid, number: "1" },
  revokeLinkSchema: { linkId: uuid },
  createApiTokenSchema: { name: "Newsroom bot" },
  revokeApiTokenSchema: { tokenId: uuid },
  loginSchema: { email: "editor@factdesk.test", password: "editor-demo-password" },
  inviteSchema: { email: "new@factdesk.test", role: "REVIEWER" },
  changeRoleSchema: { userId: uuid, role: "EDITOR", version: 1 },
  setDisabledSchema: { userId: uuid, disabled: true, version: 1 },
  resetLinkSchema: { userId: uuid },
  changePasswordSchema: { currentPassword: "old-password", newPassword: "a-new-password-1", confirmPassword: "a-new-password-1" },
  accountLinkSchema: { token: "a".repeat(43), name: "New Person", newPassword: "a-new-password-1", confirmPassword: "a-new-password-1" },
  chainLinkSchema: chain[0]!,
  passageCitationSchema: { sourceId: source, quote: "Against: 5", stance: "SUPPORTS", chain },
  requestConflictScanSchema: {},
  sheetFilterSchema: { q: "deaths", status: "VERIFIED", kind: "QUANTITY" },
  retryExportSchema: { snapshotId: uuid },
  sheetListQuerySchema: { limit: "20", cursor: uuid },
  verifiedClaimsQuerySchema: { q: "deaths", kind: "QUANTITY", tag: "war", limit: "5" },
  pageQuerySchema: { limit: "20", cursor: encodeCursor({ createdAt: new Date("2024-03-01T10:00:00Z"), id: uuid }) },
  namePageQuerySchema: { q: "death", limit: "10", cursor: encodeNameCursor({ name: "Deaths", id: uuid }) },
};

/** Every schema lib/schemas and lib/pagination.ts export (found, not listed: a new one without a starting input fails the first test). */
const SCHEMAS = (await inputSchemas()).map(({ file, name, schema }) => [`${file}: ${name}`, schema, VALID[name]] as const);

// Text as people and attackers type it: any code point (lone surrogates, NUL and controls
// included), markup, right-to-left overrides and zero-width characters, and text past every limit.
const nasty = fc.constantFrom("\u0000", "\u202e", "\u200b", "\ufeff", "<script>", "'; DROP TABLE claims; --", "$1", "\\", "%00", "\r\n", "\ud800", "💥", "Ω", "ﬃ", "  ");
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(nasty, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 100, max: 6000 })).map(([s, n]) => s.repeat(n).slice(0, 600_000)) },
);
const scalar = fc.oneof(
  text,
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "2024-02-30", "0000-01-01", "9999-12-31", uuid.toUpperCase(), `${uuid} `),
  fc.double(),
  fc.integer(),
  fc.bigInt().map(String),
  fc.boolean(),
  fc.constantFrom(null, undefined, [], {}),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const anyValue = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) });

/** A valid input with one to three of its fields (or new ones) replaced by anything; now and then an input that is not an object at all. */
function mutated(base: Record<string, unknown>) {
  const keys = [...Object.keys(base), "__proto__", "constructor", "id", "extra"];
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.tuple(fc.constantFrom(...keys), anyValue), { minLength: 1, maxLength: 3 }).map((changes) => {
      const out: Record<string, unknown> = { ...base };
      for (const [k, v] of changes) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      return out;
    }) },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constant(base) },
  );
}

let schemaInputs = 0;
let verbInputs = 0;
const RUNS_PER_SCHEMA = 220;
const RUNS_PER_VERB = 120;

describe("fast-check: the schemas of every server action", () => {
  it("has a starting input for every schema lib/schemas and lib/pagination.ts export", () => {
    expect(SCHEMAS.filter(([, , valid]) => !valid).map(([name]) => name)).toEqual([]);
    expect(Object.keys(VALID).filter((name) => !SCHEMAS.some(([found]) => found.endsWith(`: ${name}`))), "no input for a schema that is gone").toEqual([]);
  });
  for (const [name, schema, valid = {}] of SCHEMAS) {
    it(`${name}: never throws, and what it accepts parses to itself again`, () => {
      expect(schema.safeParse(valid).success, `the starting input of ${name} must be valid`).toBe(true);
      fc.assert(
        fc.property(mutated(valid), (input) => {
          schemaInputs++;
          const first = schema.safeParse(input);
          if (!first.success) return;
          const again = schema.safeParse(first.data);
          expect(again.success).toBe(true);
          expect(again.data).toEqual(first.data);
        }),
        { numRuns: RUNS_PER_SCHEMA, seed: 13 },
      );
    });
  }
});

class Rollback extends Error {
  constructor(readonly result: ActionResult<unknown>) {
    super("rolled back");
  }
}

describe("fast-check: the verbs, on real PostgreSQL", () => {
  const { db } = useMigratedDatabase();
  let editor: SessionUser;

  /** Parses as the action would, then runs the verb in a transaction that is always rolled back. */
  async function attempt<S extends z.ZodType>(schema: S, input: unknown, verb: (user: SessionUser, values: never, tx: Tx) => Promise<ActionResult<unknown>>, check?: (tx: Tx, value: unknown) => Promise<void>) {
    verbInputs++;
    // As runAction does: a NUL is refused before the schema (lib/text-input.ts), then the schema parses.
    if (refuseNul(input)) return "invalid";
    const parsed = schema.safeParse(input);
    if (!parsed.success) return "invalid";
    try {
      await appDb.$transaction(async (tx) => {
        const result = await verb(editor, parsed.data as never, tx);
        if (result.ok && check) await check(tx, result.value);
        throw new Rollback(result);
      });
    } catch (e) {
      if (e instanceof Rollback) return e.result.ok ? "saved" : "refused";
      if (e instanceof Refused) return "refused";
      throw e;
    }
    throw new Error("unreachable");
  }

  /** What was written, read back inside the transaction, passes the schema's own rule for that field. */
  const readBack = (table: "claim" | "source" | "event" | "metric" | "note" | "comment", field: string, rule: z.ZodType) => async (tx: Tx, value: unknown) => {
    const id = (value as { id: string }).id;
    const row = (await (tx[table] as unknown as { findUniqueOrThrow(a: unknown): Promise<Record<string, unknown>> }).findUniqueOrThrow({ where: { id } }));
    expect(rule.safeParse(row[field]).success, `${table}.${field} as stored: ${JSON.stringify(row[field])?.slice(0, 80)}`).toBe(true);
  };

  const VERBS: [string, z.ZodType, Record<string, unknown>, (user: SessionUser, values: never, tx: Tx) => Promise<ActionResult<unknown>>, ((tx: Tx, v: unknown) => Promise<void>)?][] = [
    ["createClaim", claimSchema, VALID.claimSchema!, createClaim, readBack("claim", "statement", claimSchema.shape.statement)],
    ["createSource", sourceSchema, VALID.sourceSchema!, createSource, readBack("source", "title", sourceSchema.shape.title)],
    ["createCitation", citationSchema, { ...VALID.citationSchema!, quote: "Against: 5" }, createCitation],
    ["createNote", noteSchema, VALID.noteSchema!, createNote, readBack("note", "body", noteSchema.shape.body)],
    ["addComment", commentSchema, VALID.commentSchema!, addComment, readBack("comment", "body", commentSchema.shape.body)],
    ["createEvent", eventSchema, VALID.eventSchema!, createEvent, readBack("event", "name", eventSchema.shape.name)],
    ["createMetric", metricSchema, VALID.metricSchema!, createMetric, readBack("metric", "name", metricSchema.shape.name)],
    ["flagConflict", flagConflictSchema, { claimIds: [claim, seedId("claim", "un-vote-against")], reason: "Both cannot be true." }, flagConflict],
  ];

  it("seeds the database the verbs act on", async () => {
    await seedDatabase(db());
    editor = (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } })).id))!;
    const version = (await db().claim.findUniqueOrThrow({ where: { id: claim } })).version;
    (VERBS[2]![2] as { claimVersion: number }).claimVersion = version;
  });

  for (const [name, schema, valid, verb, check] of VERBS) {
    it(`${name}: any input answers with a result, never an exception, and writes only what its schema allows`, async () => {
      const before = await db().auditLog.count();
      const outcomes = { invalid: 0, refused: 0, saved: 0 };
      expect(await attempt(schema, valid, verb, check), `the starting input of ${name} must save`).toBe("saved");
      await fc.assert(
        fc.asyncProperty(mutated(valid), async (input) => {
          outcomes[await attempt(schema, input, verb, check)]++;
        }),
        { numRuns: RUNS_PER_VERB, seed: 13 },
      );
      console.log(`[properties] ${name}: ${JSON.stringify(outcomes)}`);
      expect(outcomes.saved, "some generated inputs must get through to the database").toBeGreaterThan(0);
      expect(await db().auditLog.count(), "every call was rolled back").toBe(before);
    });
  }

  it("counts the inputs", () => {
    console.log(`[properties] ${schemaInputs} inputs against ${SCHEMAS.length} schemas, ${verbInputs} through ${VERBS.length} verbs`);
    expect(schemaInputs + verbInputs).toBeGreaterThanOrEqual(10_000);
  });
});
