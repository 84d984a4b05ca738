// Conditional requests (RFC 9110, 13.1.2): an answer's entity tag, and whether the client holds
// that answer already, so it gets 304 Not Modified and no body. Kept API answers and export
// downloads answer so.
import { createHash } from "node:crypto";
import fresh from "fresh";

/**
 * An answer's entity tag, a digest of its body: the same bytes made again (after a write elsewhere,
 * or on another instance) carry the same tag.
 */
export const entityTag = (body: Uint8Array): string => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/**
 * Whether the client holds the answer tagged `etag` already (304 Not Modified): its If-None-Match
 * names it or is `*`, by the `fresh` package's rules (a list, weak tags). Its Cache-Control is not
 * given to `fresh`, which would call every `no-cache` request stale: `fetch` adds `no-cache` to any
 * request carrying If-None-Match, and the tag is compared with the answer as it stands now, not
 * with a copy kept somewhere between.
 */
export function heldAlready(ifNoneMatch: string | null, etag: string): boolean {
  return fresh({ "if-none-match": ifNoneMatch ?? undefined }, { etag });
}
