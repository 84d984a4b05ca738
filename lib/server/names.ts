import "server-only";
import { authorize, type Actor } from "./authorize";
import { db } from "./db";

/** The names behind the ids a claims view filters on, for its "Metric: …" and "Source: …" chips. */
export async function filterNames(actor: Actor, ids: { metric?: string; source?: string; assignee?: string }) {
  authorize(actor, "claims:read");
  const [metric, source, assignee] = await Promise.all([
    ids.metric ? db.metric.findUnique({ where: { id: ids.metric }, select: { name: true } }) : null,
    ids.source ? db.source.findUnique({ where: { id: ids.source }, select: { title: true } }) : null,
    ids.assignee ? db.user.findUnique({ where: { id: ids.assignee }, select: { name: true } }) : null,
  ]);
  return { metric: metric?.name, source: source?.title, assignee: assignee?.name };
}
