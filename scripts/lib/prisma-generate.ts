// Runs `prisma generate` when the schema changed since the client was last generated.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const stamp = path.join(root, "lib/generated/prisma/.schema-hash");

export function ensurePrismaClient(log: (m: string) => void = console.log) {
  const hash = createHash("sha256").update(readFileSync(path.join(root, "prisma/schema.prisma"))).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  log("Generating the Prisma client…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    // `generate` needs no schema engine, but the CLI tries to download one unless told where it is.
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) throw new Error("prisma generate failed");
  writeFileSync(stamp, hash);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) ensurePrismaClient();
