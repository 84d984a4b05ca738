import "server-only";
import { decodeNameCursor, encodeNameCursor, keysetPage } from "@/lib/pagination";
import type { EventValues, RenameEventValues } from "@/lib/schemas/event";
import type { Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { claimWithSourcesSelect } from "./claim-sources";
import { db } from "./db";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction } from "./mutations";
import { isUniqueViolation, nameAfter } from "./named-rows";

type Tx = Prisma.TransactionClient;

/** At most this many claims on an event's page, earliest date first. */
export const EVENT_CLAIMS_CAP = 500;

/** One keyset page of events in name order, with how many claims each has (counted for this page only). */
export async function listEvents(user: SessionUser, options: { q?: string; limit: number; cursor?: string }) {
  authorize(user, "claims:read");
  const after = decodeNameCursor(options.cursor);
  const rows = await db.event.findMany({
    where: { AND: [options.q ? { name: { contains: options.q, mode: "insensitive" } } : {}, after ? nameAfter(after) : {}] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: options.limit + 1,
    select: { id: true, name: true, description: true },
  });
  const { page, nextCursor } = keysetPage(rows, options.limit, encodeNameCursor);
  const counts = page.length
    ? await db.claim.groupBy({ by: ["eventId"], where: { eventId: { in: page.map((e) => e.id) } }, _count: { _all: true } })
    : [];
  const byEvent = new Map(counts.map((c) => [c.eventId, c._count._all]));
  return {
    items: page.map((e) => ({ ...e, claimCount: byEvent.get(e.id) ?? 0 })),
    nextCursor,
  };
}

/** For the picker: events whose name contains `q`, by name, at most 20. */
export async function searchEvents(user: SessionUser, q: string, limit = 10) {
  authorize(user, "claims:read");
  return db.event.findMany({
    where: q ? { name: { contains: q, mode: "insensitive" } } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 20),
    select: { id: true, name: true, version: true },
  });
}

export type EventChoice = Awaited<ReturnType<typeof searchEvents>>[number];

/** An event's own fields and how many claims are about it, or null. */
export async function findEvent(user: SessionUser, id: string) {
  authorize(user, "claims:read");
  const event = await db.event.findUnique({
    where: { id },
    select: { id: true, name: true, description: true, version: true, createdAt: true, createdBy: { select: { name: true } }, _count: { select: { claims: true } } },
  });
  if (!event) return null;
  const { _count, ...rest } = event;
  return { ...rest, claimCount: _count.claims };
}

/** An event with the claims about it (up to the cap), earliest date first, or null. */
export async function getEvent(user: SessionUser, id: string) {
  const event = await findEvent(user, id);
  if (!event) return null;
  const claims = await db.claim.findMany({
    where: { eventId: id },
    // The (event_id, event_date) index serves this; claims without a date come last.
    orderBy: [{ eventDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: EVENT_CLAIMS_CAP,
    select: claimWithSourcesSelect,
  });
  return { ...event, claims };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

const NAME_TAKEN = "An event with that name exists.";
const nameTaken = () => refuse(NAME_TAKEN, { fieldErrors: { name: [NAME_TAKEN] } });

async function nameInUse(tx: Tx, name: string, exceptId?: string) {
  const found = await tx.event.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return found !== null;
}

const snapshotSelect = { id: true, name: true, description: true, version: true } as const;

export async function createEvent(user: SessionUser, values: EventValues, tx?: Tx) {
  authorize(user, "events:write");
  return inTransaction(user, async (tx, audit) => {
    if (await nameInUse(tx, values.name)) return nameTaken();
    try {
      const event = await tx.event.create({ data: { name: values.name, description: values.description ?? null, createdById: user.id }, select: snapshotSelect });
      audit({ action: "event.create", entityType: "Event", entityId: event.id, after: event });
      return ok({ id: event.id });
    } catch (e) {
      if (isUniqueViolation(e)) return nameTaken();
      throw e;
    }
  }, { tx });
}

export async function renameEvent(user: SessionUser, values: RenameEventValues, tx?: Tx) {
  authorize(user, "events:write");
  return inTransaction(user, async (tx, audit) => {
    const before = await tx.event.findUnique({ where: { id: values.id }, select: snapshotSelect });
    if (!before) return refuse("This event does not exist.");
    if (before.version !== values.version) return refuse(staleMessage("event"), { stale: true });
    if (await nameInUse(tx, values.name, values.id)) return nameTaken();
    try {
      const updated = await tx.event.updateMany({
        where: { id: values.id, version: values.version },
        data: { name: values.name, description: values.description ?? null, version: { increment: 1 } },
      });
      if (updated.count === 0) return refuse(staleMessage("event"), { stale: true });
    } catch (e) {
      if (isUniqueViolation(e)) return nameTaken();
      throw e;
    }
    const after = await tx.event.findUniqueOrThrow({ where: { id: values.id }, select: snapshotSelect });
    audit({ action: "event.update", entityType: "Event", entityId: values.id, before, after });
    return ok({ id: values.id, version: after.version });
  }, { tx });
}
