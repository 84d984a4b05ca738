import "server-only";
import { claimBasisChanges } from "@/lib/basis";
import { signRefusal } from "@/lib/conflicts/figures";
import { parseTags, type ClaimValues, type EditClaimValues } from "@/lib/schemas/claim";
import { Prisma } from "@/prisma/client";
import type { ClaimStatus } from "@/lib/labels";
import { findOrCreateActor } from "./actors";
import { authorize, type SessionUser } from "./authorize";
import { lockClaims, refusalToRevise, reviseClaim, staleClaim } from "./claim-revision";
import { detectConflicts } from "./conflicts/detect-on-save";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction, type AuditEntry } from "./mutations";
import { dayToDate } from "@/lib/values";
import { newId } from "@/lib/ids";

type Tx = Prisma.TransactionClient;

/** The columns a form writes; fields of other kinds are cleared so a kind change leaves no stray value. */
function columns(v: ClaimValues) {
  const quantity = v.kind === "QUANTITY";
  const date = v.kind === "DATE";
  const aboutEvent = date || v.kind === "EVENT";
  return {
    statement: v.statement,
    kind: v.kind,
    metricId: quantity ? (v.metricId ?? null) : null,
    valueLow: quantity ? (v.valueLow ?? null) : null,
    valueHigh: quantity ? (v.valueHigh ?? null) : null,
    valueBest: quantity ? (v.valueBest ?? null) : null,
    unit: quantity ? (v.unit ?? null) : null,
    ratePeriod: quantity ? (v.ratePeriod ?? null) : null,
    asOf: quantity ? dayToDate(v.asOf) : null,
    asOfPrecision: quantity && v.asOf ? (v.asOfPrecision ?? null) : null,
    periodStart: dayToDate(v.periodStart),
    periodEnd: dayToDate(v.periodEnd),
    periodText: v.periodText ?? null,
    approximate: quantity ? v.approximate : false,
    eventId: aboutEvent ? (v.eventId ?? null) : null,
    eventDate: date ? dayToDate(v.eventDate) : null,
    eventDatePrecision: date ? (v.eventDatePrecision ?? null) : null,
  };
}

/** The columns a form edits, and the version: what an insert returns without reading the claim again. */
const editableColumns = {
  statement: true, kind: true, metricId: true, valueLow: true, valueHigh: true, valueBest: true, unit: true, ratePeriod: true,
  asOf: true, asOfPrecision: true, periodStart: true, periodEnd: true, periodText: true, approximate: true, eventId: true, eventDate: true, eventDatePrecision: true,
  version: true,
} as const;
type Stored = Prisma.ClaimGetPayload<{ select: typeof editableColumns }>;
/** The same columns in SQL, named and typed as Prisma reads them (enums as their names, figures as Decimals). */
const editableSql = Prisma.sql`statement, kind::text AS kind, metric_id AS "metricId", value_low AS "valueLow", value_high AS "valueHigh", value_best AS "valueBest",
  unit, rate_period::text AS "ratePeriod", as_of AS "asOf", as_of_precision::text AS "asOfPrecision", period_start AS "periodStart",
  period_end AS "periodEnd", period_text AS "periodText", approximate, event_id AS "eventId", event_date AS "eventDate",
  event_date_precision::text AS "eventDatePrecision", version`;

/** A claim as its audit entries hold it: the editable columns, the speaker by name and the tags sorted. */
type Snapshot = Stored & { speakerName: string | null; tags: string[] };

/**
 * Inserts a new claim with its first status entry ("Recorded."), in one prepared statement, and
 * returns its id and the stored editable columns (figures as PostgreSQL keeps them). Prisma's
 * create and the status entry's were two statements compiled on every save.
 */
async function insertClaim(tx: Tx, data: ReturnType<typeof columns>, speakerId: string | null, actorId: string): Promise<{ id: string; stored: Stored }> {
  const id = newId();
  const at = new Date(); // The app's clock, as Prisma stamps rows (lib/ids.ts, newId).
  const [stored] = await tx.$queryRaw<Stored[]>`/* prepared: claim_insert */
    WITH claim AS (
      INSERT INTO claims (id, statement, kind, metric_id, value_low, value_high, value_best, unit, rate_period, as_of, as_of_precision,
                          period_start, period_end, period_text, approximate, event_id, event_date, event_date_precision,
                          speaker_id, created_by_id, created_at, updated_at)
      VALUES (${id}::uuid, ${data.statement}, ${data.kind}::"ClaimKind", ${data.metricId}::uuid, ${data.valueLow}::numeric, ${data.valueHigh}::numeric,
              ${data.valueBest}::numeric, ${data.unit}, ${data.ratePeriod}::"RatePeriod", ${data.asOf}::date, ${data.asOfPrecision}::"DatePrecision",
              ${data.periodStart}::date, ${data.periodEnd}::date, ${data.periodText}, ${data.approximate}, ${data.eventId}::uuid, ${data.eventDate}::date,
              ${data.eventDatePrecision}::"DatePrecision", ${speakerId}::uuid, ${actorId}::uuid, ${at}::timestamptz, ${at}::timestamptz)
      RETURNING *),
    recorded AS (
      INSERT INTO status_changes (id, claim_id, to_status, reason, actor_id, created_at)
      SELECT ${newId()}::uuid, claim.id, claim.status, 'Recorded.', ${actorId}::uuid, ${at}::timestamptz FROM claim)
    SELECT ${editableSql} FROM claim`;
  return { id, stored: stored! };
}

/** A claim's snapshot and its status, in one prepared statement (Prisma's read of the tags and the speaker sent three); null if there is no such claim. */
async function readSnapshot(tx: Tx, id: string): Promise<(Snapshot & { status: ClaimStatus }) | null> {
  const [row] = await tx.$queryRaw<(Snapshot & { status: ClaimStatus })[]>`/* prepared: claim_snapshot */
    SELECT ${editableSql}, status::text AS status, (SELECT name FROM actors WHERE id = claims.speaker_id) AS "speakerName",
           coalesce((SELECT array_agg(t.name) FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = claims.id), '{}') AS tags
      FROM claims WHERE id = ${id}::uuid`;
  // Sorted here, not by the database's collation: the order JavaScript gives is the one audit entries have always held.
  return row ? { ...row, tags: row.tags.sort() } : null;
}

/** The speaker of an attributed statement, found by name or recorded as a new actor. */
async function speakerOf(tx: Tx, audit: (e: AuditEntry) => void, v: ClaimValues) {
  if (v.kind !== "ATTRIBUTED_STATEMENT" || !v.speakerName) return null;
  const { id, name } = await findOrCreateActor(tx, audit, v.speakerName, "UNKNOWN");
  return { id, name };
}

/** Replaces a claim's tags with `names`. */
async function setTags(tx: Tx, claimId: string, names: string[]) {
  await tx.$executeRaw`/* prepared: claim_tags_clear */ DELETE FROM claim_tags WHERE claim_id = ${claimId}::uuid`;
  await addTags(tx, claimId, names);
}

/**
 * Gives a claim the tags `names` (made when new); a new claim has none to replace. Two prepared
 * statements, not one: a tag another save is making meanwhile makes the first wait for that save
 * to end, and only a later statement sees the row it committed. New tags are made in name order,
 * so two saves making the same new tags wait on each other in one order and never deadlock.
 */
async function addTags(tx: Tx, claimId: string, names: string[]) {
  if (!names.length) return;
  const sorted = [...names].sort();
  await tx.$executeRaw`/* prepared: tags_make */
    INSERT INTO tags (id, name) SELECT * FROM unnest(${sorted.map(() => newId())}::uuid[], ${sorted}::text[]) ON CONFLICT (name) DO NOTHING`;
  await tx.$executeRaw`/* prepared: claim_tags_add */
    INSERT INTO claim_tags (claim_id, tag_id) SELECT ${claimId}::uuid, id FROM tags WHERE name = ANY(${names}::text[])`;
}

/**
 * Whether the chosen metric and event exist (a merged-away metric does not), as a refusal if not.
 * FOR SHARE holds the metric until this claim commits, so a merge running at the same time waits
 * and then moves this claim too, or runs first and this claim is refused.
 */
async function checkLinks(tx: Tx, data: { metricId: string | null; eventId: string | null; valueLow: number | null; valueHigh: number | null; valueBest: number | null }) {
  if (data.metricId) {
    const live = await tx.$queryRaw<{ allows_signed: boolean }[]>`/* prepared: metric_live */ SELECT allows_signed FROM metrics WHERE id = ${data.metricId}::uuid AND merged_into_id IS NULL FOR SHARE`;
    if (!live.length) return refuse("That metric no longer exists.", { fieldErrors: { metricId: ["Choose a metric from the list."] } });
    const negative = signRefusal([data.valueLow, data.valueHigh, data.valueBest], live[0]!.allows_signed);
    if (negative) return refuse(negative, { fieldErrors: { [data.valueBest !== null && data.valueBest < 0 ? "valueBest" : data.valueLow !== null && data.valueLow < 0 ? "valueLow" : "valueHigh"]: [negative] } });
  } else {
    // A figure with no metric has no rule that allows signs: counts are not negative.
    const negative = signRefusal([data.valueLow, data.valueHigh, data.valueBest], false);
    if (negative) return refuse(negative, { fieldErrors: { valueBest: [negative] } });
  }
  if (data.eventId && (await tx.event.count({ where: { id: data.eventId } })) === 0) {
    return refuse("That event no longer exists.", { fieldErrors: { eventId: ["Choose an event from the list."] } });
  }
  return null;
}

export async function createClaim(user: SessionUser, values: ClaimValues, tx?: Tx) {
  authorize(user, "claims:write");
  return inTransaction(user, async (tx, audit) => {
    const data = columns(values);
    const missing = await checkLinks(tx, data);
    if (missing) return missing;
    const speaker = await speakerOf(tx, audit, values);
    const tags = parseTags(values.tags);
    const { id, stored } = await insertClaim(tx, data, speaker?.id ?? null, user.id);
    await addTags(tx, id, tags);
    await detectConflicts(tx, [id], user.id, audit, { created: true });
    // The snapshot a read would give (the insert returns the stored columns), without reading the claim, its tags and its speaker again.
    const after: Snapshot = { ...stored, speakerName: speaker?.name ?? null, tags: [...tags].sort() };
    audit({ action: "claim.create", entityType: "Claim", entityId: id, after });
    return ok({ id });
  }, { tx });
}

export async function updateClaim(user: SessionUser, values: EditClaimValues, tx?: Tx) {
  authorize(user, "claims:write");
  return inTransaction(user, async (tx, audit) => {
    await lockClaims(tx, [values.id]);
    const current = await readSnapshot(tx, values.id);
    if (!current) return refuse("This claim does not exist.");
    const refusal = await refusalToRevise(tx, values.id, current, values.version);
    if (refusal) return refusal;
    const data = columns(values);
    const missing = await checkLinks(tx, data);
    if (missing) return missing;
    const changed = claimBasisChanges(current, { ...data, speakerName: values.kind === "ATTRIBUTED_STATEMENT" ? (values.speakerName ?? null) : null });
    const revised = await reviseClaim(
      tx,
      user.id,
      { id: values.id, status: current.status },
      values.version,
      { ...data, speakerId: (await speakerOf(tx, audit, values))?.id ?? null },
      changed.length ? { type: "claim.edit", changed } : { type: "claim.tags" },
      "What the claim rests on was edited after it was decided: back to review.",
    );
    if (!revised) return staleClaim(tx, values.id, values.version);
    await setTags(tx, values.id, parseTags(values.tags));
    await detectConflicts(tx, [values.id], user.id, audit);
    const after = (await readSnapshot(tx, values.id))!;
    audit({ action: "claim.update", entityType: "Claim", entityId: values.id, before: current, after });
    return ok({ id: values.id, version: after.version });
  }, { tx });
}
