// Near-duplicate actors: names typed two ways for what may be one origin ("OCHA" and "UN Office
// for the Coordination of Humanitarian Affairs (OCHA)"). Two citations from one origin typed two
// ways would count as two independent origins, so the chain editor warns before saving.
import { nameKey } from "./name-keys";

/** Words left out of initials: "World Health Organization" → "who", "Office of the ..." skips "of the". */
const SMALL_WORDS = new Set(["of", "the", "for", "and", "in", "on", "to", "a", "an", "de", "du", "des", "la", "le", "et", "&"]);

/** A name folded past case: accents, punctuation and a leading "the" gone ("The U.N." → "un"). */
export function foldName(name: string): string {
  return nameKey(name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

/** The short form a name gives in brackets at its end: "... Affairs (OCHA)" → "ocha". */
export function bracketedShortForm(name: string): string | null {
  const m = /\(([^()]+)\)\s*$/.exec(name.trim());
  return m ? foldName(m[1]!) || null : null;
}

/** The name without a bracketed short form at its end. */
export function withoutShortForm(name: string): string {
  return name.trim().replace(/\s*\([^()]+\)\s*$/, "");
}

/** The initials of a name's words, small words left out: "World Health Organization" → "who". */
export function initialsOf(name: string): string {
  const words = foldName(withoutShortForm(name)).split(" ").filter((w) => w && !SMALL_WORDS.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join("") : "";
}

/** Whether a name is one word that could be a short form ("OCHA", "WHO", "U.N."). */
const isOneWord = (folded: string) => folded.length >= 2 && !folded.includes(" ");

/**
 * Why `typed` may be the same actor as `known`, or null when they look different or are the same
 * name (same nameKey: the server already treats them as one actor).
 */
export function nearDuplicateReason(typed: string, known: string): string | null {
  if (!typed.trim() || !known.trim() || nameKey(typed) === nameKey(known)) return null;
  const a = foldName(typed);
  const b = foldName(known);
  if (!a || !b) return null;
  if (a === b) return "the same name but for punctuation, accents or “the”";
  const aShort = bracketedShortForm(typed);
  const bShort = bracketedShortForm(known);
  if (bShort && bShort === a) return `“${typed.trim()}” is the short form it gives in brackets`;
  if (aShort && aShort === b) return `“${known.trim()}” is the short form you give in brackets`;
  if (aShort && bShort && aShort === bShort) return "both give the same short form in brackets";
  const aLong = foldName(withoutShortForm(typed));
  const bLong = foldName(withoutShortForm(known));
  if (aLong === bLong) return "the same name, one with a short form in brackets";
  if (isOneWord(a) && a === initialsOf(known)) return `“${typed.trim()}” may be its initials`;
  if (isOneWord(b) && b === initialsOf(typed)) return `“${known.trim()}” may be the initials of what you typed`;
  return null;
}

/** The known names that may be the same actor as `typed`, each with why. */
export function nearDuplicates<T extends { name: string }>(typed: string, known: readonly T[]): { actor: T; reason: string }[] {
  return known.flatMap((actor) => {
    const reason = nearDuplicateReason(typed, actor.name);
    return reason ? [{ actor, reason }] : [];
  });
}

/**
 * What to look recorded actors up by to find the near-duplicates of `typed` (each a substring of
 * the names to find): the name itself, its bracketed short form, its name without it, and its
 * initials. The server looks these up and `nearDuplicates` judges what comes back.
 */
export function nearDuplicateTerms(typed: string): string[] {
  const terms = [typed.trim(), withoutShortForm(typed), bracketedShortForm(typed) ?? "", initialsOf(typed)]
    .map((t) => t.trim())
    .filter((t) => t.length >= 2);
  return [...new Set(terms.map((t) => t.toLowerCase()))];
}
