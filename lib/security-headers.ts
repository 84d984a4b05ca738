// The response headers every page and route carries. Pure, so proxy.ts and its tests share them.

/** A fresh nonce per request: 128 random bits. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this request's nonce (Next.js puts it on its own scripts), and inline event
 * handlers never. Styles may be inline: the charts place their marks with `style="…"` attributes
 * (which cannot carry a nonce) and the toast library adds a `<style>` element without one (seen in
 * the browser test); CSS can restyle a page but runs nothing.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers besides the CSP, on every response (next.config.ts adds them to static files too). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Only behind HTTPS: a browser that saw it over HTTP would ignore it anyway. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Every security header of one response (proxy.ts): the CSP with this request's nonce, the static ones, and HSTS behind HTTPS. */
export function securityHeaders(nonce: string, options: { dev: boolean; https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    ...STATIC_SECURITY_HEADERS,
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
