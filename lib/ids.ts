/** A UUID as PostgreSQL stores it; anything else in a URL is a 404, not a database error. */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/**
 * A new row id, as Prisma's `@default(uuid(7))` makes one (time-ordered, so ids made later sort
 * later): for rows written by raw SQL, which Prisma's defaults never reach. Such rows take their
 * times from the app's clock too (a `new Date()` passed in), as Prisma stamps its own, not from
 * PostgreSQL's `now()`, the transaction's start: a row written after one Prisma wrote in the same
 * transaction must not look older (a conflict's latest decision is chosen by time).
 */
export { v7 as newId } from "uuid";
