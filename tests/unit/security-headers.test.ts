// The headers proxy.ts puts on every response (tests/e2e/security.spec.ts checks them from outside,
// where HTTPS can only be claimed with X-Forwarded-Proto).
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS, newNonce, securityHeaders, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

describe("security headers", () => {
  it("send HSTS (and upgrade insecure requests) only behind HTTPS", () => {
    const plain = securityHeaders("abc", { dev: false, https: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const https = securityHeaders("abc", { dev: false, https: true });
    expect(https["Strict-Transport-Security"]).toBe(HSTS);
    expect(HSTS).toMatch(/^max-age=(\d+); includeSubDomains$/);
    expect(Number(/max-age=(\d+)/.exec(HSTS)![1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("carry the static headers and the CSP with the request's nonce either way", () => {
    for (const https of [false, true]) {
      const headers = securityHeaders("n0nce", { dev: false, https });
      expect(headers).toMatchObject(STATIC_SECURITY_HEADERS);
      expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy("n0nce", { dev: false, https }));
      expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
      expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
    }
    expect(STATIC_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(securityHeaders("n", { dev: true, https: false })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });

  it("make a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });
});
