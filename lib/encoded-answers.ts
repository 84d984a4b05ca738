// Lets a page the proxy answers with go out compressed as it is (lib/server/page-cache.ts).
//
// Next.js 16 drops Content-Encoding from an answer that proxy.ts gives: it is among the headers a
// proxied body may have lost the framing of (`ipcForbiddenHeaders`, next/dist/server/lib/server-ipc/
// utils.js). It then compresses the body itself, for every browser (all take gzip), at zlib's level 6.
// A kept page's pieces are compressed once, at its first answer to a client taking gzip, so that
// later answers cost no compression. Such an answer names its encoding in ENCODED_HEADER instead,
// which Next.js passes on, and this turns it back into Content-Encoding as the header is set on
// Node's response; Next.js's compression then finds the answer "already encoded" and sends it as it
// is. Without this in place the page cache sends no gzip of its own (encodedAnswersInstalled).
import { ServerResponse } from "node:http";

/** The header a proxy answer names its own encoding in; never sent. */
export const ENCODED_HEADER = "x-factdesk-content-encoding";

const PATCHED = Symbol.for("factdesk.encodedAnswers");

/** Makes ServerResponse.setHeader take ENCODED_HEADER as Content-Encoding. Idempotent. */
export function letEncodedAnswersThrough(): void {
  const proto = ServerResponse.prototype as ServerResponse & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const native = proto.setHeader;
  proto.setHeader = function setHeader(this: ServerResponse, name: string, value: number | string | readonly string[]) {
    return native.call(this, typeof name === "string" && name.toLowerCase() === ENCODED_HEADER ? "content-encoding" : name, value);
  };
  proto[PATCHED] = true;
}

/** Whether letEncodedAnswersThrough has run in this process: without it, Next.js would gzip a gzip body again. */
export function encodedAnswersInstalled(): boolean {
  return (ServerResponse.prototype as ServerResponse & { [PATCHED]?: true })[PATCHED] === true;
}
