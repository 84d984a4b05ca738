// Which new scope claims in conflict can move to when they measure different things.
type Scoped = { kind: string; metricId: string | null; eventId: string | null };

/** Claims move to a new scope together only when all are figures on one metric, or all dates of one event. */
export function splitScopeOf(claims: readonly Scoped[]): "metric" | "event" | null {
  const first = claims[0];
  if (!first) return null;
  if (claims.every((c) => c.kind === "QUANTITY" && c.metricId && c.metricId === first.metricId)) return "metric";
  if (claims.every((c) => c.kind === "DATE" && c.eventId && c.eventId === first.eventId)) return "event";
  return null;
}
