// Signing in over plain HTTP, as a browser does, for scripts that drive the app (outage check,
// benchmarks, the two-instance test): Auth.js's CSRF token, then the credentials callback.

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/**
 * One sign-in attempt: the session's Cookie header when it worked, else null with the failure's
 * `code` from the redirect (Auth.js's `credentials`, or `throttled:<seconds>` from lib/server/users.ts).
 */
export async function trySignIn(baseUrl: string, email: string, password: string): Promise<{ session: string | null; code: string | null; status: number; location: string | null }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(res).find((c) => /session-token=/.test(c) && !/session-token=$/.test(c)) ?? null;
  const location = res.headers.get("location");
  const code = location ? new URL(location, baseUrl).searchParams.get("code") : null;
  return { session, code, status: res.status, location };
}

/** Signs in and returns the Cookie header that carries the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const attempt = await trySignIn(baseUrl, email, password);
  if (!attempt.session) throw new Error(`Signing in as ${email} failed (HTTP ${attempt.status}, ${attempt.location ?? "no redirect"}).`);
  return attempt.session;
}
