/** A name as it is shown: trimmed, inner runs of spaces made one ("Igor  Korotchenko " → "Igor Korotchenko"). */
export function displayName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ");
}

/** The key that makes "Igor  Korotchenko" and "igor korotchenko" one actor. */
export function nameKey(name: string): string {
  return displayName(name).toLowerCase();
}
