// First line of defence only: pages without a session go to the login page and API routes answer
// 401. Every page, action and route handler still checks the user and role in lib/server.
import { NextResponse } from "next/server";
import { auth } from "@/lib/server/auth";

const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health"];

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
