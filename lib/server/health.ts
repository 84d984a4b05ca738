import "server-only";
import type { Db } from "@/prisma/client";
import { db } from "./db";

const TIMEOUT_MS = 2000;

/** "ok" when the database answers a trivial query within two seconds, otherwise "down". */
export async function checkDatabase(client: Db = db): Promise<"ok" | "down"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
      }),
    ]);
    return "ok";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}
