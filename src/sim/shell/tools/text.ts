// Text filters: head, tail, wc, grep, sed, cut, tr, sort, uniq — over files or stdin, with
// coreutils/GNU grep wording on Debian images and busybox wording on ash images.
import { resolvePath } from '../expand';
import { readInputs, splitArgs } from './files';
import type { Tool, ToolContext, ToolOutput } from './registry';

function lines(text: string): string[] {
  if (!text) return [];
  const l = text.split('\n');
  if (text.endsWith('\n')) l.pop();
  return l;
}

function joinLines(l: string[]): string {
  return l.map((x) => `${x}\n`).join('');
}

/** -N shorthand (head -5) into -n N. */
function normalizeCount(args: string[]): string[] {
  return args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headTail(tail: boolean): Tool {
  return (ctx, o) => {
    const { flags, values, operands } = splitArgs(normalizeCount(ctx.argv.slice(1)), ['n', 'c']);
    const name = ctx.argv[0];
    const nRaw = values.n ?? values['--lines'] ?? '10';
    const fromStart = tail && nRaw.startsWith('+');
    const n = Math.abs(parseInt(nRaw, 10));
    if (Number.isNaN(n)) {
      o.err(ctx.busybox ? `${name}: invalid number '${nRaw}'\n` : `${name}: invalid number of lines: '${nRaw}'\n`);
      return 1;
    }
    const follow = tail && (flags.has('f') || flags.has('F') || flags.has('--follow'));
    const files = operands.length ? operands : ['-'];
    let status = 0;
    let blocked = false;
    files.forEach((f, idx) => {
      let text: string | undefined;
      if (f === '-') {
        const s = ctx.stdin();
        text = s.text;
        if (!s.eof) blocked = true;
      } else text = f === '/dev/null' ? '' : ctx.host.fs.read(resolvePath(ctx.cwd, f));
      if (text === undefined) {
        o.err(ctx.busybox ? (tail ? `${name}: can't open '${f}': No such file or directory\n` : `${name}: ${f}: No such file or directory\n`) : `${name}: cannot open '${f}' for reading: No such file or directory\n`);
        status = 1;
        return;
      }
      if (files.length > 1) o.out(`${idx > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
      if (values.c !== undefined) {
        const c = parseInt(values.c, 10);
        // `tail -c +N` starts at the Nth character (kubectl cp --retries pipes tar through it).
        if (tail && values.c.startsWith('+')) o.out(text.slice(Math.max(0, c - 1)));
        else o.out(tail ? text.slice(-c) : text.slice(0, c));
        return;
      }
      const l = lines(text);
      const endsNl = text.endsWith('\n');
      let pick: string[];
      if (!tail) pick = l.slice(0, n);
      else if (fromStart) pick = l.slice(Math.max(0, n - 1));
      else pick = n === 0 ? [] : l.slice(-n);
      let out = joinLines(pick);
      const lastIncluded = pick.length > 0 && (tail || pick.length === l.length);
      if (lastIncluded && !endsNl) out = out.slice(0, -1);
      o.out(out);
    });
    if (tail && follow && ctx.busybox && status !== 0 && files.every((f) => f !== '-' && !ctx.host.fs.read(resolvePath(ctx.cwd, f)))) {
      o.err('tail: no files\n');
      return 1;
    }
    if (follow || blocked) o.forever();
    return status;
  };
}

const wc: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  let cols = ['l', 'w', 'c'].filter((c) => flags.has(c) || (c === 'c' && flags.has('m')));
  if (!cols.length) cols = ['l', 'w', 'c'];
  const inputs = operands.length ? operands : ['-'];
  const rows: { counts: number[]; name?: string }[] = [];
  let status = 0;
  let stdinUsed = false;
  for (const f of inputs) {
    let text: string | undefined;
    if (f === '-') {
      text = ctx.stdin().text;
      stdinUsed = true;
    } else text = ctx.host.fs.read(resolvePath(ctx.cwd, f));
    if (text === undefined) {
      o.err(`wc: ${f}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const counts = cols.map((c) => (c === 'l' ? (text!.match(/\n/g) ?? []).length : c === 'w' ? text!.split(/\s+/).filter(Boolean).length : Buffer.byteLength(text!)));
    rows.push({ counts, name: f === '-' ? (operands.length ? '-' : undefined) : f });
  }
  if (rows.length > 1) rows.push({ counts: cols.map((_, i) => rows.reduce((s, r) => s + r.counts[i], 0)), name: 'total' });
  const single = cols.length === 1 && rows.length === 1 && rows[0].name === undefined;
  let width: number;
  if (ctx.busybox) width = cols.length === 1 && rows.length === 1 ? 0 : 9;
  else if (single) width = 0;
  else {
    const totalBytes = rows[rows.length - 1]?.counts[cols.length - 1] ?? 0;
    width = Math.max(String(Math.max(0, ...rows.flatMap((r) => r.counts), totalBytes)).length, stdinUsed && !(cols.length === 1 && rows.length === 1) ? 7 : 1);
  }
  for (const r of rows) o.out(`${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`);
  return status;
};

/** A POSIX basic or extended regular expression as a JavaScript one. */
export function toJsRegex(re: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += `\\${n}`;
      continue;
    }
    if (c === '[') {
      const end = re.indexOf(']', i + (re[i + 1] === '^' ? 3 : 2) - 1 + 1);
      if (end > 0) {
        const body = re
          .slice(i + 1, end)
          .replace(/\[:alpha:\]/g, 'a-zA-Z')
          .replace(/\[:digit:\]/g, '0-9')
          .replace(/\[:alnum:\]/g, 'a-zA-Z0-9')
          .replace(/\[:upper:\]/g, 'A-Z')
          .replace(/\[:lower:\]/g, 'a-z')
          .replace(/\[:space:\]/g, '\\s')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
        continue;
      }
    }
    if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

const grep: Tool = (ctx, o) => {
  const { flags, values, operands } = splitArgs(ctx.argv.slice(1), ['e', 'm', 'A', 'B', 'C']);
  const extended = flags.has('E') || ctx.argv[0] === 'egrep';
  const fixed = flags.has('F') || ctx.argv[0] === 'fgrep';
  const ops = [...operands];
  const pattern = values.e ?? ops.shift();
  if (pattern === undefined) {
    o.err(ctx.busybox ? 'Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : toJsRegex(pattern, extended);
  if (flags.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
  if (flags.has('x')) src = `^(?:${src})$`;
  let re: RegExp;
  try {
    re = new RegExp(src, flags.has('i') ? 'i' : '');
  } catch {
    o.err(`grep: Invalid regular expression\n`);
    return 2;
  }
  const invert = flags.has('v');
  const files = ops.length ? ops : ['-'];
  const showName = files.length > 1 && !flags.has('h');
  let matched = false;
  let status = 0;
  let blocked = false;
  for (const f of files) {
    let text: string | undefined;
    if (f === '-') {
      const s = ctx.stdin();
      text = s.text;
      if (!s.eof) blocked = true;
    } else text = ctx.host.fs.read(resolvePath(ctx.cwd, f));
    const label = f === '-' ? '(standard input)' : f;
    if (text === undefined) {
      if (!flags.has('s')) o.err(ctx.host.fs.isDir(resolvePath(ctx.cwd, f)) ? `grep: ${f}: Is a directory\n` : `grep: ${f}: No such file or directory\n`);
      status = 2;
      continue;
    }
    let count = 0;
    const max = values.m !== undefined ? Number(values.m) : Infinity;
    lines(text).forEach((line, idx) => {
      if (count >= max) return;
      if (re.test(line) === invert) return;
      count++;
      matched = true;
      if (flags.has('q') || flags.has('c') || flags.has('l')) return;
      const prefix = `${showName ? `${label}:` : ''}${flags.has('n') ? `${idx + 1}:` : ''}`;
      if (flags.has('o') && !invert) {
        for (const m of line.matchAll(new RegExp(re.source, `g${re.flags}`))) if (m[0]) o.out(`${prefix}${m[0]}\n`);
      } else o.out(`${prefix}${line}\n`);
    });
    if (flags.has('q') && matched) return 0;
    if (flags.has('c')) o.out(`${showName ? `${label}:` : ''}${count}\n`);
    if (flags.has('l') && count) o.out(`${label}\n`);
  }
  if (blocked && !flags.has('q')) o.forever();
  if (status === 2 && !(flags.has('q') && matched)) return 2;
  return matched ? 0 : 1;
};

interface SedCmd {
  addr?: { kind: 'line' | 'last' | 're'; n?: number; re?: RegExp };
  neg: boolean;
  cmd: string;
  re?: RegExp;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
}

function parseSed(script: string, extended: boolean): SedCmd[] | string {
  const cmds: SedCmd[] = [];
  let i = 0;
  const s = script;
  const readDelimited = (delim: string): string | undefined => {
    let out = '';
    for (; i < s.length; i++) {
      if (s[i] === '\\' && i + 1 < s.length) {
        if (s[i + 1] === delim) out += delim;
        else if (s[i + 1] === 'n') out += '\n';
        else out += s[i] + s[i + 1];
        i++;
        continue;
      }
      if (s[i] === delim) {
        i++;
        return out;
      }
      out += s[i];
    }
    return undefined;
  };
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i])) i++;
    if (i >= s.length) break;
    const c: SedCmd = { neg: false, cmd: '' };
    if (/\d/.test(s[i])) {
      const m = /^\d+/.exec(s.slice(i))![0];
      c.addr = { kind: 'line', n: Number(m) };
      i += m.length;
    } else if (s[i] === '$') {
      c.addr = { kind: 'last' };
      i++;
    } else if (s[i] === '/') {
      i++;
      const re = readDelimited('/');
      if (re === undefined) return 'unterminated address regex';
      c.addr = { kind: 're', re: new RegExp(toJsRegex(re, extended)) };
    }
    if (s[i] === '!') {
      c.neg = true;
      i++;
    }
    c.cmd = s[i++] ?? '';
    if (c.cmd === 's') {
      const delim = s[i++];
      const re = readDelimited(delim);
      const repl = re === undefined ? undefined : readDelimited(delim);
      if (re === undefined || repl === undefined) return "unterminated `s' command";
      let flagsStr = '';
      while (i < s.length && /[gpiI0-9]/.test(s[i])) flagsStr += s[i++];
      c.re = new RegExp(toJsRegex(re, extended), `g${/[iI]/.test(flagsStr) ? 'i' : ''}`);
      c.repl = repl;
      c.global = flagsStr.includes('g');
      c.print = flagsStr.includes('p');
      const nth = /\d+/.exec(flagsStr);
      c.nth = nth ? Number(nth[0]) : 1;
    } else if (c.cmd === 'a' || c.cmd === 'i' || c.cmd === 'c') {
      let t = s.slice(i).replace(/^\\?\s*/, '');
      const end = t.indexOf('\n');
      if (end >= 0) t = t.slice(0, end);
      i += s.slice(i).length - (end >= 0 ? s.slice(i).length - s.slice(i).indexOf('\n') : 0);
      c.text = t;
    } else if (!'dpqn='.includes(c.cmd)) return `unknown command: \`${c.cmd}'`;
    cmds.push(c);
  }
  return cmds;
}

function substitute(line: string, c: SedCmd): { text: string; did: boolean } {
  let n = 0;
  let did = false;
  const text = line.replace(c.re!, (...m) => {
    n++;
    const whole = m[0] as string;
    if ((!c.global && n !== c.nth) || (c.global && n < c.nth!)) return whole;
    did = true;
    return c.repl!.replace(/\\(\d)|\\&|&|\\n|\\\\/g, (tok, d: string) => {
      if (tok === '&') return whole;
      if (tok === '\\&') return '&';
      if (tok === '\\n') return '\n';
      if (tok === '\\\\') return '\\';
      return (m[Number(d)] as string | undefined) ?? '';
    });
  });
  return { text, did };
}

const sed: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let inPlace = false;
  let extended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') quiet = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (a === '-i' || a.startsWith('-i')) inPlace = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (!scripts.length && !a.startsWith('-')) scripts.push(a);
    else files.push(a);
  }
  if (!scripts.length) {
    o.err(ctx.busybox ? 'Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n' : 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  const cmds = parseSed(scripts.join('\n'), extended);
  if (typeof cmds === 'string') {
    o.err(`sed: -e expression #1, char ${scripts[0].length}: ${cmds}\n`);
    return 1;
  }
  const run = (text: string): { out: string; quit: boolean } => {
    const ls = lines(text);
    let out = '';
    let quit = false;
    for (let idx = 0; idx < ls.length && !quit; idx++) {
      let line = ls[idx];
      let deleted = false;
      const isLast = idx === ls.length - 1;
      for (const c of cmds) {
        let hit = !c.addr || (c.addr.kind === 'line' ? c.addr.n === idx + 1 : c.addr.kind === 'last' ? isLast : c.addr.re!.test(line));
        if (c.neg) hit = !hit;
        if (!hit) continue;
        if (c.cmd === 's') {
          const r = substitute(line, c);
          line = r.text;
          if (r.did && c.print) out += `${line}\n`;
        } else if (c.cmd === 'd') {
          deleted = true;
          break;
        } else if (c.cmd === 'p') out += `${line}\n`;
        else if (c.cmd === '=') out += `${idx + 1}\n`;
        else if (c.cmd === 'i') out += `${c.text}\n`;
        else if (c.cmd === 'c') {
          out += `${c.text}\n`;
          deleted = true;
          break;
        } else if (c.cmd === 'q') {
          quit = true;
          break;
        }
      }
      if (!deleted && !quiet) out += `${line}\n`;
      for (const c of cmds) if (c.cmd === 'a' && !deleted && (!c.addr || (c.addr.kind === 'line' ? c.addr.n === idx + 1 : c.addr.kind === 'last' ? isLast : c.addr.re!.test(line))) !== c.neg) out += `${c.text}\n`;
    }
    return { out, quit };
  };
  if (inPlace) {
    let status = 0;
    for (const f of files) {
      const p = resolvePath(ctx.cwd, f);
      const text = ctx.host.fs.read(p);
      if (text === undefined) {
        o.err(ctx.busybox ? `sed: ${f}: No such file or directory\n` : `sed: can't read ${f}: No such file or directory\n`);
        status = 2;
        continue;
      }
      ctx.host.fs.write(p, run(text).out, false);
    }
    return status;
  }
  const r = readInputs(ctx, o, files, (n) => (ctx.busybox ? `sed: ${n}: No such file or directory\n` : `sed: can't read ${n}: No such file or directory\n`));
  o.out(run(r.texts.join('')).out);
  if (r.blocked) o.forever();
  return r.ok ? 0 : 2;
};

function parseList(spec: string): (n: number) => boolean {
  const ranges = spec.split(',').map((p) => {
    const m = /^(\d*)(-?)(\d*)$/.exec(p);
    if (!m) return [0, -1];
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    return [a, b];
  });
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

const cut: Tool = (ctx, o) => {
  const { flags, values, operands } = splitArgs(ctx.argv.slice(1), ['d', 'f', 'c', 'b']);
  const delim = values.d ?? '\t';
  const r = readInputs(ctx, o, operands, (n) => `cut: ${n}: No such file or directory\n`);
  const text = r.texts.join('');
  if (values.f === undefined && values.c === undefined && values.b === undefined) {
    o.err(ctx.busybox ? 'cut: expected a list of bytes, characters, or fields\n' : "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  for (const line of lines(text)) {
    if (values.f !== undefined) {
      const want = parseList(values.f);
      if (!line.includes(delim)) {
        if (!flags.has('s')) o.out(`${line}\n`);
        continue;
      }
      o.out(`${line.split(delim).filter((_, i) => want(i + 1)).join(delim)}\n`);
    } else {
      const want = parseList(values.c ?? values.b);
      o.out(`${[...line].filter((_, i) => want(i + 1)).join('')}\n`);
    }
  }
  if (r.blocked) o.forever();
  return r.ok ? 0 : 1;
};

function expandSet(set: string): string[] {
  const classes: Record<string, string> = {
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\f\v',
    '[:blank:]': ' \t',
    '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  classes['[:alpha:]'] = classes['[:upper:]'] + classes['[:lower:]'];
  classes['[:alnum:]'] = classes['[:alpha:]'] + classes['[:digit:]'];
  let s = set;
  for (const [k, v] of Object.entries(classes)) s = s.split(k).join(v.replace(/-/g, '\u0000'));
  s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r').replace(/\\\\/g, '\\');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i] === '\u0000' ? '-' : s[i]);
  }
  return out;
}

const tr: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const input = ctx.stdin();
  const set1 = expandSet(operands[0] ?? '');
  const set2 = expandSet(operands[1] ?? '');
  let out = '';
  if (flags.has('d')) {
    const del = new Set(set1);
    out = [...input.text].filter((c) => del.has(c) === flags.has('c')).join('');
  } else {
    const map = new Map<string, string>();
    set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
    out = [...input.text].map((c) => map.get(c) ?? c).join('');
  }
  if (flags.has('s')) {
    const sq = new Set(flags.has('d') ? set2 : set2.length ? set2 : set1);
    out = out.replace(/(.)\1+/gs, (m, c: string) => (sq.has(c) ? c : m));
  }
  o.out(out);
  if (!input.eof) o.forever();
  return 0;
};

const sort: Tool = (ctx, o) => {
  const { flags, values, operands } = splitArgs(ctx.argv.slice(1), ['k', 't', 'o']);
  const r = readInputs(ctx, o, operands, (n) => (ctx.busybox ? `sort: ${n}: No such file or directory\n` : `sort: cannot read: ${n}: No such file or directory\n`));
  if (!r.ok) return 2;
  const sep = values.t;
  const keyField = values.k ? parseInt(values.k, 10) : undefined;
  const numeric = flags.has('n') || /n/.test(values.k ?? '');
  const key = (l: string): string => {
    if (keyField === undefined) return l;
    const fields = sep !== undefined ? l.split(sep) : l.trim().split(/\s+/);
    return fields.slice(keyField - 1).join(sep ?? ' ');
  };
  const cmp = (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    let c: number;
    if (numeric) c = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
    else if (flags.has('f')) c = ka.toLowerCase() < kb.toLowerCase() ? -1 : ka.toLowerCase() > kb.toLowerCase() ? 1 : 0;
    else c = ka < kb ? -1 : ka > kb ? 1 : 0;
    if (c === 0 && keyField === undefined) c = a < b ? -1 : a > b ? 1 : 0;
    return c;
  };
  let ls = lines(r.texts.join('')).sort(cmp);
  if (flags.has('r')) ls.reverse();
  if (flags.has('u')) ls = ls.filter((l, i) => i === 0 || cmp(ls[i - 1], l) !== 0);
  if (values.o) ctx.host.fs.write(resolvePath(ctx.cwd, values.o), joinLines(ls), false);
  else o.out(joinLines(ls));
  if (r.blocked) o.forever();
  return 0;
};

const uniq: Tool = (ctx, o) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const r = readInputs(ctx, o, operands.slice(0, 1), (n) => (ctx.busybox ? `uniq: can't open '${n}': No such file or directory\n` : `uniq: ${n}: No such file or directory\n`));
  if (!r.ok) return 1;
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(r.texts.join(''))) {
    const last = groups[groups.length - 1];
    if (last && (flags.has('i') ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (flags.has('d') && g.n < 2) continue;
    if (flags.has('u') && g.n > 1) continue;
    o.out(flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  if (r.blocked) o.forever();
  return 0;
};

export const TEXT_TOOLS: Record<string, Tool> = {
  head: headTail(false),
  tail: headTail(true),
  wc,
  grep,
  egrep: grep,
  fgrep: grep,
  sed,
  cut,
  tr,
  sort,
  uniq,
};

export type { ToolContext, ToolOutput };
