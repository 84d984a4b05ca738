// Attribution chains as editors type them: origin first, nearest reporter last.
import { nameKey } from "./name-keys";

export interface TypedLink {
  actorName: string;
  relation?: string;
}

/** "Link 1 (origin)", "Link 2", "Link 3 (nearest reporter)": the label an editor sees for each position. */
export function linkLabel(index: number, count: number): string {
  if (index === 0) return count === 1 ? "Link 1 (origin and reporter)" : "Link 1 (origin)";
  return index === count - 1 ? `Link ${index + 1} (nearest reporter)` : `Link ${index + 1}`;
}

/**
 * Positions whose actor repeats the link just before it ("Channel One → channel one"): a chain
 * passes a statement from one actor to another, so a repeat is a typing slip.
 */
export function repeatedLinks(chain: TypedLink[]): number[] {
  const repeats: number[] = [];
  for (let i = 1; i < chain.length; i++) {
    if (nameKey(chain[i]!.actorName) !== "" && nameKey(chain[i]!.actorName) === nameKey(chain[i - 1]!.actorName)) repeats.push(i);
  }
  return repeats;
}
