// The page cache's rules (lib/server/page-cache.ts keeps the pages), no I/O: which requests it may
// answer, and how a kept page takes each response's new Content-Security-Policy nonce, plain or
// gzip-encoded.
import { constants, crc32, deflateRawSync } from "node:zlib";
import Negotiator from "negotiator";

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

/** Whether a request's Accept-Encoding takes gzip before an unencoded answer (browsers send `gzip, deflate, br, zstd`). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  return new Negotiator({ headers: { "accept-encoding": acceptEncoding ?? undefined } }).encoding(["gzip", "identity"]) === "gzip";
}

// Next.js gzips every answer a browser gets, kept pages too, and for a kept page that cost about as
// much CPU as the rest of its answer. So a kept page's pieces are compressed once, each alone: raw
// deflate ending in a sync flush (on a byte boundary, not the last block, and nothing in it points
// back past its start). Deflate blocks may follow one another so, and an answer's gzip body is the
// pieces with its own nonce stored between them, then an empty last block, the CRC-32 and the
// length of the whole (RFC 1951, 1952): no compression at answer time.
const SYNC_FLUSH = { finishFlush: constants.Z_SYNC_FLUSH };
/** ID1 ID2, deflate, no flags, no time, no extra flags, OS unknown. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const LAST_BLOCK = deflateRawSync(Buffer.alloc(0));

/** A kept page's pieces, each compressed alone (at zlib's default level, as Next.js would). */
export function deflatePieces(parts: Buffer[]): Buffer[] {
  return parts.map((p) => deflateRawSync(p, SYNC_FLUSH));
}

/** A deflate block that stores `bytes` as they are (not the last; it starts on a byte boundary, as each piece ends on one). */
function storedBlock(bytes: Buffer): Buffer {
  const head = Buffer.alloc(5); // BFINAL 0, BTYPE 00, padded to the byte; LEN and its complement
  head.writeUInt16LE(bytes.length, 1);
  head.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([head, bytes]);
}

/** withNonce's page, gzip-encoded from the pieces deflatePieces compressed (`deflated`, one for each of `parts`); the nonce goes in stored, uncompressed. */
export function gzipWithNonce(parts: Buffer[], deflated: Buffer[], nonce: string): Buffer {
  const glue = Buffer.from(nonce);
  const storedGlue = storedBlock(glue);
  const blocks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  // An empty buffer zlib has seen may have no data pointer, and crc32 of that is 0, not the running value.
  const add = (bytes: Buffer) => {
    if (bytes.length) crc = crc32(bytes, crc);
    size += bytes.length;
  };
  parts.forEach((part, i) => {
    if (i > 0) {
      blocks.push(storedGlue);
      add(glue);
    }
    blocks.push(deflated[i]!);
    add(part);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return Buffer.concat([...blocks, LAST_BLOCK, trailer]);
}
