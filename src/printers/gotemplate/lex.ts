// Go's text/template lexer (text/template/parse/lex.go, Go 1.23): text and actions between
// {{ and }}, trim markers ("{{- " and " -}}" eat the white space beside them), comments, and the
// tokens inside an action. Errors are Go's texts; the parser adds "template: NAME:LINE: ".

export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'complex' | 'assign' | 'declare' | 'EOF' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space' | 'string'
  | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot', block: 'block', break: 'break', continue: 'continue', define: 'define', else: 'else', end: 'end',
  if: 'if', range: 'range', nil: 'nil', template: 'template', with: 'with',
};
const isKeyword = (t: ItemType) => ['block', 'break', 'continue', 'dot', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with'].includes(t);

const LEFT = '{{';
const RIGHT = '}}';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
const SPACE_CHARS = ' \t\r\n';

/** Go's item.String(), as the parser quotes items in its errors. */
export function itemString(i: Item): string {
  if (i.type === 'EOF') return 'EOF';
  if (i.type === 'error') return i.val;
  if (isKeyword(i.type)) return `<${i.val}>`;
  const q = goQuoteString(i.val);
  if ([...i.val].length > 10) return `${goQuoteString([...i.val].slice(0, 10).join('')).slice(0, -1)}"...`;
  return q;
}

/** strconv.Quote for the lexer's messages (ASCII printable kept, the rest escaped). */
export function goQuoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** %#U of a rune, as the lexer's errors write it. */
export function runeU(ch: string): string {
  const c = ch.codePointAt(0)!;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}

type State = (l: Lexer) => State | null;

export class Lexer {
  /** Where the scanner is, and where the item being scanned starts. */
  pos = 0;
  start = 0;
  depth = 0;
  private width = 0;
  private readonly items: Item[] = [];
  private done = false;

  constructor(readonly input: string) {}

  /** All items up to EOF or the first error. */
  static items(input: string): Item[] {
    const l = new Lexer(input);
    for (let state: State | null = lexText; state && !l.done; ) state = state(l);
    return l.items;
  }

  next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return '';
    }
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = ch.length;
    this.pos += ch.length;
    return ch;
  }
  backup(): void {
    this.pos -= this.width;
  }
  peek(): string {
    const c = this.next();
    this.backup();
    return c;
  }
  /** An item's line is the line it starts on. */
  private lineAt(p: number): number {
    return 1 + countNewlines(this.input.slice(0, p));
  }
  emit(type: ItemType): void {
    this.items.push({ type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.lineAt(this.start) });
    this.start = this.pos;
    if (type === 'EOF') this.done = true;
  }
  ignore(): void {
    this.start = this.pos;
  }
  errorf(message: string): null {
    this.items.push({ type: 'error', pos: this.start, val: message, line: this.lineAt(this.start) });
    this.done = true;
    return null;
  }
  accept(valid: string): boolean {
    const c = this.next();
    if (c && valid.includes(c)) return true;
    this.backup();
    return false;
  }
  acceptRun(valid: string): void {
    for (let c = this.next(); c && valid.includes(c); c = this.next());
    this.backup();
  }
  rest(): string {
    return this.input.slice(this.pos);
  }
  atRightDelim(): { delim: boolean; trim: boolean } {
    const rest = this.rest();
    if (rest.startsWith(RIGHT)) return { delim: true, trim: false };
    if (hasRightTrimMarker(rest) && rest.slice(2).startsWith(RIGHT)) return { delim: true, trim: true };
    return { delim: false, trim: false };
  }
  /** Whether what follows may end an identifier, field or variable. */
  atTerminator(): boolean {
    const r = this.peek();
    return r === '' || isSpace(r) || '.,|:)(='.includes(r) || r === RIGHT[0];
  }
}

const countNewlines = (s: string) => (s.match(/\n/g) ?? []).length;
const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === '-' && isSpace(s[1]);
const hasRightTrimMarker = (s: string) => s.length >= 2 && isSpace(s[0]) && s[1] === '-';
const trimLeftLength = (s: string) => s.length - s.replace(new RegExp(`^[${SPACE_CHARS}]+`), '').length;
const trimRightLength = (s: string) => s.length - s.replace(new RegExp(`[${SPACE_CHARS}]+$`), '').length;


function lexText(l: Lexer): State | null {
  const x = l.rest().indexOf(LEFT);
  if (x >= 0) {
    const at = l.pos + x;
    let trim = 0;
    if (hasLeftTrimMarker(l.input.slice(at + LEFT.length))) trim = trimRightLength(l.input.slice(l.start, at));
    l.pos = at - trim;
    if (l.pos > l.start) l.emit('text');
    l.pos = at;
    l.ignore();
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) l.emit('text');
  l.emit('EOF');
  return null;
}

function lexLeftDelim(l: Lexer): State | null {
  l.pos += LEFT.length;
  const trim = hasLeftTrimMarker(l.rest());
  const after = trim ? 2 : 0;
  if (l.rest().slice(after).startsWith('/*')) {
    l.pos += after;
    l.ignore();
    return lexComment;
  }
  l.emit('leftDelim');
  l.pos += after;
  l.ignore();
  l.depth = 0;
  return lexInsideAction;
}


function lexComment(l: Lexer): State | null {
  l.pos += 2;
  const x = l.rest().indexOf('*/');
  if (x < 0) return l.errorf('unclosed comment');
  l.pos += x + 2;
  const { delim, trim } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trim) l.pos += 2;
  l.pos += RIGHT.length;
  if (trim) l.pos += trimLeftLength(l.rest());
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): State | null {
  const { trim } = l.atRightDelim();
  if (trim) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  l.emit('rightDelim');
  if (trim) {
    l.pos += trimLeftLength(l.rest());
    l.ignore();
  }
  return lexText;
}

function lexInsideAction(l: Lexer): State | null {
  const { delim } = l.atRightDelim();
  if (delim) {
    if (l.depth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === '') return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  if (r === '=') {
    l.emit('assign');
    return lexInsideAction;
  }
  if (r === ':') {
    if (l.next() !== '=') return l.errorf('expected :=');
    l.emit('declare');
    return lexInsideAction;
  }
  if (r === '|') {
    l.emit('pipe');
    return lexInsideAction;
  }
  if (r === '"') return lexQuote;
  if (r === '`') return lexRawQuote;
  if (r === '$') return lexVariable;
  if (r === "'") return lexChar;
  if (r === '.') {
    const c = l.input[l.pos];
    if (l.pos < l.input.length && (c < '0' || c > '9')) return lexField;
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r === '(') {
    l.emit('leftParen');
    l.depth++;
    return lexInsideAction;
  }
  if (r === ')') {
    l.emit('rightParen');
    l.depth--;
    if (l.depth < 0) return l.errorf(`unexpected right paren ${runeU(r)}`);
    return lexInsideAction;
  }
  const c = r.codePointAt(0)!;
  if (c <= 0x7f && c >= 0x20 && c !== 0x7f) {
    l.emit('char');
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${runeU(r)}`);
}

function lexSpace(l: Lexer): State | null {
  let n = 0;
  while (isSpace(l.peek())) {
    l.next();
    n++;
  }
  // A trim-marked closing delimiter has a minus after a space.
  if (hasRightTrimMarker(l.input.slice(l.pos - 1)) && l.input.slice(l.pos - 1 + 2).startsWith(RIGHT)) {
    l.backup();
    if (n === 1) return lexRightDelim;
  }
  l.emit('space');
  return lexInsideAction;
}

function lexIdentifier(l: Lexer): State | null {
  for (;;) {
    const r = l.next();
    if (r && isAlphaNumeric(r)) continue;
    if (r) l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${runeU(r)}`);
    const kw = KEYWORDS[word];
    if (kw && kw !== 'dot') l.emit(kw);
    else if (word[0] === '.') l.emit('field');
    else if (word === 'true' || word === 'false') l.emit('bool');
    else l.emit('identifier');
    return lexInsideAction;
  }
}

const lexField = (l: Lexer) => lexFieldOrVariable(l, 'field');

function lexVariable(l: Lexer): State | null {
  if (l.atTerminator()) {
    l.emit('variable');
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, 'variable');
}

function lexFieldOrVariable(l: Lexer, type: 'field' | 'variable'): State | null {
  if (l.atTerminator()) {
    l.emit(type === 'variable' ? 'variable' : 'dot');
    return lexInsideAction;
  }
  let r = '';
  for (;;) {
    r = l.next();
    if (!r || !isAlphaNumeric(r)) {
      if (r) l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeU(r)}`);
  l.emit(type);
  return lexInsideAction;
}

function lexChar(l: Lexer): State | null {
  for (;;) {
    const r = l.next();
    if (r === '\\') {
      const n = l.next();
      if (n !== '' && n !== '\n') continue;
      return l.errorf('unterminated character constant');
    }
    if (r === '' || r === '\n') return l.errorf('unterminated character constant');
    if (r === "'") break;
  }
  l.emit('charConstant');
  return lexInsideAction;
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  const p = l.peek();
  if (p && isAlphaNumeric(p)) {
    l.next();
    return false;
  }
  return true;
}

function lexNumber(l: Lexer): State | null {
  const start = l.start;
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuoteString(l.input.slice(start, l.pos))}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${goQuoteString(l.input.slice(start, l.pos))}`);
    l.emit('complex');
  } else l.emit('number');
  return lexInsideAction;
}

function lexQuote(l: Lexer): State | null {
  for (;;) {
    const r = l.next();
    if (r === '\\') {
      const n = l.next();
      if (n !== '' && n !== '\n') continue;
      return l.errorf('unterminated quoted string');
    }
    if (r === '' || r === '\n') return l.errorf('unterminated quoted string');
    if (r === '"') break;
  }
  l.emit('string');
  return lexInsideAction;
}

function lexRawQuote(l: Lexer): State | null {
  for (;;) {
    const r = l.next();
    if (r === '') return l.errorf('unterminated raw quoted string');
    if (r === '`') break;
  }
  l.emit('rawString');
  return lexInsideAction;
}
