// Word expansion: tilde, parameters, command substitution, arithmetic, field splitting and
// pathname globbing against the container's files. Expansion is a pure function of the shell's
// variables and a log of earlier results: a command substitution that has not run yet stops
// expansion with NeedSubst, the machine runs it, appends its output to the log, and expands again
// (arithmetic results are logged too, so an assignment inside $(( )) happens once).
import { getOwn, setOwn } from '../../api/meta/own';
import { ArithError, evalArith } from './arith';
import type { Part, Word } from './ast';
import type { FileSystem } from './host';
import type { Flavor, LogEntry, ShellEnv } from './state';

export class NeedSubst {
  constructor(readonly n: number) {}
}

/** An expansion error the shell reports as `sh: …` and that ends a non-interactive shell. */
export class ExpandError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

export interface ExpandCtx {
  env: ShellEnv;
  flavor: Flavor;
  pid: number;
  log: LogEntry[];
  /** Cursor into log. */
  li: number;
  fs: FileSystem;
  /** Status of the last command substitution (for an assignment-only command's $?). */
  substStatus?: number;
}

interface Field {
  s: string;
  /** The field as a glob pattern: quoted characters backslash-escaped. */
  pat: string;
  has: boolean;
  glob: boolean;
}

const GLOB_CHARS = /[*?[]/;

export function getVar(env: ShellEnv, name: string): string | undefined {
  return getOwn(env.vars, name)?.v;
}

function special(ctx: ExpandCtx, name: string): string | undefined {
  const env = ctx.env;
  switch (name) {
    case '?':
      return String(env.status);
    case '$':
      return String(ctx.pid);
    case '#':
      return String(env.params.length);
    case '@':
    case '*':
      return env.params.join(name === '*' ? ifsFirst(env) : ' ');
    case '0':
      return env.arg0;
    case '!':
      return env.lastBg === undefined ? undefined : String(env.lastBg);
    case '-':
      return `${env.opts.e ? 'e' : ''}${env.opts.x ? 'x' : ''}`;
  }
  if (/^[0-9]+$/.test(name)) return env.params[Number(name) - 1];
  return getVar(env, name);
}

function ifsFirst(env: ShellEnv): string {
  const ifs = getVar(env, 'IFS');
  return ifs === undefined ? ' ' : ifs.slice(0, 1);
}

function setVar(ctx: ExpandCtx, name: string, value: string): void {
  const old = getOwn(ctx.env.vars, name);
  setOwn(ctx.env.vars, name, old?.x ? { v: value, x: 1 } : { v: value });
}

/** Expands a ${…}/$X part to its string value (never split here). */
function paramValue(ctx: ExpandCtx, p: Extract<Part, { t: 'param' }>): string {
  const val = special(ctx, p.name);
  if (p.len) return String((val ?? '').length);
  if (!p.op) return val ?? '';
  const colon = p.op.startsWith(':');
  const op = colon ? p.op.slice(1) : p.op;
  const unset = val === undefined || (colon && val === '');
  const word = (): string => expandString(p.word ?? [], ctx);
  switch (op) {
    case '-':
      return unset ? word() : val!;
    case '=': {
      if (!unset) return val!;
      const w = word();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) throw new ExpandError(ctx.flavor === 'dash' ? `${p.name}: bad variable name` : `$${p.name}: cannot assign in this way`);
      setVar(ctx, p.name, w);
      return w;
    }
    case '?': {
      if (!unset) return val!;
      const w = word();
      throw new ExpandError(`${p.name}: ${w || (val === undefined ? 'parameter not set' : 'parameter null or not set')}`);
    }
    case '+':
      return unset ? '' : word();
    case '#':
    case '##':
    case '%':
    case '%%': {
      const v = val ?? '';
      const re = globRegex(expandPattern(p.word ?? [], ctx), false);
      return removeAffix(v, re, op);
    }
  }
  return val ?? '';
}

function removeAffix(v: string, re: string, op: string): string {
  const full = new RegExp(`^(?:${re})$`, 's');
  if (op === '#' || op === '##') {
    const lens = [...Array(v.length + 1).keys()];
    for (const n of op === '#' ? lens : lens.reverse()) if (full.test(v.slice(0, n))) return v.slice(n);
    return v;
  }
  const starts = [...Array(v.length + 1).keys()];
  for (const s of op === '%' ? starts.reverse() : starts) if (full.test(v.slice(s))) return v.slice(0, s);
  return v;
}

function substOutput(ctx: ExpandCtx, n: number): string {
  if (ctx.li < ctx.log.length) {
    const e = ctx.log[ctx.li++];
    if (e.k !== 'cmd') throw new Error('expansion log out of step');
    ctx.substStatus = e.status;
    return e.out.replace(/\n+$/, '');
  }
  throw new NeedSubst(n);
}

function arithValue(ctx: ExpandCtx, expr: Part[]): string {
  if (ctx.li < ctx.log.length) {
    const e = ctx.log[ctx.li++];
    if (e.k !== 'arith') throw new Error('expansion log out of step');
    return String(e.v);
  }
  const text = expandString(expr, ctx);
  let v: number;
  try {
    v = evalArith(text, {
      get: (name) => getVar(ctx.env, name),
      set: (name, value) => setVar(ctx, name, value),
      power: ctx.flavor !== 'dash',
      lenient: ctx.flavor !== 'dash',
    });
  } catch (e) {
    if (e instanceof ArithError) throw new ExpandError(arithMessage(e, ctx.flavor));
    throw e;
  }
  ctx.log.push({ k: 'arith', v });
  ctx.li++;
  return String(v);
}

function arithMessage(e: ArithError, flavor: Flavor): string {
  if (flavor === 'dash') {
    if (e.kind === 'zero') return `arithmetic expression: division by zero: "${e.expr}"`;
    if (e.kind === 'number') return `Illegal number: ${e.detail}`;
    return `arithmetic expression: expecting primary: "${e.expr}"`;
  }
  if (e.kind === 'zero') return 'divide by zero';
  return 'arithmetic syntax error';
}

function tilde(ctx: ExpandCtx, w: Word): Word {
  const first = w[0];
  if (!first || first.t !== 'lit' || !first.v.startsWith('~')) return w;
  if (first.v.length > 1 && first.v[1] !== '/') return w;
  const home = getVar(ctx.env, 'HOME') ?? '/root';
  return [{ t: 'q', v: home }, { t: 'lit', v: first.v.slice(1) }, ...w.slice(1)];
}

/** Expands a word with no field splitting or globbing (assignments, redirections, case words, here-docs). */
export function expandString(w: Word, ctx: ExpandCtx): string {
  let out = '';
  for (const p of tilde(ctx, w)) {
    switch (p.t) {
      case 'lit':
      case 'q':
        out += p.v;
        break;
      case 'dq':
        out += expandString(p.parts, ctx);
        break;
      case 'param':
        out += paramValue(ctx, p);
        break;
      case 'cmd':
        out += substOutput(ctx, p.n);
        break;
      case 'arith':
        out += arithValue(ctx, p.expr);
        break;
    }
  }
  return out;
}

function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
}

/** A word as a glob pattern (case patterns, ${X#pattern}): quoted text matches itself. */
export function expandPattern(w: Word, ctx: ExpandCtx): string {
  let out = '';
  for (const p of w) {
    if (p.t === 'lit') out += p.v;
    else if (p.t === 'q') out += escapeGlob(p.v);
    else if (p.t === 'dq') out += escapeGlob(expandString(p.parts, ctx));
    else out += expandString([p], ctx);
  }
  return out;
}

/** Expands words into fields: splitting unquoted expansions on IFS, then globbing. */
export function expandWords(words: Word[], ctx: ExpandCtx): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (const f of expandFields(tilde(ctx, w), ctx)) {
      if (f.glob && GLOB_CHARS.test(f.pat)) {
        const matches = glob(f.pat, ctx.env.cwd, ctx.fs);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.s);
    }
  }
  return out;
}

function expandFields(w: Word, ctx: ExpandCtx): Field[] {
  const fields: Field[] = [];
  let cur: Field = { s: '', pat: '', has: false, glob: false };
  const ifs = getVar(ctx.env, 'IFS') ?? ' \t\n';
  const end = (force: boolean): void => {
    if (cur.has || force) fields.push(cur);
    cur = { s: '', pat: '', has: false, glob: false };
  };
  const quoted = (text: string): void => {
    cur.s += text;
    cur.pat += escapeGlob(text);
    cur.has = true;
  };
  const split = (text: string): void => {
    for (const c of text) {
      if (ifs.includes(c)) {
        if (/\s/.test(c)) end(false);
        else end(true);
      } else {
        cur.s += c;
        cur.pat += c;
        cur.has = true;
        if (GLOB_CHARS.test(c)) cur.glob = true;
      }
    }
  };
  for (const p of w) {
    switch (p.t) {
      case 'lit':
        cur.s += p.v;
        cur.pat += p.v;
        cur.has = true;
        if (GLOB_CHARS.test(p.v)) cur.glob = true;
        break;
      case 'q':
        quoted(p.v);
        break;
      case 'dq': {
        const onlyAt = p.parts.length === 1 && p.parts[0].t === 'param' && p.parts[0].name === '@' && !p.parts[0].op && !p.parts[0].len;
        if (onlyAt) {
          const params = ctx.env.params;
          params.forEach((v, i) => {
            if (i > 0) end(true);
            quoted(v);
          });
          break;
        }
        cur.has = true;
        for (const q of p.parts) {
          if (q.t === 'param' && q.name === '@' && !q.op && !q.len) {
            ctx.env.params.forEach((v, i) => {
              if (i > 0) end(true);
              quoted(v);
            });
          } else quoted(expandString([q], ctx));
        }
        break;
      }
      case 'param':
        if ((p.name === '@' || p.name === '*') && !p.op && !p.len) {
          for (const v of ctx.env.params) {
            end(false);
            split(v);
          }
        } else split(paramValue(ctx, p));
        break;
      case 'cmd':
        split(substOutput(ctx, p.n));
        break;
      case 'arith':
        split(arithValue(ctx, p.expr));
        break;
    }
  }
  end(false);
  return fields;
}

/** A glob pattern (with \-escapes) as the body of a regular expression. */
export function globRegex(pat: string, slashSpecial = true): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) {
      re += escapeRe(pat[++i]);
    } else if (c === '*') re += slashSpecial ? '[^/]*' : '.*';
    else if (c === '?') re += slashSpecial ? '[^/]' : '.';
    else if (c === '[') {
      const close = pat.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pat.slice(i + 1, close);
      const neg = body.startsWith('!') || body.startsWith('^');
      if (neg) body = body.slice(1);
      re += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, (x) => `\\${x}`)}]`;
      i = close;
    } else re += escapeRe(c);
  }
  return re;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, (x) => `\\${x}`);
}

/** Does `s` match the glob pattern (case patterns: / is an ordinary character)? */
export function globMatch(pat: string, s: string): boolean {
  return new RegExp(`^(?:${globRegex(pat, false)})$`, 's').test(s);
}

export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Pathname expansion: each /-separated segment matched against the directory listing. */
function glob(pat: string, cwd: string, fs: FileSystem): string[] {
  const absolute = pat.startsWith('/');
  const segs = pat.split('/').filter((s, i) => s !== '' || i === 0);
  let paths: string[] = [absolute ? '' : '.'];
  for (const seg of segs.slice(absolute ? 1 : 0)) {
    const next: string[] = [];
    for (const base of paths) {
      if (!GLOB_CHARS.test(seg.replace(/\\./g, ''))) {
        const lit = seg.replace(/\\(.)/g, '$1');
        next.push(base === '.' ? lit : `${base}/${lit}`);
        continue;
      }
      const dir = resolvePath(cwd, base === '' ? '/' : base);
      const names = fs.list(dir) ?? [];
      const re = new RegExp(`^(?:${globRegex(seg)})$`, 's');
      for (const name of names) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(name)) next.push(base === '.' ? name : `${base}/${name}`);
      }
    }
    paths = next;
  }
  return paths.filter((p) => {
    const abs = resolvePath(cwd, p);
    return fs.read(abs) !== undefined || fs.isDir(abs);
  }).sort();
}
