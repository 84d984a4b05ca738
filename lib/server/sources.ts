import "server-only";
import { createHash } from "node:crypto";
import { reanchor, type Reanchoring } from "@/lib/anchoring";
import { closestPassage, type ClosestPassage } from "@/lib/quote-match";
import { decodeCursor, encodeCursor, keysetPage } from "@/lib/pagination";
import { dateToDay, dayToDate } from "@/lib/values";
import type { EditSourceValues, SourceValues } from "@/lib/schemas/source";
import { escapeLike, searchText } from "@/lib/search";
import { Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { changesSince } from "./changes";
import { SOURCE_BASIS_FIELDS, changedFields } from "@/lib/basis";
import { reviseClaims } from "./claim-revision";
import { db } from "./db";
import { detectConflicts } from "./conflicts/detect-on-save";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type AuditEntry } from "./mutations";

type Tx = Prisma.TransactionClient;

/** Citations and notes a source page shows at most; a source cited more often than this is paged by claim. */
export const SOURCE_PAGE_CAP = 500;
export const SOURCE_CHOICES = 20;

function columns(v: SourceValues) {
  return {
    title: v.title,
    outlet: v.outlet ?? null,
    url: v.url ?? null,
    kind: v.kind,
    publishedAt: dayToDate(v.publishedAt),
    publishedPrecision: v.publishedAt ? (v.publishedPrecision ?? null) : null,
    publishedApprox: v.publishedAt ? v.publishedApprox : false,
    language: v.language ?? null,
    fullText: v.fullText ?? null,
    notes: v.notes ?? null,
  };
}

const editable = {
  title: true, outlet: true, url: true, kind: true, publishedAt: true, publishedPrecision: true, publishedApprox: true,
  language: true, fullText: true, notes: true, version: true,
} as const;

/** The text is kept in the row; the audit log records its length and digest, not a second copy. */
export function describeText(text: string | null): string | null {
  if (text === null) return null;
  return `${text.length.toLocaleString("en-GB")} characters, sha256 ${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
}

const snapshot = (s: Prisma.SourceGetPayload<{ select: typeof editable }>) => ({
  ...s,
  publishedAt: dateToDay(s.publishedAt),
  fullText: describeText(s.fullText),
});

/** The sources list's order: published date, newest first, undated last (sources_published_order_idx). */
const PUBLISHED_ORDER = Prisma.sql`COALESCE(published_at, DATE '0001-01-01')`;

/** `?q=` matches title or outlet, case-insensitively; latest published first, one keyset page. */
export async function listSources(user: SessionUser, options: { limit: number; cursor?: string; q?: string }) {
  authorize(user, "sources:read");
  const after = decodeCursor(options.cursor);
  const q = searchText(options.q);
  const where: Prisma.Sql[] = [];
  if (after) where.push(Prisma.sql`(${PUBLISHED_ORDER}, id) < (${after.createdAt.toISOString().slice(0, 10)}::date, ${after.id}::uuid)`);
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    where.push(Prisma.sql`(title ILIKE ${pattern} OR outlet ILIKE ${pattern})`);
  }
  const rows = await db.$queryRaw<
    {
      id: string; title: string; outlet: string | null; url: string | null; kind: SourceValues["kind"]; publishedAt: Date | null;
      publishedPrecision: "DAY" | "MONTH" | "YEAR" | null; publishedApprox: boolean; hasText: boolean; createdAt: Date;
    }[]
  >`
    SELECT id, title, outlet, url, kind::text AS kind, published_at AS "publishedAt", published_precision::text AS "publishedPrecision",
           published_approx AS "publishedApprox", full_text IS NOT NULL AS "hasText", created_at AS "createdAt"
    FROM sources ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY ${PUBLISHED_ORDER} DESC, id DESC LIMIT ${options.limit + 1}`;
  const { page, nextCursor } = keysetPage(rows, options.limit, (last) => encodeCursor({ createdAt: last.publishedAt ?? new Date("0001-01-01T00:00:00Z"), id: last.id }));
  const counts = page.length
    ? await db.citation.groupBy({ by: ["sourceId"], where: { sourceId: { in: page.map((s) => s.id) } }, _count: { _all: true } })
    : [];
  const citationCount = new Map(counts.map((c) => [c.sourceId, c._count._all]));
  return {
    items: page.map((s) => ({ ...s, citationCount: citationCount.get(s.id) ?? 0 })),
    nextCursor,
  };
}

/** Sources to pick from by title or outlet, newest first; capped. */
export async function searchSourceChoices(user: SessionUser, q: string) {
  authorize(user, "sources:read");
  const typed = searchText(q);
  const pattern = `%${escapeLike(typed)}%`;
  return db.$queryRaw<{ id: string; title: string; outlet: string | null; hasText: boolean }[]>`
    SELECT id, title, outlet, full_text IS NOT NULL AS "hasText" FROM sources
    ${typed ? Prisma.sql`WHERE title ILIKE ${pattern} OR outlet ILIKE ${pattern}` : Prisma.empty}
    ORDER BY created_at DESC, id DESC LIMIT ${SOURCE_CHOICES}`;
}

/** One source with the claims citing it and the notes on its passages, or null. */
/**
 * When a quote is not in a source's stored text word for word: the passage closest to it, with
 * what differs (lib/quote-match.ts), or null (no text, or nothing close).
 */
export async function closestPassageInSource(user: SessionUser, sourceId: string, quote: string): Promise<ClosestPassage | null> {
  authorize(user, "sources:read");
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { fullText: true } });
  return source?.fullText ? closestPassage(source.fullText, quote) : null;
}

export async function getSource(user: SessionUser, id: string) {
  authorize(user, "sources:read");
  return db.source.findUnique({
    where: { id },
    include: {
      createdBy: { select: { name: true } },
      citations: {
        orderBy: [{ startOffset: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        take: SOURCE_PAGE_CAP,
        select: {
          id: true, quote: true, startOffset: true, endOffset: true, stance: true, isPrimary: true, saidText: true,
          claim: { select: { id: true, statement: true, status: true } },
        },
      },
      passageNotes: {
        where: { deletedAt: null },
        orderBy: [{ startOffset: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        take: SOURCE_PAGE_CAP,
        select: { id: true, body: true, quote: true, startOffset: true, endOffset: true, version: true, authorId: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
}

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;

export async function createSource(user: SessionUser, values: SourceValues, tx?: Tx) {
  authorize(user, "sources:write");
  return inTransaction(user, async (tx, audit) => {
    const source = await tx.source.create({ data: { ...columns(values), createdById: user.id }, select: { id: true, ...editable } });
    const { id, ...rest } = source;
    audit({ action: "source.create", entityType: "Source", entityId: id, after: snapshot(rest) });
    return ok({ id });
  }, { tx });
}

export interface Reanchored {
  type: "Citation" | "Annotation";
  id: string;
  quote: string;
  outcome: Exclude<Reanchoring, "kept">;
}

/** After the text changed: every quoted passage found again (first occurrence) or its offsets cleared, each on the record. */
async function reanchorPassages(tx: Tx, audit: (e: AuditEntry) => void, sourceId: string, text: string | null): Promise<Reanchored[]> {
  const select = { id: true, quote: true, startOffset: true, endOffset: true } as const;
  const citations = await tx.citation.findMany({ where: { sourceId }, select });
  const notes = await tx.note.findMany({ where: { sourceId, deletedAt: null, quote: { not: null } }, select });
  const changed: Reanchored[] = [];
  for (const [type, rows] of [["Citation", citations], ["Annotation", notes]] as const) {
    for (const row of rows) {
      const quote = row.quote ?? "";
      const next = reanchor(text, { quote, startOffset: row.startOffset, endOffset: row.endOffset });
      if (next.outcome === "kept") continue;
      const data = { startOffset: next.startOffset, endOffset: next.endOffset };
      if (type === "Citation") await tx.citation.update({ where: { id: row.id }, data });
      else await tx.note.update({ where: { id: row.id }, data });
      audit({
        action: `${type.toLowerCase()}.reanchor`,
        entityType: type,
        entityId: row.id,
        before: { startOffset: row.startOffset, endOffset: row.endOffset },
        after: { ...data, outcome: next.outcome },
      });
      changed.push({ type, id: row.id, quote, outcome: next.outcome });
    }
  }
  return changed;
}

export async function updateSource(user: SessionUser, values: EditSourceValues, tx?: Tx) {
  authorize(user, "sources:write");
  return inTransaction(user, async (tx, audit) => {
    const current = await tx.source.findUnique({ where: { id: values.id }, select: editable });
    if (!current) return refuse("This source does not exist.");
    const stale = async () => refuse(staleMessage("source"), { stale: true, changes: await changesSince(tx, "Source", values.id, values.version) });
    if (current.version !== values.version) return stale();
    const data = columns(values);
    const updated = await tx.source.updateMany({ where: { id: values.id, version: values.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) return stale();
    const passages = current.fullText === data.fullText ? [] : await reanchorPassages(tx, audit, values.id, data.fullText);
    const after = await tx.source.findUniqueOrThrow({ where: { id: values.id }, select: editable });
    if (current.publishedAt?.getTime() !== after.publishedAt?.getTime() || current.publishedPrecision !== after.publishedPrecision) {
      // "Monday" is read against the publication date: statements this source dates are compared again.
      const statements = await tx.claim.findMany({ where: { kind: "ATTRIBUTED_STATEMENT", citations: { some: { sourceId: values.id } } }, select: { id: true } });
      await detectConflicts(tx, statements.map((c) => c.id), user.id, audit);
    }
    // The claims citing this source rest on its address and text: a change there needs them reviewed again.
    const changed = changedFields(current, after, SOURCE_BASIS_FIELDS);
    if (changed.length) {
      const citing = await tx.citation.findMany({ where: { sourceId: values.id }, distinct: ["claimId"], select: { claimId: true } });
      await reviseClaims(tx, user.id, citing.map((c) => c.claimId), { type: "source.edit", changed }, "A source it cites changed its address or text: back to review.", audit);
    }
    audit({ action: "source.update", entityType: "Source", entityId: values.id, before: snapshot(current), after: snapshot(after) });
    return ok({ id: values.id, version: after.version, passages });
  }, { tx });
}
