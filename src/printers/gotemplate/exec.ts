// Go's text/template execution (text/template/exec.go and funcs.go, Go 1.23) over the JSON an
// object decodes to, with kubectl's two extra functions (exists, base64decode). Errors are Go's:
// "template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE".
import { base64Error } from '../../api/meta/base64';
import { sprint, sprintValue, sprintf, sprintln } from './fmt';
import { type BranchNode, type CommandNode, type Node, type NumberNode, type Parsed, type PipeNode, TemplateError, nodeString } from './parse';
import { GoNumber, isMap, isTrue, kindOf, numberOf, sortedKeys, typeName } from './values';

class ExecError extends TemplateError {}

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/** What a missing map key gives: nothing (<no value>), or an error (--allow-missing-template-keys=false). */
export type MissingKey = 'default' | 'error';

const int = (n: number) => new GoNumber('int', n);

/** The basic kinds the comparison functions know. */
function basicKind(v: unknown): 'bool' | 'int' | 'uint' | 'float' | 'string' | 'invalid' {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

/** indirectInterface: a nil interface{} is no value at all. */
const unbox = (v: unknown) => (v === null ? undefined : v);

export class Executor {
  private out = '';
  private node: Node | undefined;
  private vars: { name: string; value: unknown }[] = [];

  constructor(
    private readonly tmpl: Parsed,
    private readonly name: string,
    private readonly missingKey: MissingKey,
    private readonly root: unknown,
  ) {}

  /** The text the template writes, and the error that stopped it (with what was written before). */
  run(): { text: string; error?: TemplateError } {
    this.vars = [{ name: '$', value: this.root }];
    try {
      this.walk(this.root, this.tmpl.root);
      return { text: this.out };
    } catch (e) {
      if (e instanceof TemplateError) return { text: this.out, error: e };
      throw e;
    }
  }

  private at(node: Node): void {
    this.node = node;
  }

  private errorf(message: string): never {
    const node = this.node;
    if (!node) throw new ExecError(`template: ${this.name}: ${message}`);
    const before = this.tmpl.text.slice(0, node.pos);
    const nl = before.lastIndexOf('\n');
    const col = nl < 0 ? node.pos : node.pos - (nl + 1);
    const line = 1 + (before.match(/\n/g) ?? []).length;
    const context = nodeString(node);
    throw new ExecError(`template: ${this.name}:${line}:${col}: executing "${this.name}" at <${context}>: ${message}`);
  }

  // ---- walking the tree ----------------------------------------------------------------------

  private walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (!node.pipe.decl.length) this.printValue(node, value);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template': {
        const list = this.tmpl.defined.get(node.name);
        if (!list) this.errorf(`template ${JSON.stringify(node.name)} not defined`);
        const newDot = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
        const saved = this.vars;
        this.vars = [{ name: '$', value: newDot }];
        try {
          this.walk(newDot, list);
        } finally {
          this.vars = saved;
        }
        return;
      }
      case 'text':
        this.out += node.text;
        return;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  private walkIfOrWith(dot: unknown, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const value = this.evalPipeline(dot, node.pipe);
      if (isTrue(unbox(value))) {
        if (node.type === 'with') this.walk(value, node.list);
        else this.walk(dot, node.list);
      } else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, node: BranchNode): void {
    this.at(node);
    const mark = this.vars.length;
    try {
      const value = unbox(this.evalPipeline(dot, node.pipe));
      const inner = this.vars.length;
      const decl = node.pipe.decl;
      const one = (index: unknown, elem: unknown): boolean => {
        // One variable is the element; two are the index and the element (the pipeline declared or found them).
        if (decl.length === 1) this.setVar(decl[0].ident[0], elem);
        if (decl.length === 2) {
          this.setVar(decl[0].ident[0], index);
          this.setVar(decl[1].ident[0], elem);
        }
        try {
          this.walk(elem, node.list);
        } catch (e) {
          if (e === BREAK) return false;
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = inner;
        }
        return true;
      };
      switch (kindOf(value)) {
        case 'slice': {
          const items = value as unknown[];
          if (!items.length) break;
          for (let i = 0; i < items.length; i++) if (!one(int(i), items[i] === undefined ? null : items[i])) break;
          return;
        }
        case 'map': {
          const m = value as Record<string, unknown>;
          const keys = sortedKeys(m);
          if (!keys.length) break;
          for (const k of keys) if (!one(k, m[k])) break;
          return;
        }
        case 'invalid':
          break;
        default:
          this.at(node.pipe.cmds[0]?.args[0] ?? node);
          this.errorf(`range can't iterate over ${sprintValue(value)}`);
      }
      if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  /** Sets the innermost variable of that name. */
  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i].name === name) {
        this.vars[i] = { name, value };
        return;
      }
    this.errorf(`undefined variable: ${name}`);
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    this.out += v === undefined ? '<no value>' : typeof v === 'string' ? v : sprintValue(v);
  }

  // ---- evaluation ----------------------------------------------------------------------------

  private evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe);
    let value: unknown = undefined;
    let final = false;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value, final);
      final = true;
      // An interface{} holding nil is no value once it leaves a pipeline stage.
      if (value === null) value = undefined;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown, hasFinal: boolean): unknown {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final, hasFinal);
      case 'chain': {
        this.at(first);
        if (!first.field.length) this.errorf('internal error: no fields in evalChainNode');
        const pipe = first.node.type === 'pipe' ? this.evalPipeline(dot, first.node) : this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, pipe, first, first.field, cmd.args, final, hasFinal);
      }
      case 'identifier':
        return this.evalFunction(dot, first.ident, cmd, cmd.args, final, hasFinal);
      case 'pipe':
        this.notAFunction(cmd.args, hasFinal);
        return this.evalPipeline(dot, first);
      case 'variable': {
        this.at(first);
        const value = this.variable(first.ident[0]);
        if (first.ident.length === 1) {
          this.notAFunction(cmd.args, hasFinal);
          return value;
        }
        return this.evalFieldChain(dot, value, first, first.ident.slice(1), cmd.args, final, hasFinal);
      }
    }
    this.at(first);
    this.notAFunction(cmd.args, hasFinal);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  private notAFunction(args: Node[], hasFinal: boolean): void {
    if (args.length > 1 || hasFinal) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private variable(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  private idealConstant(n: NumberNode): unknown {
    this.at(n);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.isChar && /[.eEpP]/.test(n.text)) return new GoNumber('float64', n.float);
    if (n.isInt) return n.isChar ? new GoNumber('int32', n.int) : int(n.int);
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  private evalFieldChain(dot: unknown, receiver: unknown, node: Node, ident: string[], args: Node[], final: unknown, hasFinal: boolean): unknown {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(ident[i], [], false, receiver, dot);
    return this.evalField(ident[ident.length - 1], args, hasFinal, receiver, dot);
  }

  private evalField(field: string, args: Node[], hasFinal: boolean, receiver: unknown, dot: unknown): unknown {
    if (receiver === undefined) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${JSON.stringify(field)}`);
      return undefined;
    }
    // The object itself is a map[string]interface{}; what was read out of one is an interface{}.
    const type = receiver === this.root ? 'map[string]interface {}' : 'interface {}';
    if (receiver === null) this.errorf(`nil pointer evaluating ${type}.${field}`);
    if (isMap(receiver)) {
      if (args.length > 1 || hasFinal) this.errorf(`${field} is not a method but has arguments`);
      const value = Object.prototype.hasOwnProperty.call(receiver, field) ? receiver[field] : undefined;
      if (value === undefined && this.missingKey === 'error') this.errorf(`map has no entry for key ${JSON.stringify(field)}`);
      return value;
    }
    void dot;
    this.errorf(`can't evaluate field ${field} in type ${receiver === this.root ? typeName(receiver) : type}`);
  }

  /** An argument: a node evaluated where a function takes any value. */
  private evalArg(dot: unknown, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(dot, dot, n, n.ident, [n], undefined, false);
      case 'variable': {
        const v = this.variable(n.ident[0]);
        return n.ident.length === 1 ? v : this.evalFieldChain(dot, v, n, n.ident.slice(1), [n], undefined, false);
      }
      case 'pipe':
        return this.evalPipeline(dot, n);
      case 'identifier':
        return this.evalFunction(dot, n.ident, n, [n], undefined, false);
      case 'chain': {
        const v = n.node.type === 'pipe' ? this.evalPipeline(dot, n.node) : this.evalArg(dot, n.node);
        return this.evalFieldChain(dot, v, n, n.field, [n], undefined, false);
      }
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle ${nodeString(n)} for arg`);
  }

  /** An argument where the function wants a string (printf's format, base64decode's input). */
  private evalStringArg(dot: unknown, n: Node): string {
    const v = this.evalArg(dot, n);
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) this.errorf('invalid value; expected string');
    this.errorf(`wrong type for value; expected string; got ${typeName(v)}`);
  }

  private evalFunction(dot: unknown, name: string, cmd: Node, args: Node[], final: unknown, hasFinal: boolean): unknown {
    this.at(args[0]);
    const rest = args.slice(1);
    const argCount = rest.length + (hasFinal ? 1 : 0);
    const values = (): unknown[] => {
      const vs = rest.map((a) => this.evalArg(dot, a));
      if (hasFinal) vs.push(final);
      return vs;
    };
    // Functions of ...any get a nil interface for no value (reflect.Zero of interface{}).
    const anyValues = () => values().map((v) => (v === undefined ? null : v));
    const want = (n: number, atLeast = false) => {
      if (atLeast ? argCount < n : argCount !== n) this.errorf(`wrong number of args for ${name}: want ${atLeast ? 'at least ' : ''}${n} got ${argCount}`);
    };
    const call = (f: () => unknown): unknown => {
      try {
        return f();
      } catch (e) {
        if (e instanceof CallError) {
          this.at(cmd);
          this.errorf(`error calling ${name}: ${e.message}`);
        }
        throw e;
      }
    };
    switch (name) {
      case 'and':
      case 'or': {
        want(1, true);
        let v: unknown;
        for (let i = 0; i < argCount; i++) {
          v = i < rest.length ? this.evalArg(dot, rest[i]) : final;
          if (isTrue(unbox(v)) === (name === 'or')) return v;
        }
        return v;
      }
      case 'not':
        want(1);
        return !isTrue(unbox(values()[0]));
      case 'len':
        want(1);
        return call(() => length(values()[0]));
      case 'index': {
        want(1, true);
        const [item, ...indexes] = values();
        return call(() => indexOf(item, indexes));
      }
      case 'slice': {
        want(1, true);
        const [item, ...indexes] = values();
        return call(() => sliceOf(item, indexes));
      }
      case 'print':
        return sprint(anyValues());
      case 'println':
        return sprintln(anyValues());
      case 'printf': {
        want(1, true);
        const format = rest.length ? this.evalStringArg(dot, rest[0]) : (final as string);
        return sprintf(format, anyValues().slice(1));
      }
      case 'html':
        return htmlEscape(evalArgsText(anyValues()));
      case 'js':
        return jsEscape(evalArgsText(anyValues()));
      case 'urlquery':
        return encodeURIComponent(evalArgsText(anyValues())).replace(/%20/g, '+').replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      case 'call': {
        want(1, true);
        const fn = values()[0];
        return call(() => {
          if (fn === undefined || fn === null) throw new CallError('call of nil');
          throw new CallError(`non-function ${nodeString(rest[0] ?? args[0])} of type ${typeName(fn)}`);
        });
      }
      case 'eq':
      case 'ne':
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        if (name === 'eq') want(1, true);
        else want(2);
        const [a, ...bs] = values();
        return call(() => compare(name, a, bs));
      }
      case 'exists': {
        want(1, true);
        const [item, ...indices] = anyValues();
        return exists(item, indices);
      }
      case 'base64decode': {
        want(1);
        const text = rest.length ? this.evalStringArg(dot, rest[0]) : (final as string);
        return call(() => {
          const bad = base64Error(text);
          if (bad) throw new CallError(`base64 decode failed: ${bad}`);
          return Buffer.from(text, 'base64').toString('utf8');
        });
      }
    }
    this.errorf(`${JSON.stringify(name)} is not a defined function`);
  }
}

/** An error a function returns: the executor words it "error calling NAME: ...". */
class CallError extends Error {}

const ZERO_VALUE = 'reflect: call of reflect.Value.Type on zero Value';

function length(v: unknown): GoNumber {
  if (v === undefined) throw new CallError(ZERO_VALUE);
  if (v === null) throw new CallError('len of nil pointer');
  if (typeof v === 'string') return int(Buffer.byteLength(v, 'utf8'));
  if (Array.isArray(v)) return int(v.length);
  if (isMap(v)) return int(sortedKeys(v).length);
  throw new CallError(`len of type ${typeName(v)}`);
}

function indexArg(i: unknown, cap: number): number {
  const k = kindOf(i);
  if (k === 'int' || k === 'uint') {
    const x = numberOf(i);
    if (x < 0 || x >= cap) throw new CallError(`index out of range: ${x}`);
    return x;
  }
  if (k === 'invalid' || k === 'nil') throw new CallError('cannot index slice/array with nil');
  throw new CallError(`cannot index slice/array with type ${typeName(i)}`);
}

function indexOf(item: unknown, indexes: unknown[]): unknown {
  item = unbox(item);
  if (item === undefined) throw new CallError('index of untyped nil');
  for (let index of indexes) {
    index = unbox(index);
    if (item === null) throw new CallError('index of nil pointer');
    if (typeof item === 'string') {
      const bytes = Buffer.from(item, 'utf8');
      item = new GoNumber('uint8', bytes[indexArg(index, bytes.length)]);
    } else if (Array.isArray(item)) {
      const x = item[indexArg(index, item.length)];
      item = x === undefined ? null : x;
    } else if (isMap(item)) {
      if (index === undefined) item = null;
      else if (typeof index !== 'string') throw new CallError(`value has type ${typeName(index)}; should be string`);
      else item = Object.prototype.hasOwnProperty.call(item, index) && item[index] !== undefined ? item[index] : null;
    } else throw new CallError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function sliceOf(item: unknown, indexes: unknown[]): unknown {
  item = unbox(item);
  if (item === undefined) throw new CallError('slice of untyped nil');
  if (indexes.length > 3) throw new CallError(`too many slice indexes: ${indexes.length}`);
  if (typeof item !== 'string' && !Array.isArray(item)) throw new CallError(`can't slice item of type ${typeName(item)}`);
  if (typeof item === 'string' && indexes.length === 3) throw new CallError('cannot 3-index slice a string');
  const len = typeof item === 'string' ? Buffer.byteLength(item, 'utf8') : item.length;
  const idx = [0, len];
  indexes.forEach((i, n) => {
    const k = kindOf(unbox(i));
    if (k !== 'int' && k !== 'uint') throw new CallError(k === 'invalid' ? 'cannot index slice/array with nil' : `cannot index slice/array with type ${typeName(i)}`);
    const x = numberOf(i);
    if (x < 0 || x > len) throw new CallError(`index out of range: ${x}`);
    idx[n] = x;
  });
  if (idx[0] > idx[1]) throw new CallError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (typeof item === 'string') return Buffer.from(item, 'utf8').subarray(idx[0], idx[1]).toString('utf8');
  return item.slice(idx[0], idx[1]);
}

function compare(name: string, a: unknown, bs: unknown[]): boolean {
  const eq = (x: unknown, y: unknown): boolean => {
    x = unbox(x);
    y = unbox(y);
    const k1 = basicKind(x);
    const k2 = basicKind(y);
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') return numberOf(x) >= 0 && numberOf(x) === numberOf(y);
      if (k1 === 'uint' && k2 === 'int') return numberOf(y) >= 0 && numberOf(x) === numberOf(y);
      if (x !== undefined && y !== undefined) throw new CallError('incompatible types for comparison');
      return false;
    }
    switch (k1) {
      case 'bool':
      case 'string':
        return x === y;
      case 'int':
      case 'uint':
      case 'float':
        return numberOf(x) === numberOf(y);
    }
    if (x === undefined || y === undefined) return x === y;
    throw new CallError(`non-comparable types ${sprintValue(x)}: ${typeName(x)}, ${typeName(y)}: ${sprintValue(y)}`);
  };
  const lt = (x: unknown, y: unknown): boolean => {
    x = unbox(x);
    y = unbox(y);
    const k1 = basicKind(x);
    const k2 = basicKind(y);
    if (k1 === 'invalid' || k2 === 'invalid') throw new CallError('invalid type for comparison');
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') return numberOf(x) < 0 || numberOf(x) < numberOf(y);
      if (k1 === 'uint' && k2 === 'int') return numberOf(y) >= 0 && numberOf(x) < numberOf(y);
      throw new CallError('incompatible types for comparison');
    }
    if (k1 === 'bool') throw new CallError('invalid type for comparison');
    return k1 === 'string' ? (x as string) < (y as string) : numberOf(x) < numberOf(y);
  };
  switch (name) {
    case 'eq':
      if (!bs.length) throw new CallError('missing argument for comparison');
      return bs.some((b) => eq(a, b));
    case 'ne':
      return !eq(a, bs[0]);
    case 'lt':
      return lt(a, bs[0]);
    case 'le':
      return lt(a, bs[0]) || eq(a, bs[0]);
    case 'gt':
      return !(lt(a, bs[0]) || eq(a, bs[0]));
    default:
      return !lt(a, bs[0]);
  }
}

/** kubectl's exists: whether index would find something for these arguments. */
function exists(item: unknown, indices: unknown[]): boolean {
  let v = unbox(item);
  for (const i of indices) {
    if (v === undefined || v === null) return false;
    if (typeof v === 'string' || Array.isArray(v)) {
      const k = kindOf(i);
      if (k !== 'int' && k !== 'uint') return false;
      const x = numberOf(i);
      const len = typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
      if (x < 0 || x >= len) return false;
      v = typeof v === 'string' ? int(Buffer.from(v, 'utf8')[x]) : unbox(v[x]);
    } else if (isMap(v)) {
      if (typeof i !== 'string') return false;
      v = Object.prototype.hasOwnProperty.call(v, i) ? unbox(v[i]) : undefined;
    } else return false;
  }
  return v !== undefined && v !== null;
}

/** evalArgs of html/js/urlquery: one string as it is, anything else through fmt.Sprint. */
function evalArgsText(args: unknown[]): string {
  return args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args);
}

function htmlEscape(s: string): string {
  return s.replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}
