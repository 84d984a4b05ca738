/**
 * A short, stable name for a string of any length: two 32-bit FNV-1a hashes with different offset
 * bases, as 16 hex digits. Not a security measure; fast enough for thousands of claims per save.
 */
export function fnv1a(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
