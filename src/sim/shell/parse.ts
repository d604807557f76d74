// A POSIX sh parser (the subset dash and busybox ash scripts in containers use): quoting, $-expansions,
// command substitution, arithmetic, here-documents, lists, pipelines and the compound commands.
// It appends nodes to a flat table (see ast.ts) and returns the index of the program's list.
import { literalOf, type Assign, type Node, type Part, type Redir, type Word } from './ast';

/** What went wrong, worded later per shell flavour (dash and ash say it differently). */
export type SyntaxProblem =
  | { kind: 'unexpected'; tok: string; expecting?: string }
  | { kind: 'eof'; expecting?: string }
  | { kind: 'missing-brace' }
  | { kind: 'unterminated' }
  | { kind: 'bad-subst' };

export class ShellSyntaxError extends Error {
  constructor(
    readonly problem: SyntaxProblem,
    readonly line: number,
  ) {
    super(`syntax error: ${problem.kind}`);
  }
}

type Token =
  | { k: 'word'; w: Word; raw: string; line: number }
  | { k: 'op'; v: string; line: number }
  | { k: 'io'; fd: number; line: number }
  | { k: 'nl'; line: number }
  | { k: 'eof'; line: number };

const OPS = ['&&', '||', ';;', '<<-', '<<', '>>', '<&', '>&', '<>', '>|', '&>>', '&>', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
/** Reserved words that end a list: met where they do not belong, the caller reports what it expected. */
const CLOSERS = ['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  quoted: boolean;
  strip: boolean;
}

class Parser {
  private peeked: Token | undefined;
  private heredocs: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    public pos: number,
    private readonly nodes: Node[],
    public line: number,
    private readonly bash: boolean,
  ) {}

  private add(n: Node): number {
    this.nodes.push(n);
    return this.nodes.length - 1;
  }

  // ---- lexer ----

  private peek(): Token {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private lex(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const line = this.line;
    if (this.pos >= s.length) return { k: 'eof', line };
    const c = s[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocBodies();
      return { k: 'nl', line };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        if ((op === '&>' || op === '&>>') && !this.bash) continue;
        this.pos += op.length;
        return { k: 'op', v: op, line };
      }
    }
    const digits = /^[0-9]+(?=[<>])/.exec(s.slice(this.pos, this.pos + 12));
    if (digits) {
      this.pos += digits[0].length;
      return { k: 'io', fd: Number(digits[0]), line };
    }
    const start = this.pos;
    const w = this.readParts((ch) => META.has(ch), false);
    return { k: 'word', w, raw: s.slice(start, this.pos), line };
  }

  /** Reads word parts until `stop` says so (unquoted context). */
  private readParts(stop: (c: string) => boolean, inBrace: boolean): Word {
    const s = this.src;
    const parts: Part[] = [];
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (stop(c)) break;
      if (c === '\\') {
        if (s[this.pos + 1] === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (this.pos + 1 >= s.length) {
          push(parts, { t: 'lit', v: '\\' });
          this.pos++;
          continue;
        }
        push(parts, { t: 'q', v: s[this.pos + 1] });
        this.pos += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError({ kind: 'unterminated' }, this.line);
        const v = s.slice(this.pos + 1, end);
        this.line += countNl(v);
        parts.push({ t: 'q', v });
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        parts.push({ t: 'dq', parts: this.readDq('"') });
      } else if (c === '$') {
        parts.push(this.readDollar());
      } else if (c === '`') {
        parts.push(this.readBackquote());
      } else {
        if (c === '\n') this.line++;
        push(parts, { t: 'lit', v: c });
        this.pos++;
      }
      if (inBrace && this.pos > s.length) break;
    }
    return parts;
  }

  /** Inside "…" (or a here-document when `close` is ''): only $, ` and \ are special. */
  private readDq(close: string): Part[] {
    const s = this.src;
    const parts: Part[] = [];
    for (;;) {
      if (this.pos >= s.length) {
        if (close) throw new ShellSyntaxError({ kind: 'unterminated' }, this.line);
        return parts;
      }
      const c = s[this.pos];
      if (close && c === close) {
        this.pos++;
        return parts;
      }
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n === '$' || n === '`' || n === '\\' || (close !== '' && n === close)) {
          push(parts, { t: 'q', v: n });
          this.pos += 2;
          continue;
        }
        push(parts, { t: 'q', v: '\\' });
        this.pos++;
      } else if (c === '$') {
        const p = this.readDollar();
        parts.push(p.t === 'lit' ? { t: 'q', v: p.v } : p);
      } else if (c === '`') {
        parts.push(this.readBackquote());
      } else {
        if (c === '\n') this.line++;
        push(parts, { t: 'q', v: c });
        this.pos++;
      }
    }
  }

  private readDollar(): Part {
    const s = this.src;
    const c = s[this.pos + 1];
    if (c === '(' && s[this.pos + 2] === '(') return this.readArith();
    if (c === '(') {
      this.pos += 2;
      const sub = new Parser(s, this.pos, this.nodes, this.line, this.bash);
      const n = sub.parseUntilClose();
      this.pos = sub.pos;
      this.line = sub.line;
      return { t: 'cmd', n };
    }
    if (c === '{') return this.readBrace();
    if (c !== undefined && /[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1))!;
      this.pos += 1 + m[0].length;
      return { t: 'param', name: m[0] };
    }
    if (c !== undefined && /[0-9@*#?$!\-]/.test(c)) {
      this.pos += 2;
      return { t: 'param', name: c };
    }
    this.pos++;
    return { t: 'lit', v: '$' };
  }

  private readBrace(): Part {
    const s = this.src;
    this.pos += 2;
    let len = false;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}' && /[A-Za-z_0-9@*#?$!\-]/.test(s[this.pos + 1] ?? '')) {
      len = true;
      this.pos++;
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!\-])/.exec(s.slice(this.pos));
    if (!m) {
      if (!s.includes('}', this.pos)) throw new ShellSyntaxError({ kind: 'missing-brace' }, this.line);
      throw new ShellSyntaxError({ kind: 'bad-subst' }, this.line);
    }
    const name = m[0];
    this.pos += name.length;
    if (s[this.pos] === '}') {
      this.pos++;
      return len ? { t: 'param', name, len: true } : { t: 'param', name };
    }
    if (len) throw new ShellSyntaxError({ kind: 'bad-subst' }, this.line);
    const op = /^(:[-=?+]|[-=?+]|##|#|%%|%)/.exec(s.slice(this.pos));
    if (!op) {
      if (!s.includes('}', this.pos)) throw new ShellSyntaxError({ kind: 'missing-brace' }, this.line);
      throw new ShellSyntaxError({ kind: 'bad-subst' }, this.line);
    }
    this.pos += op[0].length;
    const word = this.readParts((ch) => ch === '}', true);
    if (s[this.pos] !== '}') throw new ShellSyntaxError({ kind: 'missing-brace' }, this.line);
    this.pos++;
    return { t: 'param', name, op: op[0], word };
  }

  private readArith(): Part {
    const s = this.src;
    let depth = 0;
    let i = this.pos + 3;
    const start = i;
    for (; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (s[i] !== ')' || s[i + 1] !== ')') throw new ShellSyntaxError({ kind: 'eof', expecting: '))' }, this.line);
    const text = s.slice(start, i);
    const sub = new Parser(text, 0, this.nodes, this.line, this.bash);
    const expr = sub.readDq('');
    this.line += countNl(text);
    this.pos = i + 2;
    return { t: 'arith', expr };
  }

  private readBackquote(): Part {
    const s = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (; i < s.length && s[i] !== '`'; i++) {
      if (s[i] === '\\' && (s[i + 1] === '`' || s[i + 1] === '\\' || s[i + 1] === '$')) {
        inner += s[i + 1];
        i++;
      } else inner += s[i];
    }
    if (i >= s.length) throw new ShellSyntaxError({ kind: 'eof', expecting: '`' }, this.line);
    const sub = new Parser(inner, 0, this.nodes, this.line, this.bash);
    const n = sub.parseProgram();
    this.line += countNl(inner);
    this.pos = i + 1;
    return { t: 'cmd', n };
  }

  private readHeredocBodies(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      const s = this.src;
      let body = '';
      for (;;) {
        if (this.pos >= s.length) break;
        let end = s.indexOf('\n', this.pos);
        if (end < 0) end = s.length;
        let lineText = s.slice(this.pos, end);
        this.pos = Math.min(end + 1, s.length);
        this.line++;
        if (h.strip) lineText = lineText.replace(/^\t+/, '');
        if (lineText === h.delim) break;
        body += `${lineText}\n`;
      }
      if (h.quoted) h.redir.body = body ? [{ t: 'q', v: body }] : [];
      else {
        const sub = new Parser(body, 0, this.nodes, this.line, this.bash);
        h.redir.body = sub.readDq('');
      }
    }
  }

  // ---- grammar ----

  private fail(t: Token, expecting?: string): never {
    if (t.k === 'eof') throw new ShellSyntaxError({ kind: 'eof', expecting }, t.line);
    const tok = t.k === 'nl' ? 'newline' : t.k === 'op' ? t.v : t.k === 'io' ? String(t.fd) : t.raw;
    throw new ShellSyntaxError({ kind: 'unexpected', tok, expecting }, t.line);
  }

  private isWord(t: Token, v: string): boolean {
    return t.k === 'word' && t.raw === v && literalOf(t.w) === v;
  }

  private skipNewlines(): void {
    while (this.peek().k === 'nl') this.next();
  }

  parseProgram(): number {
    this.skipNewlines();
    const n = this.parseList([]);
    const t = this.peek();
    if (t.k !== 'eof') this.fail(t);
    return n;
  }

  /** The body of $( … ): a list, then the closing parenthesis. */
  parseUntilClose(): number {
    this.skipNewlines();
    const n = this.parseList([]);
    const t = this.next();
    if (!(t.k === 'op' && t.v === ')')) this.fail(t, ')');
    return n;
  }

  /** A compound list, ending before one of the reserved words in `end` (or `)`, `;;`, EOF). */
  private parseList(end: string[]): number {
    const items: { n: number; bg: boolean }[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.k === 'eof') break;
      if (t.k === 'op' && (t.v === ')' || t.v === ';;')) break;
      if (t.k === 'word' && (end.some((e) => this.isWord(t, e)) || CLOSERS.some((e) => this.isWord(t, e)))) break;
      const n = this.parseAndOr();
      const sep = this.peek();
      if (sep.k === 'op' && (sep.v === ';' || sep.v === '&')) {
        this.next();
        items.push({ n, bg: sep.v === '&' });
      } else if (sep.k === 'nl') {
        items.push({ n, bg: false });
      } else {
        items.push({ n, bg: false });
        break;
      }
    }
    return this.add({ t: 'list', items });
  }

  private parseAndOr(): number {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; n: number }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.v !== '&&' && t.v !== '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: t.v, n: this.parsePipeline() });
    }
    return rest.length ? this.add({ t: 'andor', first, rest }) : first;
  }

  private parsePipeline(): number {
    let bang = false;
    if (this.isWord(this.peek(), '!')) {
      this.next();
      bang = true;
    }
    const cmds = [this.parseCommand()];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || t.v !== '|') break;
      this.next();
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    return cmds.length > 1 || bang ? this.add({ t: 'pipe', cmds, bang }) : cmds[0];
  }

  private parseCommand(): number {
    const t = this.peek();
    if (t.k === 'op' && t.v === '(') {
      this.next();
      const body = this.parseList([]);
      this.expectOp(')');
      return this.add({ t: 'sub', body, redirs: this.parseRedirs() });
    }
    if (t.k === 'word') {
      const w = literalOf(t.w);
      switch (w) {
        case '{': {
          this.next();
          const body = this.parseList(['}']);
          this.expectWord('}');
          return this.add({ t: 'group', body, redirs: this.parseRedirs() });
        }
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until': {
          this.next();
          const cond = this.parseList(['do']);
          this.expectWord('do');
          const body = this.parseList(['done']);
          this.expectWord('done');
          return this.add({ t: 'loop', until: w === 'until', cond, body, redirs: this.parseRedirs() });
        }
        case 'for':
          return this.parseFor();
        case 'case':
          return this.parseCase();
        case 'then':
        case 'else':
        case 'elif':
        case 'fi':
        case 'do':
        case 'done':
        case 'esac':
        case '}':
        case 'in':
          this.fail(t);
      }
    }
    return this.parseSimple();
  }

  private expectOp(v: string): void {
    const t = this.next();
    if (!(t.k === 'op' && t.v === v)) this.fail(t, v);
  }

  private expectWord(v: string): void {
    this.skipNewlines();
    const t = this.next();
    if (!this.isWord(t, v)) this.fail(t, v);
  }

  private parseIf(): number {
    this.next();
    const clauses: { cond: number; body: number }[] = [];
    let els: number | null = null;
    for (;;) {
      const cond = this.parseList(['then']);
      this.expectWord('then');
      const body = this.parseList(['elif', 'else', 'fi']);
      clauses.push({ cond, body });
      this.skipNewlines();
      const t = this.next();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) {
        els = this.parseList(['fi']);
        this.expectWord('fi');
        break;
      }
      if (this.isWord(t, 'fi')) break;
      this.fail(t, 'fi');
    }
    return this.add({ t: 'if', clauses, else: els, redirs: this.parseRedirs() });
  }

  private parseFor(): number {
    this.next();
    const nt = this.next();
    if (nt.k !== 'word' || !NAME.test(nt.raw)) this.fail(nt);
    let words: Word[] | null = null;
    this.skipNewlines();
    if (this.isWord(this.peek(), 'in')) {
      this.next();
      words = [];
      for (;;) {
        const t = this.peek();
        if (t.k !== 'word') break;
        this.next();
        words.push(t.w);
      }
      const sep = this.peek();
      if (sep.k === 'op' && sep.v === ';') this.next();
      else if (sep.k !== 'nl') this.fail(sep, 'do');
    } else if (this.peek().k === 'op' && (this.peek() as { v: string }).v === ';') this.next();
    this.expectWord('do');
    const body = this.parseList(['done']);
    this.expectWord('done');
    return this.add({ t: 'for', name: nt.raw, words, body, redirs: this.parseRedirs() });
  }

  private parseCase(): number {
    this.next();
    const wt = this.next();
    if (wt.k !== 'word') this.fail(wt);
    this.skipNewlines();
    this.expectWord('in');
    const items: { pats: Word[]; body: number | null }[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (this.isWord(t, 'esac')) {
        this.next();
        break;
      }
      if (t.k === 'op' && t.v === '(') this.next();
      const pats: Word[] = [];
      for (;;) {
        t = this.next();
        if (t.k !== 'word') this.fail(t);
        pats.push(t.w);
        const sep = this.next();
        if (sep.k === 'op' && sep.v === '|') continue;
        if (sep.k === 'op' && sep.v === ')') break;
        this.fail(sep, ')');
      }
      const body = this.parseList(['esac']);
      items.push({ pats, body });
      this.skipNewlines();
      t = this.peek();
      if (t.k === 'op' && t.v === ';;') {
        this.next();
        continue;
      }
      if (this.isWord(t, 'esac')) {
        this.next();
        break;
      }
      this.fail(t, 'esac');
    }
    return this.add({ t: 'case', word: wt.w, items, redirs: this.parseRedirs() });
  }

  private parseRedirs(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      const r = this.tryRedir();
      if (!r) return out;
      out.push(r);
    }
  }

  private tryRedir(): Redir | undefined {
    let t = this.peek();
    let fd: number | undefined;
    if (t.k === 'io') {
      this.next();
      fd = t.fd;
      t = this.peek();
    }
    if (t.k !== 'op' || !['<', '>', '>>', '<&', '>&', '<>', '>|', '&>', '&>>', '<<', '<<-'].includes(t.v)) {
      if (fd !== undefined) this.fail(t);
      return undefined;
    }
    this.next();
    const op = t.v;
    const target = this.next();
    if (target.k !== 'word') this.fail(target);
    const redir: Redir = { fd: fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.w };
    if (op === '<<' || op === '<<-') {
      const quoted = target.w.some((p) => p.t !== 'lit');
      const delim = target.w.map((p) => (p.t === 'lit' || p.t === 'q' ? p.v : p.t === 'dq' ? p.parts.map((x) => ('v' in x ? x.v : '')).join('') : '')).join('');
      this.heredocs.push({ redir, delim, quoted, strip: op === '<<-' });
    }
    return redir;
  }

  private parseSimple(): number {
    const first = this.peek();
    const line = first.line;
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.tryRedir();
      if (r) {
        redirs.push(r);
        continue;
      }
      const t = this.peek();
      if (t.k !== 'word') break;
      if (!words.length) {
        const a = assignmentOf(t.w);
        if (a) {
          this.next();
          assigns.push(a);
          continue;
        }
      }
      this.next();
      words.push(t.w);
      if (words.length === 1 && !assigns.length && !redirs.length) {
        const p = this.peek();
        if (p.k === 'op' && p.v === '(') {
          this.next();
          this.expectOp(')');
          this.skipNewlines();
          const body = this.parseCommand();
          return this.add({ t: 'func', name: t.raw, body });
        }
      }
    }
    if (!words.length && !assigns.length && !redirs.length) this.fail(this.peek());
    return this.add({ t: 'simple', assigns, words, redirs, line });
  }
}

function push(parts: Part[], p: { t: 'lit' | 'q'; v: string }): void {
  const last = parts[parts.length - 1];
  if (last && last.t === p.t) last.v += p.v;
  else parts.push({ ...p });
}

function countNl(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}

function assignmentOf(w: Word): Assign | undefined {
  const first = w[0];
  if (!first || first.t !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
  if (!m) return undefined;
  const rest = first.v.slice(m[0].length);
  const value: Word = rest ? [{ t: 'lit', v: rest }, ...w.slice(1)] : w.slice(1);
  return { name: m[1], value };
}

/** Parses `src` into `nodes` (appending) and returns the program's list node. */
export function parseProgram(src: string, nodes: Node[], opts: { bash?: boolean; firstLine?: number } = {}): number {
  return new Parser(src, 0, nodes, opts.firstLine ?? 1, !!opts.bash).parseProgram();
}

export { RESERVED };
