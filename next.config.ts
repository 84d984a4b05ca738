import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and driver packages stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
