import "server-only";
import { displayName, nameKey } from "@/lib/name-keys";
import { escapeLike, searchText } from "@/lib/search";
import type { ActorKind, Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import type { AuditEntry } from "./mutations";

type Tx = Prisma.TransactionClient;

export const ACTOR_SUGGESTIONS = 10;

/**
 * The actor with this name however it is typed ("igor  korotchenko" is Igor Korotchenko), or a
 * new one. An actor recorded with an unknown kind takes the first definite kind given for it.
 */
export async function findOrCreateActor(tx: Tx, audit: (e: AuditEntry) => void, name: string, kind: ActorKind) {
  const key = nameKey(name);
  const select = { id: true, name: true, kind: true, version: true } as const;
  // ON CONFLICT DO NOTHING: two editors naming the same new actor at once both end up with one row.
  const [created] = await tx.actor.createManyAndReturn({ data: [{ name: displayName(name), nameKey: key, kind }], skipDuplicates: true, select });
  if (created) {
    audit({ action: "actor.create", entityType: "Actor", entityId: created.id, after: created });
    return created;
  }
  const existing = await tx.actor.findUniqueOrThrow({ where: { nameKey: key }, select });
  if (existing.kind !== "UNKNOWN" || kind === "UNKNOWN") return existing;
  const updated = await tx.actor.update({ where: { id: existing.id }, data: { kind, version: { increment: 1 } }, select });
  audit({ action: "actor.update", entityType: "Actor", entityId: existing.id, before: existing, after: updated });
  return updated;
}

/** Actors whose name contains what was typed, for suggestions; capped. */
export async function searchActors(user: SessionUser, q: string) {
  authorize(user, "claims:read");
  const typed = searchText(q);
  if (!typed) return [];
  return db.actor.findMany({
    where: { name: { contains: escapeLike(typed), mode: "insensitive" } },
    orderBy: { name: "asc" },
    take: ACTOR_SUGGESTIONS,
    select: { id: true, name: true, kind: true },
  });
}
