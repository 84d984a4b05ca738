// Conditional requests (RFC 9110, 13.1.2): an answer's entity tag, whether the client holds that
// answer already, and the 304 Not Modified it then gets with no body. Kept API answers and export
// downloads answer so. The tags are strong though the same one goes out gzip-encoded or plain: only
// If-None-Match reads them (a weak comparison), and no range request is served.
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

/** How a signed-in or token-read answer may be kept: by its client only, asking again (If-None-Match) before each use. */
export const PRIVATE_REVALIDATE = "private, no-cache";

/**
 * 304 Not Modified: no body, with the validators a 200 would carry (`validators`: ETag and
 * Cache-Control), and `Vary: Accept-Encoding` as compression gives a 200 that may be compressed
 * (RFC 9110, 15.4.5; a PDF's 200 has none, and a cache keeping it by this 304 only keys it finer).
 */
export const notModified = (validators: { ETag: string; "Cache-Control": string }) => new Response(null, { status: 304, headers: { ...validators, Vary: "Accept-Encoding" } });
