// Keyset pagination: a page starts after the last row of the previous one, never at an offset,
// so page 500 costs what page 1 costs.
import { z } from "zod";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString("base64url");
}

const cursorShape = z.tuple([z.iso.datetime().refine((d) => !d.startsWith("0000")), z.uuid()]);

/** Undefined for a cursor that is missing or not one of ours. */
export function decodeCursor(raw: string | null | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return undefined;
    return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
  } catch {
    return undefined;
  }
}

export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .max(500, "cursor is not valid: use nextCursor from a previous page.")
    .optional()
    .refine((c) => c === undefined || decodeCursor(c) !== undefined, "cursor is not valid: use nextCursor from a previous page."),
});

/** For lists in name order (metrics, events): the last name and id of the previous page. */
export interface NameCursor {
  name: string;
  id: string;
}

export function encodeNameCursor(c: NameCursor): string {
  return Buffer.from(JSON.stringify([c.name, c.id])).toString("base64url");
}

const nameCursorShape = z.tuple([z.string().min(1).max(200), z.uuid()]);

export function decodeNameCursor(raw: string | null | undefined): NameCursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = nameCursorShape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? { name: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** `?q=…&limit=…&cursor=…` of a list in name order; a broken cursor starts from the top. */
export const namePageQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : undefined), z.string().max(200).optional()),
  limit: pageQuerySchema.shape.limit,
  cursor: z.preprocess((v) => (typeof v === "string" && v.length <= 500 && decodeNameCursor(v) ? v : undefined), z.string().max(500).optional()),
});

/**
 * The one end of every keyset list verb: it fetched `limit + 1` rows; the first `limit` are the
 * page, and the extra row only says there is a next page, which starts after the page's last row.
 */
export function keysetPage<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
