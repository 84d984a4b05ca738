// Two citations corroborate each other only when their attribution chains start at different
// origins: the Post reporting Channel One and National Review reporting the Post are one origin.
export interface ChainLink {
  actorId: string;
  position: number;
}

export interface CitationChain {
  chain: ChainLink[];
}

/** The actor a chain starts at (position 0), or null for a citation with no chain recorded. */
export function originOf(c: CitationChain): string | null {
  let first: ChainLink | undefined;
  for (const link of c.chain) if (!first || link.position < first.position) first = link;
  return first?.actorId ?? null;
}

export interface SourcedChain extends CitationChain {
  sourceId: string;
}

/**
 * Distinct origins among the citations, each source counting at most once: two citations of one
 * source are one piece of evidence, never two origins. A citation without a chain counts as no
 * origin. When a source's citations start at different origins, sources and origins are matched
 * one to one (augmenting paths; citations per claim are few).
 */
export function independentOrigins(citations: readonly SourcedChain[]): string[] {
  return [...originMatching(citations).keys()].sort();
}

/** The matching behind independentOrigins: each counted origin and the one source it is counted for. */
function originMatching(citations: readonly SourcedChain[]): Map<string, string> {
  const originsBySource = new Map<string, Set<string>>();
  for (const c of citations) {
    const origin = originOf(c);
    if (!origin) continue;
    const set = originsBySource.get(c.sourceId) ?? new Set<string>();
    set.add(origin);
    originsBySource.set(c.sourceId, set);
  }
  const sourceOf = new Map<string, string>(); // origin -> the source it is matched to
  const assign = (source: string, seen: Set<string>): boolean => {
    for (const origin of originsBySource.get(source)!) {
      if (seen.has(origin)) continue;
      seen.add(origin);
      const holder = sourceOf.get(origin);
      if (holder === undefined || assign(holder, seen)) {
        sourceOf.set(origin, source);
        return true;
      }
    }
    return false;
  };
  for (const source of originsBySource.keys()) assign(source, new Set());
  return sourceOf;
}

export interface StancedChain extends SourcedChain {
  stance: "SUPPORTS" | "CONTRADICTS" | "MENTIONS";
}

/** What one citation counts as towards "two independent origins" (the rule above, per citation). */
export type OriginRole =
  | { counts: true; origin: string }
  | { counts: false; origin: string | null; why: "not-supporting" | "no-chain" | "same-origin" | "same-source" };

/**
 * Which origin each citation counts as, in the order given: a supporting citation counts for the
 * origin its chain starts at, unless that origin is already counted from another source
 * ("same-origin") or its source already counts for another origin ("same-source"); two citations
 * of one source from one origin both count, as one.
 */
export function originRoles(citations: readonly StancedChain[]): OriginRole[] {
  const matching = originMatching(citations.filter((c) => c.stance === "SUPPORTS"));
  return citations.map((c): OriginRole => {
    const origin = originOf(c);
    if (c.stance !== "SUPPORTS") return { counts: false, origin, why: "not-supporting" };
    if (!origin) return { counts: false, origin: null, why: "no-chain" };
    const source = matching.get(origin);
    if (source === c.sourceId) return { counts: true, origin };
    return { counts: false, origin, why: source === undefined ? "same-source" : "same-origin" };
  });
}

export function isIndependentlyCorroborated(citations: readonly SourcedChain[]): boolean {
  return independentOrigins(citations).length >= 2;
}
