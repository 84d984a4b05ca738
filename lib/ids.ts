/** A UUID as PostgreSQL stores it; anything else in a URL is a 404, not a database error. */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/**
 * A new row id, as Prisma's `@default(uuid(7))` makes one (time-ordered, so ids made later sort
 * later): for rows written by raw SQL, which Prisma's defaults never reach.
 */
export { v7 as newId } from "uuid";
