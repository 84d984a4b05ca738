// Name searches run as ILIKE '%' || q || '%'; Prisma's `contains` passes % and _ through as
// wildcards, so what an editor types is escaped to match literally.

/** "100%" → "100\%": the text matched literally by LIKE (backslash is PostgreSQL's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What a search box sent, tidied: trimmed, inner runs of spaces made one, capped. */
export function searchText(q: string | null | undefined, max = 200): string {
  return (q ?? "").normalize("NFKC").trim().replace(/\s+/g, " ").slice(0, max);
}
