// Rows with unique names (metrics, events): a duplicate refused by the index, and name-order keyset paging.
import "server-only";
import type { NameCursor } from "@/lib/pagination";

/** True when PostgreSQL refused a duplicate on a unique index (Prisma's P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** Rows after `cursor` in (name, id) order: the keyset condition of a list in name order. */
export function nameAfter(cursor: NameCursor) {
  return { OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] };
}
