import "server-only";
import { nearDuplicateTerms } from "@/lib/actor-names";
import { displayName, nameKey } from "@/lib/name-keys";
import { escapeLike, searchText } from "@/lib/search";
import type { MergeActorsValues } from "@/lib/schemas/actor";
import type { ActorKind, Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { reviseClaims } from "./claim-revision";
import { db } from "./db";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction, type AuditEntry } from "./mutations";

type Tx = Prisma.TransactionClient;

export const ACTOR_SUGGESTIONS = 10;

/**
 * The actor with this name however it is typed ("igor  korotchenko" is Igor Korotchenko), or a
 * new one. An actor recorded with an unknown kind takes the first definite kind given for it.
 */
export async function findOrCreateActor(tx: Tx, audit: (e: AuditEntry) => void, name: string, kind: ActorKind) {
  const key = nameKey(name);
  const select = { id: true, name: true, kind: true, version: true, aliasOf: { select: { id: true, name: true, kind: true, version: true } } } as const;
  // ON CONFLICT DO NOTHING: two editors naming the same new actor at once both end up with one row.
  const [created] = await tx.actor.createManyAndReturn({ data: [{ name: displayName(name), nameKey: key, kind }], skipDuplicates: true, select });
  if (created) {
    const { aliasOf: _, ...row } = created;
    audit({ action: "actor.create", entityType: "Actor", entityId: created.id, after: row });
    return row;
  }
  const found = await tx.actor.findUniqueOrThrow({ where: { nameKey: key }, select });
  // An alias ("MoD") is its actor ("Ministry of Defence"): a chain typed with it starts at the same origin.
  const { aliasOf, ...named } = found;
  const existing = aliasOf ?? named;
  if (existing.kind !== "UNKNOWN" || kind === "UNKNOWN") return existing;
  const updated = await tx.actor.update({ where: { id: existing.id }, data: { kind, version: { increment: 1 } }, select: { id: true, name: true, kind: true, version: true } });
  audit({ action: "actor.update", entityType: "Actor", entityId: existing.id, before: existing, after: updated });
  return updated;
}

/**
 * Actors to suggest for what was typed: names containing it, and the near-duplicates the chain
 * editor warns about (lib/actor-names.ts: names containing its short form, its name without the
 * short form, or its initials). Capped.
 */
export async function searchActors(user: SessionUser, q: string) {
  authorize(user, "claims:read");
  const typed = searchText(q);
  if (!typed) return [];
  const terms = [typed, ...nearDuplicateTerms(typed)].map((t) => ({ name: { contains: escapeLike(t), mode: "insensitive" as const } }));
  return db.actor.findMany({
    where: { OR: terms, aliasOfId: null },
    orderBy: { name: "asc" },
    take: ACTOR_SUGGESTIONS,
    select: { id: true, name: true, kind: true },
  });
}

/** For the admin's actors page: actors whose name contains `q` (or the first ones by name), with their aliases; capped. */
export async function listActors(user: SessionUser, q: string, limit = 50) {
  authorize(user, "actors:merge");
  const typed = searchText(q);
  return db.actor.findMany({
    where: { aliasOfId: null, ...(typed ? { name: { contains: escapeLike(typed), mode: "insensitive" as const } } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true, kind: true, aliases: { select: { id: true, name: true }, orderBy: { name: "asc" }, take: 20 }, _count: { select: { links: true } } },
  });
}
export type ActorRow = Awaited<ReturnType<typeof listActors>>[number];

/**
 * An admin says two actors are one ("MoD" is the "Ministry of Defence"): the alias keeps its name
 * (so typing it again finds the actor) but every chain and statement now names the actor kept, so
 * origins cannot be typed into existence. The claims whose chains changed are reviewed again.
 */
export async function mergeActors(user: SessionUser, input: MergeActorsValues, tx?: Tx) {
  authorize(user, "actors:merge");
  return inTransaction(user, async (tx, audit) => {
    const rows = await tx.$queryRaw<{ id: string; name: string; alias_of_id: string | null }[]>`
      SELECT id::text, name, alias_of_id::text FROM actors WHERE id IN (${input.aliasId}::uuid, ${input.canonicalId}::uuid) ORDER BY id FOR UPDATE`;
    const alias = rows.find((r) => r.id === input.aliasId);
    const canonical = rows.find((r) => r.id === input.canonicalId);
    if (!alias) return refuse("That actor no longer exists.", { fieldErrors: { aliasId: ["Choose an actor from the list."] } });
    if (!canonical) return refuse("The actor to keep no longer exists.", { fieldErrors: { canonicalId: ["Choose an actor from the list."] } });
    if (alias.alias_of_id) return refuse(`“${alias.name}” is already another name of an actor.`, { fieldErrors: { aliasId: ["Choose an actor that is not an alias."] } });
    if (canonical.alias_of_id) return refuse(`“${canonical.name}” is itself an alias: keep the actor it names.`, { fieldErrors: { canonicalId: ["Choose an actor that is not an alias."] } });
    const affected = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT c.claim_id::text AS id FROM attribution_links l JOIN citations c ON c.id = l.citation_id WHERE l.actor_id = ${alias.id}::uuid
      UNION SELECT id::text FROM claims WHERE speaker_id = ${alias.id}::uuid`;
    const links = await tx.attributionLink.updateMany({ where: { actorId: alias.id }, data: { actorId: canonical.id } });
    await tx.claim.updateMany({ where: { speakerId: alias.id }, data: { speakerId: canonical.id } });
    await tx.actor.updateMany({ where: { aliasOfId: alias.id }, data: { aliasOfId: canonical.id, version: { increment: 1 } } });
    await tx.actor.update({ where: { id: alias.id }, data: { aliasOfId: canonical.id, version: { increment: 1 } } });
    const revised = await reviseClaims(tx, user.id, affected.map((a) => a.id), { type: "actor.alias" }, `“${alias.name}” was merged into “${canonical.name}”: its chains changed, back to review.`, audit);
    audit({
      action: "actor.merge",
      entityType: "Actor",
      entityId: alias.id,
      before: { name: alias.name, aliasOfId: null },
      after: { aliasOfId: canonical.id, aliasOf: canonical.name, reason: input.reason, linksMoved: links.count, claimsRevised: revised.map((r) => r.id) },
    });
    return ok({ linksMoved: links.count, claimsRevised: revised.length });
  }, { tx });
}
