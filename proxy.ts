// First line of defence only: pages without a session go to the login page and API routes answer
// 401. Every page, action and route handler still checks the user and role in lib/server.
//
// The session is only read here, never re-issued: Auth.js's `auth()` wrapper would refresh the
// cookie on every response, and a prefetch answered after a sign-out would sign the user back in.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { SESSION_HANDOFF_HEADER, handOff } from "@/lib/session-handoff";

// "/p" is a fact sheet's public link: the token is the only key, checked by the page itself.
// "/api/v1" authenticates machine clients by bearer token (lib/server/api-v1.ts), not by session.
const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health", "/p", "/api/v1"];

/** Passes the request on with the session handoff header set to `value`, or removed (a client's own is never passed on). */
function passOn(request: NextRequest, value?: string) {
  const headers = new Headers(request.headers);
  if (value === undefined) headers.delete(SESSION_HANDOFF_HEADER);
  else headers.set(SESSION_HANDOFF_HEADER, value);
  return NextResponse.next({ request: { headers } });
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return passOn(request);
  const secureCookie = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie });
  // The page or route reads the token from here (lib/server/session.ts) rather than decrypting the cookie again.
  if (token?.sub) return passOn(request, handOff(token));
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
