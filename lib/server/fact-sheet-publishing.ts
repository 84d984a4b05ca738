import "server-only";
import { diffVersions, type VersionDiff } from "@/lib/factsheets/diff";
import { newsroom } from "@/lib/factsheets/newsroom";
import { describeReasons, splitPublishable } from "@/lib/factsheets/publishability";
import { SNAPSHOT_FORMAT, canonicalJson, contentHash, sha256Hex, snapshotContentSchema, type SnapshotClaim, type SnapshotContent } from "@/lib/factsheets/snapshot";
import { MIN_CHANGE_NOTE, MAX_SHEET_CLAIMS, type PublishSheetValues } from "@/lib/schemas/factsheet";
import { claimValueText } from "@/lib/values";
import type { Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { openConflictCounts } from "./fact-sheets";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction } from "./mutations";

type Tx = Prisma.TransactionClient;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const num = (n: { toString(): string } | null) => (n === null ? null : n.toString());

/** Everything a version freezes of a claim: its value, evidence, and who verified and approved it. */
const publishedClaimSelect = {
  id: true, statement: true, kind: true, status: true, version: true,
  valueLow: true, valueHigh: true, valueBest: true, unit: true, ratePeriod: true, asOf: true, asOfPrecision: true,
  periodStart: true, periodEnd: true, periodText: true, eventDate: true, eventDatePrecision: true,
  verificationRule: true, verificationNote: true,
  metric: { select: { name: true } },
  event: { select: { name: true } },
  speaker: { select: { name: true } },
  citations: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, quote: true, stance: true, isPrimary: true, saidOn: true, saidPrecision: true, saidText: true,
      source: { select: { id: true, title: true, outlet: true, url: true, kind: true, publishedAt: true, publishedPrecision: true, language: true } },
      chain: { orderBy: { position: "asc" }, select: { relation: true, actor: { select: { name: true, kind: true } } } },
    },
  },
  statusChanges: { where: { toStatus: "VERIFIED" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, actor: { select: { name: true } } } },
  reviews: { where: { decision: "APPROVE" }, orderBy: { createdAt: "desc" }, take: 20, select: { claimVersion: true, createdAt: true, reviewer: { select: { name: true } } } },
} as const satisfies Prisma.ClaimSelect;

type LiveClaim = Prisma.ClaimGetPayload<{ select: typeof publishedClaimSelect }>;

/** The approvals the verification rested on: the latest approved claim version before it was verified. */
function approvalsBehind(claim: LiveClaim, verifiedAt: Date | null) {
  const before = claim.reviews.filter((r) => !verifiedAt || r.createdAt <= verifiedAt);
  const version = before[0]?.claimVersion;
  return before
    .filter((r) => r.claimVersion === version)
    .map((r) => ({ name: r.reviewer.name, at: r.createdAt.toISOString() }))
    .reverse();
}

function snapshotClaim(claim: LiveClaim, position: number, section: string | null): SnapshotClaim {
  const verified = claim.statusChanges[0] ?? null;
  return {
    id: claim.id,
    position,
    section,
    statement: claim.statement,
    kind: claim.kind,
    status: claim.status,
    valueText: claimValueText(claim),
    value:
      claim.kind === "QUANTITY"
        ? {
            low: num(claim.valueLow), high: num(claim.valueHigh), best: num(claim.valueBest), unit: claim.unit, ratePeriod: claim.ratePeriod,
            asOf: day(claim.asOf), asOfPrecision: claim.asOfPrecision, periodStart: day(claim.periodStart), periodEnd: day(claim.periodEnd), periodText: claim.periodText,
          }
        : null,
    eventDate: day(claim.eventDate),
    eventDatePrecision: claim.eventDatePrecision,
    metric: claim.metric?.name ?? null,
    event: claim.event?.name ?? null,
    speaker: claim.speaker?.name ?? null,
    verification: {
      rule: claim.verificationRule,
      note: claim.verificationNote,
      verifiedBy: verified?.actor.name ?? null,
      verifiedAt: verified?.createdAt.toISOString() ?? null,
      approvedBy: approvalsBehind(claim, verified?.createdAt ?? null),
    },
    citations: claim.citations.map((c) => ({
      id: c.id,
      quote: c.quote,
      stance: c.stance,
      isPrimary: c.isPrimary,
      saidOn: day(c.saidOn),
      saidPrecision: c.saidPrecision,
      saidText: c.saidText,
      source: { ...c.source, publishedAt: day(c.source.publishedAt) },
      chain: c.chain.map((l) => ({ actor: l.actor.name, kind: l.actor.kind, relation: l.relation })),
    })),
  };
}

interface Draft {
  sheet: { id: string; slug: string; title: string; description: string | null; version: number };
  content: SnapshotContent;
  /** Each published claim's version and status, for the watches. */
  published: { claimId: string; position: number; claimVersion: number; status: LiveClaim["status"] }[];
  previous: { number: number; contentHash: string; content: SnapshotContent } | null;
}

/** Builds the next version of a sheet from live rows, without writing anything. */
async function draftVersion(tx: Tx | typeof db, sheetId: string, by: { name: string }, changeNote: string | null, now: Date): Promise<Draft | null> {
  const sheet = await tx.factSheet.findUnique({ where: { id: sheetId }, select: { id: true, slug: true, title: true, description: true, version: true } });
  if (!sheet) return null;
  const picked = await tx.factSheetClaim.findMany({ where: { factSheetId: sheetId }, orderBy: { position: "asc" }, take: MAX_SHEET_CLAIMS, select: { claimId: true, section: true } });
  const ids = picked.map((p) => p.claimId);
  // One after another: inside a transaction they share one connection.
  const live = await tx.claim.findMany({ where: { id: { in: ids } }, select: publishedClaimSelect });
  const conflicts = ids.length ? await openConflictCounts(tx, ids) : new Map<string, number>();
  const latest = await tx.factSheetSnapshot.findFirst({ where: { factSheetId: sheetId }, orderBy: { number: "desc" }, select: { number: true, contentHash: true, content: true } });
  const byId = new Map(live.map((c) => [c.id, c]));
  const rows = picked.flatMap((p) => {
    const claim = byId.get(p.claimId);
    return claim ? [{ ...p, claim, status: claim.status, openConflicts: conflicts.get(p.claimId) ?? 0 }] : [];
  });
  const { published, omitted } = splitPublishable(rows);
  const claims = published.map((r, i) => snapshotClaim(r.claim, i + 1, r.section));
  const content: SnapshotContent = {
    format: SNAPSHOT_FORMAT,
    sheetId: sheet.id,
    slug: sheet.slug,
    number: (latest?.number ?? 0) + 1,
    title: sheet.title,
    summary: sheet.description,
    publishedAt: now.toISOString(),
    publishedBy: by.name,
    changeNote,
    newsroom: newsroom(),
    claims,
    omitted: omitted.map((o) => ({ id: o.claim.claim.id, statement: o.claim.claim.statement, reasons: o.reasons.map((r) => describeReasons([r])) })),
  };
  return {
    sheet,
    content,
    published: published.map((r, i) => ({ claimId: r.claim.id, position: i + 1, claimVersion: r.claim.version, status: r.claim.status })),
    previous: latest ? { number: latest.number, contentHash: latest.contentHash, content: snapshotContentSchema.parse(latest.content) } : null,
  };
}

/** What a preview showed, as a hash: the publish is refused if the claims changed since (a status, an edit). */
const draftHash = (c: SnapshotContent) => sha256Hex(canonicalJson({ title: c.title, summary: c.summary, claims: c.claims, omitted: c.omitted }));

export interface PublicationPreview {
  title: string;
  sheetVersion: number;
  /** Passed back with the publish: it goes through only if the next version is still what was previewed. */
  draftHash: string;
  /** The number of the latest version (0 when none): passed back with the publish. */
  previousNumber: number;
  nextNumber: number;
  claimCount: number;
  omitted: SnapshotContent["omitted"];
  /** Against the latest version; null for a first publication. */
  diff: VersionDiff | null;
  titleChanged: boolean;
  summaryChanged: boolean;
}

/** What publishing now would freeze, and how it differs from the latest version: shown before a publish commits. */
export async function previewPublication(user: SessionUser, sheetId: string): Promise<PublicationPreview | null> {
  authorize(user, "factsheets:read");
  const draft = await draftVersion(db, sheetId, user, null, new Date());
  if (!draft) return null;
  const prev = draft.previous?.content;
  return {
    title: draft.sheet.title,
    sheetVersion: draft.sheet.version,
    draftHash: draftHash(draft.content),
    previousNumber: draft.previous?.number ?? 0,
    nextNumber: draft.content.number,
    claimCount: draft.content.claims.length,
    omitted: draft.content.omitted,
    diff: prev ? diffVersions(prev.claims, draft.content.claims) : null,
    titleChanged: Boolean(prev && prev.title !== draft.content.title),
    summaryChanged: Boolean(prev && prev.summary !== draft.content.summary),
  };
}

/** How a sheet's draft stands against its latest version, told from keys alone (the publish page builds the real diff). */
export interface DraftChanges {
  /** The latest version's number. */
  number: number;
  /** Publishable claims on the sheet that the version does not hold, and the version's claims no longer publishable or on the sheet. */
  added: number;
  removed: number;
  /** The publishable claims both hold are in another order. */
  reordered: boolean;
  /** The title, summary, sections, order or claims of the sheet were edited since the version. */
  sheetEdited: boolean;
}

/**
 * What changed since the sheet's latest version, without building the next one: the version's
 * published claims (fact_sheet_snapshot_claims' key) against the sheet's publishable claims in
 * order, and whether the audit log holds an edit of the sheet since (its (entity, time) index).
 * Edits of the published claims themselves are the watches' part (watchSheets). Null if never published.
 */
export async function draftChanges(
  user: SessionUser,
  sheet: { id: string; members: { id: string; reasons: readonly unknown[] }[]; snapshots: { id: string; number: number; publishedAt: Date }[] },
): Promise<DraftChanges | null> {
  authorize(user, "factsheets:read");
  const latest = sheet.snapshots[0];
  if (!latest) return null;
  const [published, edits] = await Promise.all([
    db.factSheetSnapshotClaim.findMany({ where: { snapshotId: latest.id }, orderBy: { position: "asc" }, select: { claimId: true } }),
    db.auditLog.findFirst({
      where: { entityType: "FactSheet", entityId: sheet.id, createdAt: { gt: latest.publishedAt }, action: { in: ["factsheet.update", "factsheet.arrange", "factsheet.claims.add"] } },
      select: { id: true },
    }),
  ]);
  const now = sheet.members.filter((c) => !c.reasons.length).map((c) => c.id);
  const was = published.map((p) => p.claimId);
  const inNow = new Set(now);
  const inWas = new Set(was);
  const keptNow = now.filter((id) => inWas.has(id));
  const keptWas = was.filter((id) => inNow.has(id));
  return {
    number: latest.number,
    added: now.length - keptNow.length,
    removed: was.length - keptWas.length,
    reordered: keptNow.some((id, i) => keptWas[i] !== id),
    sheetEdited: edits !== null,
  };
}

/**
 * Freezes the next numbered version of a sheet: its publishable claims with their evidence, as
 * they stand, chained by hash to the version before. The sheet row is locked for the whole
 * transaction, so two publishes of one sheet queue and neither reuses a number.
 */
export async function publishSheet(user: SessionUser, values: PublishSheetValues) {
  authorize(user, "factsheets:publish");
  return inTransaction(
    user,
    async (tx, audit) => {
      const locked = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM fact_sheets WHERE id = ${values.sheetId}::uuid FOR UPDATE`;
      if (!locked[0]) return refuse("This fact sheet does not exist.");
      if (locked[0].version !== values.version) return refuse(staleMessage("fact sheet"), { stale: true });
      const now = new Date();
      const draft = await draftVersion(tx, values.sheetId, user, values.changeNote ?? null, now);
      if (!draft) return refuse("This fact sheet does not exist.");
      const previousNumber = draft.previous?.number ?? 0;
      if (previousNumber !== values.previousNumber) {
        return refuse(`Version ${previousNumber} was published after you opened this page: look at the changes again before publishing.`, { stale: true });
      }
      if (draft.previous && (values.changeNote ?? "").length < MIN_CHANGE_NOTE) {
        const message = `Say what changed since version ${previousNumber} (at least ${MIN_CHANGE_NOTE} characters): readers see it as the correction note.`;
        return refuse(message, { fieldErrors: { changeNote: [message] } });
      }
      if (values.draftHash && values.draftHash !== draftHash(draft.content)) {
        return refuse("Claims on this sheet changed after you looked at the changes: read them again, then publish.", { stale: true });
      }
      if (!draft.content.claims.length) return refuse("No claim on this sheet can be published yet: verify at least one, with no open conflict.");
      const hash = contentHash(draft.content, draft.previous?.contentHash ?? null);
      const snapshot = await tx.factSheetSnapshot.create({
        data: {
          factSheetId: values.sheetId,
          number: draft.content.number,
          title: draft.content.title,
          content: draft.content as unknown as Prisma.InputJsonValue,
          contentHash: hash,
          previousHash: draft.previous?.contentHash ?? null,
          changeNote: draft.content.changeNote,
          publishedById: user.id,
          publishedAt: now,
        },
        select: { id: true, number: true },
      });
      await tx.factSheetSnapshotClaim.createMany({ data: draft.published.map((p) => ({ snapshotId: snapshot.id, ...p })) });
      await tx.factSheet.update({ where: { id: values.sheetId }, data: { status: "PUBLISHED" } });
      audit({
        action: "factsheet.publish",
        entityType: "FactSheet",
        entityId: values.sheetId,
        after: { snapshotId: snapshot.id, number: snapshot.number, contentHash: hash, claims: draft.content.claims.length, omitted: draft.content.omitted.length, changeNote: draft.content.changeNote },
      });
      return ok({ number: snapshot.number, contentHash: hash, omitted: draft.content.omitted.length });
    },
    { timeout: 30_000 },
  );
}

/** One version of a sheet as it was published, with its hash chain link, or null. */
export async function getVersion(user: SessionUser, sheetId: string, number: number) {
  authorize(user, "factsheets:read");
  return readVersion({ factSheetId: sheetId, number });
}

/** A version by sheet and number (for pages and exports) without a role check: callers check first. */
export async function readVersion(where: { factSheetId: string; number?: number }) {
  const row = await db.factSheetSnapshot.findFirst({
    where,
    orderBy: { number: "desc" },
    select: { id: true, factSheetId: true, number: true, contentHash: true, previousHash: true, changeNote: true, publishedAt: true, content: true },
  });
  if (!row) return null;
  const { content, ...rest } = row;
  return { ...rest, content: snapshotContentSchema.parse(content) };
}

export type PublishedVersion = NonNullable<Awaited<ReturnType<typeof readVersion>>>;

/** The differences between a version and the one before it (null for version 1). */
export async function versionDiff(version: PublishedVersion): Promise<VersionDiff | null> {
  if (version.number === 1) return null;
  const previous = await readVersion({ factSheetId: version.factSheetId, number: version.number - 1 });
  return previous ? diffVersions(previous.content.claims, version.content.claims) : null;
}
