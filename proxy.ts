// First line of defence only: pages without a session go to the login page and API routes answer
// 401. Every page, action and route handler still checks the user and role in lib/server.
//
// The session is only read here, never re-issued: Auth.js's `auth()` wrapper would refresh the
// cookie on every response, and a prefetch answered after a sign-out would sign the user back in.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

const PUBLIC_PATHS = ["/login", "/account-link", "/api/auth", "/api/health"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const secureCookie = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie });
  if (token?.sub) return NextResponse.next();
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
