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
  return [...sourceOf.keys()].sort();
}

export function isIndependentlyCorroborated(citations: readonly SourcedChain[]): boolean {
  return independentOrigins(citations).length >= 2;
}
