import type { NextConfig } from "next";
import { BODY_LIMIT_BYTES } from "./lib/request-limits";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native and driver packages stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // A server action's body (a source's full text is the largest field) may be this large; more is refused.
  experimental: { serverActions: { bodySizeLimit: BODY_LIMIT_BYTES } },
  // proxy.ts sets these (and the CSP) on pages and routes; this covers the static files it skips.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
