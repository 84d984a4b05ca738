// The page cache's pure rules (lib/server/page-cache.ts keeps the pages): which requests it may
// answer, and how a kept page takes each response's new Content-Security-Policy nonce.

/** The reading pages: lists, a claim, conflict, source, metric, event, sheet and sheet version. Forms, account and admin pages are not kept. */
const KEPT_PAGES = /^\/(?:(?:claims|conflicts|sources|metrics|events)(?:\/(?!new$)[^/]+)?|actors|fact-sheets(?:\/(?!new$)[^/]+(?:\/v\/\d+)?)?)?$/;
/** A published sheet's public page: the same for every reader (its downloads are routes, not kept). */
const KEPT_PUBLIC_PAGES = /^\/p\/[^/]+$/;

/**
 * Whether a request for `pathname` may be answered with a kept page, and whose: a signed-in
 * user's reading page, or a public sheet, the same for everyone. Only whole pages (a browser's
 * page load asks for HTML): the router's own requests (a page's payload on a click) are not kept,
 * as Next.js hides their headers and `_rsc` address from the proxy, so they could not be told
 * apart; they ask for any type.
 */
export function keptPage(pathname: string, accept: string | null): "signed in" | "public" | null {
  if (!/\btext\/html\b/.test(accept ?? "")) return null;
  if (KEPT_PAGES.test(pathname)) return "signed in";
  return KEPT_PUBLIC_PAGES.test(pathname) ? "public" : null;
}

/** The nonce a Content-Security-Policy allows scripts by, if any. */
export const nonceOf = (csp: string | null): string | undefined => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/** A rendered page split at every place its nonce stands. */
export function splitAtNonce(body: Buffer, nonce: string | undefined): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * The page again, with `nonce` where its old nonce stood, as one buffer: sent as one chunk, since
 * every chunk of a response costs the server far more (a turn through web streams) than one copy.
 */
export function withNonce(parts: Buffer[], nonce: string): Buffer {
  const glue = Buffer.from(nonce);
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [glue, p])));
}
