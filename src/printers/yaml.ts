// -o yaml exactly as kubectl writes it: sigs.k8s.io/yaml over go-yaml v2 — keys in go-yaml's
// natural order, sequences flush with their key, strings quoted when they would read as something
// else, long scalars folded past column 80, multi-line strings as literal blocks.

const BEST_WIDTH = 80;

// ---- key order (go-yaml's keyList.Less) --------------------------------------------------------

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

// ---- how go-yaml resolves a plain scalar -------------------------------------------------------

const RESERVED = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const INT_RE = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/;
const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_RE = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP_RE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;

/** True when a plain scalar with this text would read back as the same string. */
function plainIsString(s: string): boolean {
  if (s === '') return false;
  if (RESERVED.has(s)) return false;
  if (INT_RE.test(s) || FLOAT_RE.test(s) || BASE60_RE.test(s)) return false;
  if (TIMESTAMP_RE.test(s)) return false;
  return true;
}

// ---- scalar analysis (libyaml's yaml_emitter_analyze_scalar) -----------------------------------

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isSpace = (c: string | undefined) => c === ' ';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function analyze(s: string): Analysis {
  const chars = [...s];
  let blockIndicators = false;
  let specialCharacters = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c) || c === '\ufeff') specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

// ---- the writer -------------------------------------------------------------------------------

class Writer {
  private out = '';
  column = 0;

  write(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? [...s.slice(nl + 1)].length : this.column + [...s].length;
  }

  newline(indent: number): void {
    this.write('\n' + ' '.repeat(indent));
  }

  text(): string {
    return this.out;
  }
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(s: string, isKey: boolean): Style {
  let style: Style;
  if (s.includes('\n')) style = 'literal';
  else style = plainIsString(s) ? 'plain' : 'double';
  const a = analyze(s);
  if (style === 'plain') {
    if (!a.blockPlainAllowed || (s.length === 0 && isKey)) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || isKey)) style = 'double';
  return style;
}

function writePlain(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  let spaces = false;
  chars.forEach((c, i) => {
    if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && !isSpace(chars[i + 1])) w.newline(indent);
      else w.write(c);
      spaces = true;
    } else {
      w.write(c);
      spaces = false;
    }
  });
}

function writeSingle(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  w.write("'");
  let spaces = false;
  chars.forEach((c, i) => {
    if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && !isSpace(chars[i + 1])) w.newline(indent);
      else w.write(c);
      spaces = true;
    } else {
      w.write(c === "'" ? "''" : c);
      spaces = false;
    }
  });
  w.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function writeDouble(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  w.write('"');
  let spaces = false;
  chars.forEach((c, i) => {
    if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
      const cp = c.codePointAt(0)!;
      const esc = ESCAPES[c] ?? (cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`);
      w.write(esc);
      spaces = false;
    } else if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        w.newline(indent);
        if (isSpace(chars[i + 1])) w.write('\\');
      } else w.write(c);
      spaces = true;
    } else {
      w.write(c);
      spaces = false;
    }
  });
  w.write('"');
}

function writeLiteral(w: Writer, s: string, indent: number): void {
  let header = '|';
  if (s.startsWith(' ') || isBreak(s[0])) header += '2';
  if (!s.endsWith('\n')) header += '-';
  else if (s.endsWith('\n\n') || s === '\n') header += '+';
  w.write(header);
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  for (const line of body.split('\n')) {
    if (line === '') w.write('\n');
    else w.newline(indent), w.write(line);
  }
}

/** Writes a scalar after a separator; `indent` is where folded lines continue. */
function writeString(w: Writer, s: string, indent: number, isKey: boolean): void {
  const style = chooseStyle(s, isKey);
  switch (style) {
    case 'plain':
      return writePlain(w, s, indent, !isKey);
    case 'single':
      return writeSingle(w, s, indent, !isKey);
    case 'double':
      return writeDouble(w, s, indent, !isKey);
    case 'literal':
      return writeLiteral(w, s, indent);
  }
}

function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return undefined;
}

function isEmptyCollection(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length === 0 : Object.keys(v).filter((k) => (v as any)[k] !== undefined).length === 0);
}

function writeValueAfterKey(w: Writer, v: unknown, indent: number): void {
  if (Array.isArray(v) && v.length) {
    w.newline(indent);
    writeSequence(w, v, indent);
  } else if (v && typeof v === 'object' && !isEmptyCollection(v)) {
    w.newline(indent + 2);
    writeMapping(w, v as Record<string, unknown>, indent + 2);
  } else {
    w.write(' ');
    writeInline(w, v, indent + 2);
  }
}

/** A scalar or empty collection on the current line. */
function writeInline(w: Writer, v: unknown, indent: number): void {
  if (Array.isArray(v)) return w.write('[]');
  if (v && typeof v === 'object') return w.write('{}');
  const t = scalarText(v);
  if (t !== undefined) return w.write(t);
  writeString(w, String(v), indent, false);
}

function writeMapping(w: Writer, m: Record<string, unknown>, indent: number): void {
  sortedKeys(m).forEach((k, i) => {
    if (i > 0) w.newline(indent);
    writeString(w, k, indent, true);
    w.write(':');
    writeValueAfterKey(w, m[k], indent);
  });
}

function writeSequence(w: Writer, list: unknown[], indent: number): void {
  list.forEach((item, i) => {
    if (i > 0) w.newline(indent);
    w.write('-');
    if (Array.isArray(item) && item.length) {
      w.write(' ');
      writeSequence(w, item, indent + 2);
    } else if (item && typeof item === 'object' && !isEmptyCollection(item)) {
      w.write(' ');
      writeMapping(w, item as Record<string, unknown>, indent + 2);
    } else {
      w.write(' ');
      writeInline(w, item, indent + 2);
    }
  });
}

export function toYaml(v: unknown): string {
  const w = new Writer();
  if (Array.isArray(v) && v.length) writeSequence(w, v, 0);
  else if (v && typeof v === 'object' && !isEmptyCollection(v)) writeMapping(w, v as Record<string, unknown>, 0);
  else writeInline(w, v, 0);
  return w.text() + '\n';
}
