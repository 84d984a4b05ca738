import "server-only";
import { authorize, type Actor } from "./authorize";
import { db } from "./db";

/** Tags to filter by, alphabetically, capped. */
export async function listTags(actor: Actor, limit = 300) {
  authorize(actor, "claims:read");
  return db.tag.findMany({ orderBy: { name: "asc" }, take: limit, select: { name: true } });
}
