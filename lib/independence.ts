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

/** Distinct origins among the citations; a citation without a chain counts as no origin. */
export function independentOrigins(citations: CitationChain[]): string[] {
  const origins = new Set<string>();
  for (const c of citations) {
    const origin = originOf(c);
    if (origin) origins.add(origin);
  }
  return [...origins];
}

export function isIndependentlyCorroborated(citations: CitationChain[]): boolean {
  return independentOrigins(citations).length >= 2;
}
