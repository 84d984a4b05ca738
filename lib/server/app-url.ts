import "server-only";
import { headers } from "next/headers";

/**
 * The app's own address, for absolute links in exports (ClaimReview `url`): APP_URL when set
 * (behind a proxy, set it), otherwise the address this request came to.
 */
export async function appBaseUrl(): Promise<string> {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
