// The session token, decrypted once a request: `proxy.ts` reads the cookie and hands what it found
// to the page or route in a request header, so lib/server/session.ts does not decrypt it again.
//
// The header carries a random key made when this server process started and known to nothing
// outside it: a client that sends the header itself cannot match it, and its value is then ignored
// (the cookie is decrypted as before). The proxy also strips the header from every request it
// passes on. Only the token moves here; the user (and session) is still read from the database
// on every request.
import { timingSafeEqual } from "node:crypto";
import type { JWT } from "next-auth/jwt";

export const SESSION_HANDOFF_HEADER = "x-factdesk-session";

const KEY = Symbol.for("factdesk.sessionHandoffKey");

function processKey(): string {
  const g = globalThis as { [KEY]?: string };
  g[KEY] ??= crypto.randomUUID();
  return g[KEY];
}

/** The header value that hands on this request's decrypted token (null: no valid session). */
export function handOff(token: JWT | null): string {
  return `${processKey()}.${token ? Buffer.from(JSON.stringify(token)).toString("base64url") : ""}`;
}

/**
 * The token the proxy handed on, `{ token: null }` when it found no valid session, or undefined
 * when there is no handoff from this process (absent, or sent by someone else): decrypt the cookie.
 */
export function receive(value: string | null): { token: JWT | null } | undefined {
  if (!value) return undefined;
  const dot = value.indexOf(".");
  const given = Buffer.from(value.slice(0, Math.max(dot, 0)));
  const key = Buffer.from(processKey());
  if (dot < 0 || given.length !== key.length || !timingSafeEqual(given, key)) return undefined;
  const body = value.slice(dot + 1);
  if (!body) return { token: null };
  try {
    return { token: JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as JWT };
  } catch {
    return undefined;
  }
}
