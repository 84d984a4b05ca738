// When a quote is not in a source's text word for word: the passage closest to it, and what
// differs ("1240" against "1,240"), so an editor can see the slip and take the passage instead.
import { diffChars } from "diff";

export interface ClosestPassage {
  start: number;
  end: number;
  passage: string;
  /** The quote against the passage, piece by piece: kept, only in the quote, only in the passage. */
  pieces: { text: string; kind: "same" | "quote" | "passage" }[];
  /** Characters that differ, as an edit distance. */
  distance: number;
}

/** Past this many characters of text × quote the search would keep an editor waiting: give up. */
const MAX_WORK = 40_000_000;

/**
 * The stretch of `text` with the fewest character edits to `quote` (approximate substring
 * matching, Sellers' algorithm), or null when nothing is close: more than a third of the quote differs.
 */
export function closestPassage(text: string, quote: string): ClosestPassage | null {
  const q = quote.trim();
  const m = q.length;
  if (!m || !text.length || m * text.length > MAX_WORK) return null;
  // cost[i] = edits from q[0..i) to the best text stretch ending here; start[i] = where that stretch starts.
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let start = new Array<number>(m + 1).fill(0);
  let best = { distance: m + 1, end: 0, start: 0 };
  for (let j = 1; j <= text.length; j++) {
    const nextCost = [0];
    const nextStart = [j];
    const c = text[j - 1];
    for (let i = 1; i <= m; i++) {
      // The cheapest way here; at equal cost the one starting earliest, so "1240" against
      // "1,240" takes the whole figure (a comma inserted) rather than ",240" (a digit changed).
      let bestCost = cost[i - 1]! + (q[i - 1] === c ? 0 : 1);
      let bestStart = start[i - 1]!;
      for (const [k, s] of [[cost[i]! + 1, start[i]!], [nextCost[i - 1]! + 1, nextStart[i - 1]!]] as const) {
        if (k < bestCost || (k === bestCost && s < bestStart)) [bestCost, bestStart] = [k, s];
      }
      nextCost.push(bestCost);
      nextStart.push(bestStart);
    }
    cost = nextCost;
    start = nextStart;
    // At equal cost the first match wins, but it may grow by the next character ("operation" → "operation”").
    if (cost[m]! < best.distance || (cost[m] === best.distance && j === best.end + 1 && start[m] === best.start)) best = { distance: cost[m]!, end: j, start: start[m]! };
  }
  if (best.distance > Math.floor(m / 3)) return null;
  const passage = text.slice(best.start, best.end);
  const pieces = diffChars(q, passage).map((p) => ({ text: p.value, kind: p.added ? ("passage" as const) : p.removed ? ("quote" as const) : ("same" as const) }));
  return { start: best.start, end: best.end, passage, pieces, distance: best.distance };
}
