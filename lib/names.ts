/** The key that makes "Igor  Korotchenko" and "igor korotchenko" one actor. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
