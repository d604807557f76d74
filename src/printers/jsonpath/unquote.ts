// Quoted literals in templates: client-go's UnquoteExtend, which is strconv.Unquote taught to
// accept single quotes around strings. Go builds the result as bytes (\xNN and octal escapes add
// raw bytes), so this does too and decodes UTF-8 at the end.

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

class UnquoteSyntaxError extends Error {}

function syntax(): never {
  throw new UnquoteSyntaxError('invalid syntax');
}

/** Unquotes "..." or '...'; throws an Error whose message is Go's ("invalid syntax"). */
export function unquoteExtend(quoted: string): string {
  const n = quoted.length;
  if (n < 2) syntax();
  const quote = quoted[0];
  if (quote !== quoted[n - 1] || (quote !== '"' && quote !== "'")) syntax();
  const s = quoted.slice(1, n - 1);
  if (!s.includes('\\') && !s.includes(quote)) return s;

  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  const pushRune = (cp: number) => bytes.push(...utf8.encode(String.fromCodePoint(cp)));
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === quote) syntax();
    if (c !== '\\') {
      const cp = s.codePointAt(i)!;
      pushRune(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (i + 1 >= s.length) syntax();
    const e = s[i + 1];
    i += 2;
    if (e in SIMPLE) bytes.push(SIMPLE[e]);
    else if (e in HEX_DIGITS) {
      const digits = s.slice(i, i + HEX_DIGITS[e]);
      if (digits.length < HEX_DIGITS[e] || !/^[0-9a-fA-F]+$/.test(digits)) syntax();
      i += digits.length;
      const v = parseInt(digits, 16);
      if (e === 'x') bytes.push(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) syntax();
      else pushRune(v);
    } else if (e >= '0' && e <= '7') {
      const digits = e + s.slice(i, i + 2);
      if (!/^[0-7]{3}$/.test(digits)) syntax();
      i += 2;
      const v = parseInt(digits, 8);
      if (v > 255) syntax();
      bytes.push(v);
    } else if (e === "'" || e === '"') {
      if (e !== quote) syntax();
      bytes.push(e.charCodeAt(0));
    } else syntax();
  }
  // Raw bytes that are not UTF-8 cannot live in a JavaScript string; they become U+FFFD.
  return new TextDecoder().decode(new Uint8Array(bytes));
}
