import "server-only";
import { authorize, type Actor } from "./authorize";
import { db } from "./db";

/** Metrics to pick from, by name; merged-away metrics are not offered. */
export async function listMetricChoices(actor: Actor, limit = 1000) {
  authorize(actor, "claims:read");
  return db.metric.findMany({ where: { mergedIntoId: null }, orderBy: { name: "asc" }, take: limit, select: { id: true, name: true } });
}
