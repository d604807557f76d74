// Go compares strings byte by byte in UTF-8, which orders by code point; JavaScript compares
// UTF-16 units, which puts astral characters (surrogate pairs) before U+E000–U+FFFF.

/** Maps a UTF-16 unit so that unit order equals code point order at a first difference. */
const rank = (u: number) => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);

/** Orders two strings as Go's strings.Compare does. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
