// Go's base64.StdEncoding.Decode as the API server's JSON decoder uses it for []byte fields
// (Secret.data, ConfigMap.binaryData): padded, newlines ignored, and a bad input reported as
// "illegal base64 data at input byte N", N counting the string's UTF-8 bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const NEWLINE = (b: number) => b === 0x0a || b === 0x0d;

/** What Go accepts, for the common case that needs no walk. */
const VALID = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Why Go's decoder rejects `s`, or undefined when it decodes. */
export function base64Error(s: string): string | undefined {
  if (VALID.test(s.includes('\n') || s.includes('\r') ? s.replace(/[\r\n]/g, '') : s)) return undefined;
  const src = Buffer.from(s, 'utf8');
  for (let si = 0; si < src.length; ) {
    const [next, bad] = quantum(src, si);
    if (bad !== undefined) return `illegal base64 data at input byte ${bad}`;
    si = next;
  }
  return undefined;
}

/** decodeQuantum: one group of four characters; returns where the next starts, or the bad byte. */
function quantum(src: Buffer, start: number): [number, number?] {
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      // Input ended inside a group: the padded encoding wants all four.
      return j === 0 ? [si] : [si, si - j];
    }
    const b = src[si++];
    if (VALUES.has(b)) continue;
    if (NEWLINE(b)) {
      j--;
      continue;
    }
    if (b !== 0x3d /* = */ || j < 2) return [si, si - 1];
    if (j === 2) {
      // "==" expected; the first "=" is consumed.
      while (si < src.length && NEWLINE(src[si])) si++;
      if (si === src.length) return [si, src.length];
      if (src[si] !== 0x3d) return [si, si - 1];
      si++;
    }
    while (si < src.length && NEWLINE(src[si])) si++;
    // Anything after the padding is trailing garbage.
    return si < src.length ? [si, si] : [si];
  }
  return [si];
}
