import "server-only";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";

/** Tags to filter by, alphabetically, capped. */
export async function listTags(user: SessionUser, limit = 300) {
  authorize(user, "claims:read");
  return db.tag.findMany({ orderBy: { name: "asc" }, take: limit, select: { name: true } });
}
