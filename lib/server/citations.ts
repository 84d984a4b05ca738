import "server-only";
import { anchorQuote } from "@/lib/anchoring";
import type { CitationValues, DeleteCitationValues, EditCitationValues } from "@/lib/schemas/citation";
import { dateToDay, dayToDate } from "@/lib/values";
import { escapeLike, searchText } from "@/lib/search";
import type { Prisma } from "@/prisma/client";
import { findOrCreateActor } from "./actors";
import { authorize, type SessionUser } from "./authorize";
import { CITATION_BASIS_FIELDS, changedFields, type ClaimEvent } from "@/lib/basis";
import { lockClaims, refusalToRevise, reviseClaim, staleClaim } from "./claim-revision";
import { detectConflicts } from "./conflicts/detect-on-save";
import { db } from "./db";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction, type AuditEntry } from "./mutations";

type Tx = Prisma.TransactionClient;
type Audit = (e: AuditEntry) => void;

export const CLAIM_CHOICES = 20;
const REOPEN_REASON = "Its evidence changed after it was decided: back to review.";

const citationSelect = {
  id: true, claimId: true, sourceId: true, quote: true, startOffset: true, endOffset: true, stance: true, isPrimary: true,
  saidOn: true, saidPrecision: true, saidText: true, note: true, version: true,
  source: { select: { title: true } },
  chain: { orderBy: { position: "asc" }, select: { relation: true, actor: { select: { id: true, name: true, kind: true } } } },
} as const;

type CitationRow = Prisma.CitationGetPayload<{ select: typeof citationSelect }>;

/** The citation as the audit log keeps it: the chain by name, origin first. */
const snapshot = ({ source, chain, saidOn, ...rest }: CitationRow) => ({
  ...rest,
  sourceTitle: source.title,
  saidOn: dateToDay(saidOn),
  chain: chain.map((l) => ({ actorId: l.actor.id, actor: l.actor.name, kind: l.actor.kind, relation: l.relation })),
});

/**
 * Claims to cite or to add to a fact sheet, by words of their statement, newest first; retracted
 * claims cannot take citations. Capped. `notOnSheet` leaves out the claims already on that sheet in
 * the query, so the capped list is full of claims that can still be added.
 */
export async function searchClaimsToCite(user: SessionUser, q: string, options: { notOnSheet?: string } = {}) {
  authorize(user, "claims:read");
  const typed = searchText(q);
  return db.claim.findMany({
    where: {
      status: { not: "RETRACTED" },
      ...(typed ? { statement: { contains: escapeLike(typed), mode: "insensitive" as const } } : {}),
      ...(options.notOnSheet ? { factSheets: { none: { factSheetId: options.notOnSheet } } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CLAIM_CHOICES,
    select: { id: true, statement: true, status: true, version: true },
  });
}

/** The source, and the quote's place in its text: refusals land on the field to fix. */
async function placeQuote(tx: Tx, v: CitationValues) {
  const source = await tx.source.findUnique({ where: { id: v.sourceId }, select: { id: true, fullText: true } });
  if (!source) return refuse("That source no longer exists.", { fieldErrors: { sourceId: ["Choose a source from the list."] } });
  const anchor = anchorQuote(source.fullText, v.quote, v.startOffset, v.endOffset);
  if (!anchor.ok) return refuse(anchor.message, { fieldErrors: { quote: [anchor.message] } });
  return ok({ startOffset: anchor.startOffset, endOffset: anchor.endOffset });
}

async function chainLinks(tx: Tx, audit: Audit, chain: CitationValues["chain"]) {
  const links: { position: number; actorId: string; relation: string | null }[] = [];
  for (const [position, link] of chain.entries()) {
    const found = await findOrCreateActor(tx, audit, link.actorName, link.actorKind);
    links.push({ position, actorId: found.id, relation: link.relation ?? null });
  }
  return links;
}

const columns = (v: CitationValues, at: { startOffset: number | null; endOffset: number | null }) => ({
  sourceId: v.sourceId,
  quote: v.quote,
  ...at,
  stance: v.stance,
  isPrimary: v.isPrimary,
  saidOn: dayToDate(v.saidOn),
  saidPrecision: v.saidOn ? (v.saidPrecision ?? null) : null,
  saidText: v.saidText ?? null,
  note: v.note ?? null,
});

/** The claim this citation changes, checked and bumped: its evidence is different now, so its version moves. */
async function reviseEvidence(tx: Tx, user: SessionUser, audit: Audit, claimId: string, claimVersion: number, evidence: string, event: ClaimEvent) {
  await lockClaims(tx, [claimId]);
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, status: true, version: true } });
  if (!claim) return refuse("This claim does not exist.", { fieldErrors: { claimId: ["Choose a claim from the list."] } });
  const refusal = await refusalToRevise(tx, claimId, claim, claimVersion);
  if (refusal) return refusal;
  const revised = await reviseClaim(tx, user.id, claim, claimVersion, {}, event, REOPEN_REASON);
  if (!revised) return staleClaim(tx, claimId, claimVersion);
  audit({
    action: "claim.evidence.change",
    entityType: "Claim",
    entityId: claimId,
    before: { status: claim.status, version: claimVersion, evidence: null },
    after: { status: revised.status, version: revised.version, evidence },
  });
  return ok(revised);
}

export async function createCitation(user: SessionUser, values: CitationValues, tx?: Tx) {
  authorize(user, "claims:write");
  return inTransaction(user, async (tx, audit) => {
    const revised = await reviseEvidence(tx, user, audit, values.claimId, values.claimVersion, `Cited: “${values.quote.slice(0, 80)}”`, { type: "citation.create" });
    if (!revised.ok) return revised;
    const placed = await placeQuote(tx, values);
    if (!placed.ok) return placed;
    const links = await chainLinks(tx, audit, values.chain);
    const citation = await tx.citation.create({
      data: { ...columns(values, placed.value), claimId: values.claimId, createdById: user.id, chain: { create: links } },
      select: citationSelect,
    });
    audit({ action: "citation.create", entityType: "Citation", entityId: citation.id, after: snapshot(citation) });
    await detectConflicts(tx, [values.claimId], user.id, audit);
    return ok({ id: citation.id, claimId: values.claimId, sourceId: values.sourceId, claimVersion: revised.value.version });
  }, { tx });
}

export async function updateCitation(user: SessionUser, values: EditCitationValues, tx?: Tx) {
  authorize(user, "claims:write");
  return inTransaction(user, async (tx, audit) => {
    const current = await tx.citation.findUnique({ where: { id: values.id }, select: citationSelect });
    if (!current) return refuse("This citation no longer exists.");
    if (current.claimId !== values.claimId) return refuse("A citation stays with its claim: cite the source again on the other claim.");
    const placed = await placeQuote(tx, values);
    if (!placed.ok) return placed;
    const links = await chainLinks(tx, audit, values.chain);
    const chainOf = (l: readonly { actorId: string; relation: string | null }[]) => l.map((x) => `${x.actorId}|${x.relation ?? ""}`);
    const changed = changedFields(
      { ...current, saidOn: dateToDay(current.saidOn), chain: chainOf(current.chain.map((l) => ({ actorId: l.actor.id, relation: l.relation }))) },
      { ...columns(values, placed.value), saidOn: values.saidOn ?? null, chain: chainOf(links) },
      CITATION_BASIS_FIELDS,
    );
    const revised = await reviseEvidence(tx, user, audit, values.claimId, values.claimVersion, `Citation edited: “${values.quote.slice(0, 80)}”`, { type: "citation.edit", changed });
    if (!revised.ok) return revised;
    await tx.attributionLink.deleteMany({ where: { citationId: values.id } });
    const citation = await tx.citation.update({
      where: { id: values.id },
      data: { ...columns(values, placed.value), version: { increment: 1 }, chain: { create: links } },
      select: citationSelect,
    });
    audit({ action: "citation.update", entityType: "Citation", entityId: values.id, before: snapshot(current), after: snapshot(citation) });
    await detectConflicts(tx, [values.claimId], user.id, audit);
    return ok({ id: values.id, claimId: values.claimId, sourceId: values.sourceId, previousSourceId: current.sourceId, claimVersion: revised.value.version });
  }, { tx });
}

export async function deleteCitation(user: SessionUser, values: DeleteCitationValues, tx?: Tx) {
  authorize(user, "claims:write");
  return inTransaction(user, async (tx, audit) => {
    const current = await tx.citation.findUnique({ where: { id: values.id }, select: citationSelect });
    if (!current) return refuse("This citation no longer exists.");
    const revised = await reviseEvidence(tx, user, audit, current.claimId, values.claimVersion, `Citation removed: “${current.quote.slice(0, 80)}”`, { type: "citation.delete" });
    if (!revised.ok) return revised;
    await tx.citation.delete({ where: { id: values.id } });
    audit({ action: "citation.delete", entityType: "Citation", entityId: values.id, before: snapshot(current) });
    await detectConflicts(tx, [current.claimId], user.id, audit);
    return ok({ id: values.id, claimId: current.claimId, sourceId: current.sourceId, claimVersion: revised.value.version });
  }, { tx });
}
