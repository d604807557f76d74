// Go's text/template parser (text/template/parse/parse.go and node.go, Go 1.23): the parse
// tree, each node's String() (execution errors quote it), and the parser's error texts,
// "template: NAME:LINE: MESSAGE".
import { type Item, type ItemType, Lexer, itemString } from './lex';

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export type Node =
  | { type: 'list'; pos: number; nodes: Node[] }
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; line: number; pipe: PipeNode }
  | PipeNode
  | CommandNode
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Node; field: string[] }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | NumberNode
  | { type: 'string'; pos: number; quoted: string; text: string }
  | BranchNode
  | { type: 'template'; pos: number; line: number; name: string; pipe?: PipeNode }
  | { type: 'break' | 'continue'; pos: number; line: number }
  | { type: 'end' | 'else'; pos: number; line: number };

export interface PipeNode {
  type: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: { type: 'variable'; pos: number; ident: string[] }[];
  cmds: CommandNode[];
}

export interface CommandNode {
  type: 'command';
  pos: number;
  args: Node[];
}

export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isFloat: boolean;
  isUint: boolean;
  int: number;
  float: number;
  /** A character constant ('a'): an int32 rune. */
  isChar?: boolean;
}

export interface BranchNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  line: number;
  pipe: PipeNode;
  list: Node & { type: 'list' };
  elseList?: Node & { type: 'list' };
}

/** node.String(): the source a node stands for, as execution errors quote it. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return JSON.stringify(n.text);
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      let s = '';
      if (n.decl.length) s += n.decl.map((v) => v.ident.join('.')).join(', ') + (n.isAssign ? ' = ' : ' := ');
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((f) => '.' + f).join('');
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'template':
      return `{{template ${JSON.stringify(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break':
    case 'continue':
      return `{{${n.type}}}`;
    case 'end':
    case 'else':
      return `{{${n.type}}}`;
  }
}

/** strconv.Unquote for template strings: "..." with Go's escapes, or `raw`. */
export function unquote(s: string): string | undefined {
  if (s.startsWith('`')) return s.endsWith('`') && s.length >= 2 ? s.slice(1, -1) : undefined;
  if (s.length < 2 || s[0] !== s[s.length - 1]) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      if (c === s[0]) return undefined;
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (e in simple) {
      if ((e === "'" && s[0] === '"') || (e === '"' && s[0] === "'")) return undefined;
      out += simple[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) return undefined;
      const v = parseInt(hex, 16);
      out += e === 'x' ? String.fromCharCode(v) : String.fromCodePoint(v);
      i += n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  return out;
}

/** The functions a template may name (Go's builtins and kubectl's own). */
export const FUNCTION_NAMES = new Set([
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'exists', 'base64decode',
]);

export interface Parsed {
  root: Node & { type: 'list' };
  /** {{define}}d templates by name. */
  defined: Map<string, Node & { type: 'list' }>;
  text: string;
}

export class Parser {
  private readonly items: Item[];
  private at = 0;
  /** The last item read: errors report its line. */
  private token: Item;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  readonly defined = new Map<string, Node & { type: 'list' }>();

  constructor(
    readonly name: string,
    readonly text: string,
  ) {
    this.items = Lexer.items(text);
    this.token = this.items[0];
  }

  static parse(name: string, text: string): Parsed {
    const p = new Parser(name, text);
    return { root: p.parseRoot(), defined: p.defined, text };
  }

  private errorf(message: string): never {
    throw new TemplateError(`template: ${this.name}:${this.token.line}: ${message}`);
  }

  private next(): Item {
    this.token = this.items[Math.min(this.at, this.items.length - 1)];
    this.at++;
    return this.token;
  }
  private backup(n = 1): void {
    this.at -= n;
  }
  private peek(): Item {
    return this.items[Math.min(this.at, this.items.length - 1)];
  }
  private nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.type === 'space');
    return t;
  }
  /** Go's peekNonSpace: the spaces before the item stay consumed. */
  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }
  private expect(type: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }
  private unexpected(item: Item, context: string): never {
    if (item.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== item.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (item.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(item)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(item)} in ${context}`);
  }

  private parseRoot(): Node & { type: 'list' } {
    const root: Node & { type: 'list' } = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'EOF') {
      if (this.peek().type === 'leftDelim') {
        const before = this.at;
        this.next();
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition();
          continue;
        }
        this.at = before;
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.nextNonSpace();
    const name = this.templateName(nameTok, context);
    this.expect('rightDelim', context);
    this.definitionBody(name, context);
  }

  /** A definition's body, up to its {{end}}, with variables of its own. */
  private definitionBody(name: string, context: string): void {
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.vars = saved;
    this.defined.set(name, list);
  }

  private templateName(token: Item, context: string): string {
    if (token.type === 'string' || token.type === 'rawString') {
      const s = unquote(token.val);
      if (s === undefined) this.errorf(`invalid syntax`);
      return s;
    }
    this.unexpected(token, context);
  }

  private itemList(): [Node & { type: 'list' }, Node] {
    const list: Node & { type: 'list' } = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { type: 'text', pos: token.pos, text: token.val };
    if (token.type === 'leftDelim') {
      this.actionLine = token.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(token, 'input');
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue': {
        const t = this.nextNonSpace();
        if (t.type !== 'rightDelim') this.unexpected(t, `{{${token.type}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${token.type}}} outside {{range}}`);
        return { type: token.type, pos: token.pos, line: token.line };
      }
      case 'else': {
        const peek = this.peekNonSpace();
        if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos, line: peek.line };
        const t = this.expect('rightDelim', 'else');
        return { type: 'else', pos: t.pos, line: t.line };
      }
      case 'end': {
        const t = this.expect('rightDelim', 'end');
        return { type: 'end', pos: t.pos, line: t.line };
      }
      case 'if':
      case 'range':
      case 'with':
        return this.branch(token.type);
      case 'template': {
        const context = 'template clause';
        const nameTok = this.nextNonSpace();
        const name = this.templateName(nameTok, context);
        let pipe: PipeNode | undefined;
        if (this.nextNonSpace().type !== 'rightDelim') {
          this.backup();
          pipe = this.pipeline(context, 'rightDelim');
        }
        return { type: 'template', pos: nameTok.pos, line: nameTok.line, name, pipe };
      }
    }
    this.backup();
    const t = this.peek();
    return { type: 'action', pos: t.pos, line: t.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const nameTok = this.nextNonSpace();
    const name = this.templateName(nameTok, context);
    const pipe = this.pipeline(context, 'rightDelim');
    this.definitionBody(name, context);
    return { type: 'template', pos: nameTok.pos, line: nameTok.line, name, pipe };
  }

  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    const depth = this.vars.length;
    const pipe = this.pipeline(context, 'rightDelim');
    if (context === 'range') this.rangeDepth++;
    let [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: (Node & { type: 'list' }) | undefined;
    if (next.type === 'else') {
      if ((context === 'if' && this.peek().type === 'if') || (context === 'with' && this.peek().type === 'with')) {
        this.next();
        elseList = { type: 'list', pos: next.pos, nodes: [this.branch(context)] };
      } else {
        [elseList, next] = this.itemList();
        if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
      }
    }
    this.vars.length = depth;
    return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      this.nextNonSpace();
      const afterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().type;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (afterVariable.type === 'space') {
        this.at = this.items.indexOf(v);
      } else {
        this.at = this.items.indexOf(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        if (!pipe.cmds.length) this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
        });
        return pipe;
      }
      if (['bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(t.type)) {
        this.backup();
        pipe.cmds.push(this.command());
        continue;
      }
      this.unexpected(t, context);
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') this.backup();
      else if (t.type !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (!cmd.args.length) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== 'field') return node;
    const fields: string[] = [];
    const pos = this.peek().pos;
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, field: fields };
  }

  private term(): Node | undefined {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!FUNCTION_NAMES.has(t.val)) this.errorf(`function ${JSON.stringify(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        const name = t.val.split('.')[0];
        if (!this.vars.includes(name)) this.errorf(`undefined variable ${JSON.stringify(name)}`);
        return { type: 'variable', pos: t.pos, ident: t.val.split('.') };
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.number(t);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquote(t.val);
        if (s === undefined) this.errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
    }
    this.backup();
    return undefined;
  }

  /** parse.NumberNode: which of int, uint and float the text can be. */
  private number(t: Item): NumberNode {
    const n: NumberNode = { type: 'number', pos: t.pos, text: t.val, isInt: false, isFloat: false, isUint: false, int: 0, float: 0 };
    if (t.type === 'charConstant') {
      const s = unquote(t.val);
      if (s === undefined || [...s].length !== 1) this.errorf(`malformed character constant: ${t.val}`);
      const c = s.codePointAt(0)!;
      return { ...n, isInt: true, isUint: true, isFloat: true, int: c, float: c, isChar: true };
    }
    if (t.type === 'complex') this.errorf(`complex numbers are not supported: ${t.val}`);
    const text = t.val.replaceAll('_', '');
    const intValue = parseGoInt(text);
    if (intValue !== undefined) {
      n.isInt = true;
      n.int = intValue;
      n.isUint = intValue >= 0;
      n.isFloat = true;
      n.float = intValue;
    } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
      // A float; one with an integral value is an int too (1e3), as parse.NumberNode has it.
      if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${JSON.stringify(t.val)}`);
      n.isFloat = true;
      n.float = Number(text);
      if (Number.isSafeInteger(n.float)) {
        n.isInt = true;
        n.int = n.float;
        n.isUint = n.float >= 0;
      }
    }
    if (!n.isInt && !n.isFloat && !n.isUint) this.errorf(`illegal number syntax: ${JSON.stringify(t.val)}`);
    return n;
  }
}

/** strconv.ParseInt(text, 0, 64) within JavaScript's safe integers. */
function parseGoInt(text: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9]\d*)$/.exec(text);
  if (!m) return undefined;
  const body = m[2];
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body[0] === '0') v = parseInt(body.slice(1), 8);
  else v = Number(body);
  return m[1] === '-' ? -v : v;
}
