import "server-only";
import { headers } from "next/headers";
import type { SecurityEventKind } from "@/prisma/client";
import { db } from "./db";

/** The client's address as the nearest proxy saw it (Next sets X-Forwarded-For when no proxy did). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}

/** The address of the request being served, or "unknown" outside one (a script, a test). */
export async function requestAddress(): Promise<string> {
  try {
    return clientAddress(await headers());
  } catch {
    return "unknown";
  }
}

/** Writes one line of the sign-in and refusal record; never lets a logging failure break the request. */
export async function recordSecurityEvent(event: { kind: SecurityEventKind; email?: string; userId?: string | null; address: string; detail?: string }) {
  try {
    await db.securityEvent.create({
      data: {
        kind: event.kind,
        email: (event.email ?? "").slice(0, 320),
        userId: event.userId ?? null,
        address: event.address.slice(0, 64),
        detail: (event.detail ?? "").slice(0, 200),
      },
    });
  } catch (e) {
    console.error("Could not record a security event", e);
  }
}
