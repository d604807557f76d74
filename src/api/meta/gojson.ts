// JSON read the way Go's encoding/json reads it, for its error messages: a stream of values as
// json.Decoder reads them ("json: offset N: invalid character ..." or "unexpected EOF", as
// kubectl's "error parsing x.json: ..." shows), or one document as json.Unmarshal reads it
// ("invalid character ...", "unexpected end of JSON input", as the API server reports a bad
// request body). Go's scanner refuses nesting deeper than 10000; we refuse what is deeper than
// pocketkube reads (api/meta/nesting.ts) before anything recurses into it.
import { MAX_NESTING, NestingError } from './nesting';

/** A syntax error at a byte offset (counted from 1, as Go's SyntaxError.Offset is). */
export class GoJsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Input that ended inside a value. */
export class GoJsonEndError extends Error {}

type Step = (c: string) => Step | undefined;

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };

/**
 * encoding/json's quoteChar of the byte at fault: Go reads one byte, so a multi-byte character
 * shows as its first byte taken as a code point.
 */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const code = c.charCodeAt(0);
  if (code >= 0x80) return `'${String.fromCharCode(new TextEncoder().encode(c)[0])}'`;
  if (code < 0x20 || code === 0x7f) return `'${GO_ESCAPES[c] ?? '\\x' + code.toString(16).padStart(2, '0')}'`;
  return `'${GO_ESCAPES[c] ?? c}'`;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c);

/** encoding/json's maxNestingDepth. */
const GO_MAX_DEPTH = 10000;

/** What a scan learns of one value besides where it ends. */
export interface ScannedValue {
  end: number;
  /** How deeply its arrays and objects nest. */
  depth: number;
  /** The first number literal too large for a float64 (Go decodes it into no interface{}). */
  overflow?: string;
}

/**
 * Scans one value starting at `from` (after any whitespace). Offsets in errors count UTF-8 bytes
 * from the start of the stream, as Go's do.
 */
function scanValue(text: string, from: number): ScannedValue {
  const stack: ('object-key' | 'object-value' | 'array')[] = [];
  let failure: string | undefined;
  let depth = 0;
  let numberStart = -1;
  let overflow: string | undefined;
  let i = from;
  const fail = (c: string, context: string): undefined => {
    failure = `invalid character ${quoteChar(c)} ${context}`;
    return undefined;
  };
  const push = (c: string, state: 'object-key' | 'array', next: Step): Step | undefined => {
    stack.push(state);
    if (stack.length > GO_MAX_DEPTH) return fail(c, 'exceeded max depth');
    if (stack.length > depth) depth = stack.length;
    return next;
  };

  // After a complete value: what the enclosing container allows next.
  const endValue: Step = (c) => {
    const top = stack[stack.length - 1];
    if (top === undefined) return undefined; // the value is complete
    if (isSpace(c)) return endValue;
    if (top === 'object-key') {
      if (c === ':') {
        stack[stack.length - 1] = 'object-value';
        return beginValue;
      }
      return fail(c, 'after object key');
    }
    if (top === 'object-value') {
      if (c === ',') {
        stack[stack.length - 1] = 'object-key';
        return beginString;
      }
      if (c === '}') return close();
      return fail(c, 'after object key:value pair');
    }
    if (c === ',') return beginValue;
    if (c === ']') return close();
    return fail(c, 'after array element');
  };
  const done: Step = () => undefined;
  // A container ends: what follows is its parent's business, or the value is complete.
  const close = (): Step => {
    stack.pop();
    return stack.length ? endValue : done;
  };
  const afterValue = (next: Step | undefined): Step => (stack.length ? (next ?? endValue) : done);

  const literal = (word: string, i: number): Step => (c) => {
    if (c !== word[i]) return fail(c, `in literal ${word} (expecting ${quoteChar(word[i])})`);
    return i + 1 === word.length ? afterValue(endValue) : literal(word, i + 1);
  };
  const inString: Step = (c) => {
    if (c === '"') return afterValue(endValue);
    if (c === '\\') return inEscape;
    if (c < ' ') return fail(c, 'in string literal');
    return inString;
  };
  const inEscape: Step = (c) => {
    if ('bfnrt\\/"'.includes(c)) return inString;
    if (c === 'u') return hex(0);
    return fail(c, 'in string escape code');
  };
  const hex = (n: number): Step => (c) => {
    if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape');
    return n === 3 ? inString : hex(n + 1);
  };
  // Numbers end at the first character that cannot continue them; that character is then
  // read as what follows the value.
  const endNumber = (c: string): Step | undefined => {
    numberEnded(i);
    return stack.length ? endValue(c) : undefined;
  };
  const numberEnded = (end: number) => {
    if (overflow === undefined && !Number.isFinite(Number(text.slice(numberStart, end)))) overflow = text.slice(numberStart, end);
  };
  const neg: Step = (c) => (c === '0' ? zero : c >= '1' && c <= '9' ? digits : fail(c, 'in numeric literal'));
  const digits: Step = (c) => (isDigit(c) ? digits : zero(c));
  const zero: Step = (c) => (c === '.' ? dot : c === 'e' || c === 'E' ? exp : endNumber(c));
  const dot: Step = (c) => (isDigit(c) ? fraction : fail(c, 'after decimal point in numeric literal'));
  const fraction: Step = (c) => (isDigit(c) ? fraction : c === 'e' || c === 'E' ? exp : endNumber(c));
  const exp: Step = (c) => (c === '+' || c === '-' ? expSign : expSign(c));
  const expSign: Step = (c) => (isDigit(c) ? expDigits : fail(c, 'in exponent of numeric literal'));
  const expDigits: Step = (c) => (isDigit(c) ? expDigits : endNumber(c));

  const beginValue: Step = (c) => {
    if (isSpace(c)) return beginValue;
    switch (c) {
      case '{':
        return push(c, 'object-key', beginStringOrEmpty);
      case '[':
        return push(c, 'array', beginValueOrEmpty);
      case '"':
        return inString;
      case '-':
        numberStart = i;
        return neg;
      case '0':
        numberStart = i;
        return zero;
      case 't':
        return literal('true', 1);
      case 'f':
        return literal('false', 1);
      case 'n':
        return literal('null', 1);
    }
    if (c >= '1' && c <= '9') {
      numberStart = i;
      return digits;
    }
    return fail(c, 'looking for beginning of value');
  };
  const beginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return beginValueOrEmpty;
    if (c === ']') return close();
    return beginValue(c);
  };
  const beginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return beginStringOrEmpty;
    if (c === '}') return close();
    return beginString(c);
  };
  const beginString: Step = (c) => {
    if (isSpace(c)) return beginString;
    if (c === '"') return inString;
    return fail(c, 'looking for beginning of object key string');
  };

  let step: Step | undefined = beginValue;
  const result = () => ({ end: i, depth, overflow });
  for (; i < text.length; i++) {
    if (step === done) return result();
    const c = text[i];
    const next: Step | undefined = step(c);
    if (failure) throw new GoJsonSyntaxError(failure, byteOffset(text, i) + 1);
    if (next === undefined) return result(); // a number ended at this character
    step = next;
  }
  const endedInNumber = !stack.length && (step === digits || step === zero || step === fraction || step === expDigits);
  if (endedInNumber) numberEnded(i);
  if (step === done || endedInNumber) return result();
  throw new GoJsonEndError('unexpected end of input');
}

function byteOffset(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}

/** One value of a JSON stream: its text and what scanning it found. */
export interface JsonValueText {
  text: string;
  /** Where it starts in the stream, in UTF-16 units. */
  offset: number;
  depth: number;
  overflow?: string;
}

/** Splits a JSON stream into its values, with json.Decoder's errors. */
export function jsonValueTexts(text: string): JsonValueText[] {
  const out: JsonValueText[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) return out;
    let scanned: ScannedValue;
    try {
      scanned = scanValue(text, i);
    } catch (e) {
      if (e instanceof GoJsonSyntaxError) throw new Error(`json: offset ${e.offset}: ${e.message}`);
      if (e instanceof GoJsonEndError) throw new Error('unexpected EOF');
      throw e;
    }
    out.push({ text: text.slice(i, scanned.end), offset: i, depth: scanned.depth, overflow: scanned.overflow });
    i = scanned.end;
  }
}

/** json.Unmarshal's error for a number no float64 holds, decoding into interface{}. */
export function overflowText(literal: string): string {
  return `json: cannot unmarshal number ${literal} into Go value of type float64`;
}

/**
 * Parses one JSON document as json.Unmarshal does into interface{}; on bad input throws with its
 * message. Nesting deeper than pocketkube reads is refused with nesting.ts's words.
 */
export function parseGoJson(text: string): unknown {
  let i = 0;
  while (i < text.length && isSpace(text[i])) i++;
  let scanned: ScannedValue;
  try {
    if (i >= text.length) throw new GoJsonEndError('');
    scanned = scanValue(text, i);
    let end = scanned.end;
    while (end < text.length && isSpace(text[end])) end++;
    if (end < text.length) throw new GoJsonSyntaxError(`invalid character ${quoteChar(text[end])} after top-level value`, byteOffset(text, end) + 1);
  } catch (e) {
    if (e instanceof GoJsonSyntaxError) throw new Error(e.message);
    if (e instanceof GoJsonEndError) throw new Error('unexpected end of JSON input');
    throw e;
  }
  if (scanned.depth > MAX_NESTING) throw new NestingError();
  if (scanned.overflow !== undefined) throw new Error(overflowText(scanned.overflow));
  return JSON.parse(text);
}
