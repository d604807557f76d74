// The template syntax of client-go's jsonpath parser (parser.go): text outside braces, actions
// inside. Its quirks are kept because kubectl users meet them: ['a.b'] is re-parsed as .a.b,
// unions and filters are parsed by re-entering the parser on a slice of the text, [] means [0],
// and the error texts are client-go's word for word.
import { JsonPathError } from './errors';
import { formatRuneU } from './gofmt';
import { type JsonPathNode, type JsonPathTemplate, type ListNode, type SliceParam, list } from './nodes';
import { unquoteExtend } from './unquote';

const EOF = -1;
const ch = (c: string) => c.charCodeAt(0);

const isSpace = (r: number) => r === ch(' ') || r === ch('\t');
const isEndOfLine = (r: number) => r === ch('\r') || r === ch('\n');
/** unicode.IsDigit: any decimal digit, not only ASCII. */
const isDigit = (r: number) => r >= 0 && /^\p{Nd}$/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number) => r === ch('_') || (r >= 0 && /^[\p{L}\p{Nd}]$/u.test(String.fromCodePoint(r)));
/** What may end a field name or identifier. */
function isTerminator(r: number): boolean {
  return r === EOF || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(String.fromCodePoint(r));
}

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
/** left, operator, right of a comparison filter; anything else is an existence test. */
const COMPARISON = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;

/** strconv.Atoi on a 64-bit platform: an optional sign, ASCII digits, within int64. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n < -(2n ** 63n) || n >= 2n ** 63n) return undefined;
  return Number(n);
}

/** strconv.ParseFloat for the characters a number token can hold (sign, digits, dots). */
function parseFloat64(s: string): number | undefined {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

function fail(message: string): never {
  throw new JsonPathError(message);
}

class Parser {
  readonly root = list();
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): ListNode {
    for (;;) {
      while (!this.input.startsWith('{', this.pos)) {
        if (this.next() === EOF) {
          if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
          return this.root;
        }
      }
      if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
      this.pos += 1;
      this.consumeText();
      const action = list();
      this.root.nodes.push(action);
      this.parseInsideAction(action);
    }
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  /** Parses steps until the closing brace, which it consumes. */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('}', this.pos)) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (this.input.startsWith('[?(', this.pos)) {
        this.parseFilter(cur);
        continue;
      }
      if (this.input.startsWith('..', this.pos)) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) fail('unclosed action');
      if (r === ch(' ') || r === ch('@') || r === ch('$')) this.consumeText();
      else if (r === ch('[')) this.parseArray(cur);
      else if (r === ch('"') || r === ch("'")) this.parseQuote(cur, r);
      else if (r === ch('.')) this.parseField(cur);
      else if (r === ch('+') || r === ch('-') || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else fail(`unrecognized character in action: ${formatRuneU(r)}`);
    }
  }

  /** Keywords (range, end), and true/false, which become literals. */
  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') fail('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const sign = this.peek();
    if (sign === ch('+') || sign === ch('-')) this.next();
    for (;;) {
      const r = this.next();
      if (r !== ch('.') && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const int = atoi(value);
    if (int !== undefined) {
      cur.nodes.push({ type: 'int', value: int });
      return;
    }
    const float = parseFloat64(value);
    if (float === undefined) fail(`cannot parse number ${value}`);
    cur.nodes.push({ type: 'float', value: float });
  }

  /** [...]: a union, a quoted key, or an index/slice. */
  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === ch('\n')) fail('unterminated array');
      if (r === ch(']')) break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const branches = parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', branches });
      return;
    }

    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return;
    }

    const slice = SLICE.exec(text);
    if (!slice) fail(`invalid array index ${text}`);
    const unknown = (): SliceParam => ({ value: 0, known: false, derived: false });
    const params: [SliceParam, SliceParam, SliceParam] = [unknown(), unknown(), unknown()];
    for (let i = 0; i < 3; i++) {
      let part = slice[i + 1] ?? '';
      if (part === '') {
        // [n] is [n:n+1]; an omitted start or step is unknown.
        if (i === 1) params[1] = { value: params[0].value + 1, known: true, derived: true };
        continue;
      }
      if (i > 0) part = part.slice(1);
      if (i > 0 && part === '') continue;
      const n = atoi(part);
      if (n === undefined) fail(`array index ${part} is not a number`);
      params[i] = { value: n, known: true, derived: false };
    }
    cur.nodes.push({ type: 'array', params });
  }

  /** [?(left op right)] or [?(path)]; a quoted right side may hold a ')'. */
  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === ch('\n')) fail('unterminated filter');
      if (r === ch('"') || r === ch("'")) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ch(')') && begin === end) break;
    }
    if (this.next() !== ch(']')) fail('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const parts = COMPARISON.exec(text);
    if (!parts) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: list(), operator: 'exists' });
      return;
    }
    const left = parseAction(parts[1]);
    const right = parseAction(parts[3]);
    cur.nodes.push({ type: 'filter', left, right, operator: parts[2] });
  }

  private parseQuote(cur: ListNode, quote: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === ch('\n')) fail('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let text: string;
    try {
      text = unquoteExtend(value);
    } catch (e) {
      fail(`unquote string ${value} error ${(e as Error).message}`);
    }
    cur.nodes.push({ type: 'text', text });
  }

  /** .name up to the next unescaped terminator; backslashes are then dropped. */
  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === ch('\\')) this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** Parses a piece of an action (a union branch, a filter side) as the action `{text}`. */
function parseAction(text: string): ListNode {
  return new Parser(`{${text}}`).parse().nodes[0] as ListNode;
}

/** Parses a template; throws JsonPathError with client-go's message. */
export function parseJsonPath(template: string): JsonPathTemplate {
  const nodes: readonly JsonPathNode[] = new Parser(template).parse().nodes;
  return { source: template, nodes };
}
