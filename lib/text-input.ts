// PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one fails in the
// database with "invalid byte sequence" (a 500), wherever it is compared or stored. Every server
// action and POST route refuses it up front, as a field error, before its schema runs.
import { refuse, CHECK_FIELDS, type ActionResult } from "./action-result";

export const NUL_MESSAGE = "Remove the invisible NUL character (U+0000) from this text.";

/**
 * Whether a request's address (path and query string, still percent-encoded) carries a NUL: no
 * page, route or search can use one, and a search holding it would fail in the database.
 */
export const addressHasNul = (pathAndQuery: string) => /%00/i.test(pathAndQuery);

/** The full paths ("citations.0.quote") of every string in `value` holding a NUL. */
export function nulPaths(value: unknown, path: string[] = [], out: string[] = [], depth = 0): string[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push(path.join(".") || "form");
  } else if (value && typeof value === "object" && depth < 20) {
    for (const [k, v] of Object.entries(value)) nulPaths(v, [...path, k], out, depth + 1);
  }
  return out;
}

/** A refusal naming each field with a NUL, or null when there is none. */
export function refuseNul(value: unknown): ActionResult<never> | null {
  const paths = nulPaths(value);
  return paths.length ? refuse(CHECK_FIELDS, { fieldErrors: Object.fromEntries(paths.map((p) => [p, [NUL_MESSAGE]])) }) : null;
}
