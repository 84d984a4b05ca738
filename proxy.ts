// First line of defence only: pages without a session go to the login page and API routes answer
// 401. Every page, action and route handler still checks the user and role in lib/server.
//
// The session is only read here, never re-issued: Auth.js's `auth()` wrapper would refresh the
// cookie on every response, and a prefetch answered after a sign-out would sign the user back in.
//
// Every response gets the security headers, with a Content-Security-Policy whose nonce is new for
// each request (Next.js reads it from the request's CSP header and puts it on its scripts).
//
// A reading page asked for again before anything changed comes from the page cache
// (lib/server/page-cache.ts): a page that user, with that role, was given under the same data
// version, after the session row is checked again; a public sheet's page, under the same published
// version.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { newNonce, securityHeaders } from "@/lib/security-headers";
import { SESSION_HANDOFF_HEADER, handOff } from "@/lib/session-handoff";
import { addressHasNul } from "@/lib/text-input";
import { PAGE_CACHE_HEADER, cachedPage, pageCacheable } from "@/lib/server/page-cache";

// "/p" is a fact sheet's public link: the token is the only key, checked by the page itself.
// "/api/v1" authenticates machine clients by bearer token (lib/server/api-v1.ts), not by session.
// "/account-link" carries a one-time invitation or password-reset token, checked by its page.
// "/icon.svg" is the favicon, shown on the login page too.
const PUBLIC_PATHS = ["/login", "/account-link", "/api/auth", "/api/health", "/p", "/api/v1", "/icon.svg"];

export async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const dev = process.env.NODE_ENV === "development";
  const nonce = newNonce();
  const security = securityHeaders(nonce, { dev, https });
  const csp = security["Content-Security-Policy"]!;
  const secured = (response: NextResponse) => {
    for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
    return response;
  };
  // `session`: the decrypted token handed on to the page or route (lib/session-handoff.ts), so
  // lib/server/session.ts does not decrypt the cookie again; a client's own header is never passed on.
  const next = (session?: string) => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    if (session === undefined) headers.delete(SESSION_HANDOFF_HEADER);
    else headers.set(SESSION_HANDOFF_HEADER, session);
    return secured(NextResponse.next({ request: { headers } }));
  };

  const { pathname, search } = request.nextUrl;
  // Refused before anything reads it, signed in or not: a NUL reaching a query answers 500.
  if (addressHasNul(`${pathname}${search}`)) {
    const message = "This address holds a NUL character (%00). Remove it and try again.";
    return secured(pathname.startsWith("/api/") ? NextResponse.json({ error: "invalid_request", message }, { status: 400 }) : new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }));
  }
  // A reading page may come from the page cache (lib/server/page-cache.ts), which checks the session row itself.
  const cacheable = dev ? null : pageCacheable(request);
  const throughCache = async (reader: Parameters<typeof cachedPage>[1], passOn: () => NextResponse) => {
    const cached = await cachedPage(request, reader, { nonce, security });
    if (cached instanceof Response) return cached;
    const response = passOn();
    if (cached === "first view") response.headers.set(PAGE_CACHE_HEADER, "miss");
    return response;
  };

  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return cacheable === "public" ? throughCache("public", () => next()) : next();
  }
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: https });
  if (token?.sub) return cacheable === "signed in" ? throughCache(token, () => next(handOff(token))) : next(handOff(token));
  if (pathname.startsWith("/api/")) {
    return secured(NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 }));
  }
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return secured(NextResponse.redirect(login));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
