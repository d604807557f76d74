// Small programs about the process and the machine: sleep, env, printenv, hostname, id, whoami,
// uname, date, ps, seq, expr, basename, dirname, nproc, env/nohup/timeout (which run another command).
import { setOwn } from '../../../api/meta/own';
import { formatDate, parseDateArg } from './date';
import type { Tool, ToolContext, ToolOutput } from './registry';

export const KERNEL = '6.8.0-45-generic';
const KERNEL_VERSION = '#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024';

/** Parses `sleep` operands (N, N.5, Ns/m/h/d; `infinity`); undefined for a bad one. */
export function sleepMs(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * mult);
}

const sleep: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1);
  if (!args.length) {
    if (ctx.busybox) o.err(busyboxUsage('sleep'));
    else o.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const ms = sleepMs(a);
    if (ms === undefined) {
      if (ctx.busybox) o.err(`sleep: invalid number '${a}'\n${busyboxUsage('sleep')}`);
      else o.err(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += ms;
  }
  if (total === Infinity) o.forever();
  else o.sleep(total);
  return 0;
};

const USAGE: Record<string, string> = {
  sleep: `Usage: sleep [N]...

Pause for a time equal to the total of the args given, where each arg can
have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays
`,
};

export function busyboxUsage(name: string): string {
  return `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n${USAGE[name] ?? `Usage: ${name}\n`}`;
}

const hostname: Tool = (ctx, o) => {
  o.out(`${ctx.host.hostname}\n`);
  return 0;
};

const printenv: Tool = (ctx, o) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    for (const [k, v] of Object.entries(ctx.env)) o.out(`${k}=${v}\n`);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (Object.hasOwn(ctx.env, n)) o.out(`${ctx.env[n]}\n`);
    else status = 1;
  }
  return status;
};

const env: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-i' || a === '-') vars = {};
    else if (a === '-u') delete vars[args[++i]];
    else if (a === '--') {
      i++;
      break;
    } else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    // A name is data, "__proto__" included.
    setOwn(vars, args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  if (i < args.length) {
    o.exec = { argv: args.slice(i), env: vars };
    return 0;
  }
  for (const [k, v] of Object.entries(vars)) o.out(`${k}=${v}\n`);
  return 0;
};

const nohup: Tool = (ctx, o) => {
  if (ctx.argv.length < 2) {
    o.err(ctx.busybox ? 'Usage: nohup PROG ARGS\n' : "nohup: missing operand\nTry 'nohup --help' for more information.\n");
    return 125;
  }
  o.exec = { argv: ctx.argv.slice(1), env: {} };
  return 0;
};

const id: Tool = (ctx, o) => {
  const a = ctx.argv.slice(1).join('');
  if (/u/.test(a)) o.out(a.includes('n') ? 'root\n' : '0\n');
  else if (/g/.test(a)) o.out(a.includes('n') ? 'root\n' : '0\n');
  else o.out(ctx.busybox ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n' : 'uid=0(root) gid=0(root) groups=0(root)\n');
  return 0;
};

const whoami: Tool = (_ctx, o) => {
  o.out('root\n');
  return 0;
};

const uname: Tool = (ctx, o) => {
  const flags = new Set(ctx.argv.slice(1).flatMap((a) => (a.startsWith('--') ? [a] : a.slice(1).split(''))));
  const all = flags.has('a') || flags.has('--all');
  const fields: string[] = [];
  const want = (f: string, long: string): boolean => all || flags.has(f) || flags.has(long);
  if (want('s', '--kernel-name') || flags.size === 0) fields.push('Linux');
  if (want('n', '--nodename')) fields.push(ctx.host.hostname);
  if (want('r', '--kernel-release')) fields.push(KERNEL);
  if (want('v', '--kernel-version')) fields.push(KERNEL_VERSION);
  if (want('m', '--machine')) fields.push('x86_64');
  if (!all && (flags.has('p') || flags.has('i'))) fields.push(ctx.busybox ? 'unknown' : 'x86_64');
  if (want('o', '--operating-system')) fields.push(ctx.busybox ? 'Linux' : 'GNU/Linux');
  o.out(`${fields.join(' ')}\n`);
  return 0;
};

const date: Tool = (ctx, o) => {
  let ms = ctx.now;
  let format: string | undefined;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
      const v = a === '-d' || a === '--date' ? args[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const parsed = parseDateArg(v ?? '', ctx.now);
      if (parsed === undefined) {
        o.err(ctx.busybox ? `date: invalid date '${v}'\n` : `date: invalid date '${v}'\n`);
        return 1;
      }
      ms = parsed;
    } else if (a === '-I' || a.startsWith('--iso-8601') || a.startsWith('-I')) {
      const spec = a.includes('=') ? a.split('=')[1] : a.startsWith('-I') ? a.slice(2) : '';
      format = spec.startsWith('s') ? '%Y-%m-%dT%H:%M:%S+00:00' : spec.startsWith('m') ? '%Y-%m-%dT%H:%M+00:00' : spec.startsWith('h') ? '%Y-%m-%dT%H+00:00' : '%Y-%m-%d';
    } else if (a === '-R' || a === '--rfc-2822' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S +0000';
    else {
      o.err(ctx.busybox ? `date: invalid date '${a}'\n` : `date: invalid date '${a}'\n`);
      return 1;
    }
  }
  o.out(`${formatDate(format ?? '%a %b %e %H:%M:%S %Z %Y', ms)}\n`);
  return 0;
};

const ps: Tool = (ctx, o) => {
  const procs = [...ctx.host.processes()];
  const self = ctx.argv.join(' ');
  if (!procs.some((p) => p.command === self)) procs.push({ pid: Math.max(0, ...procs.map((p) => p.pid)) + 1, user: 'root', command: self });
  o.out('PID   USER     TIME  COMMAND\n');
  for (const p of procs) o.out(`${String(p.pid).padStart(5)} ${p.user.padEnd(8).slice(0, 8)} ${(p.time ?? '0:00').padStart(5)} ${p.command}\n`);
  return 0;
};

function seqNumbers(ctx: ToolContext, o: ToolOutput): number {
  const args = ctx.argv.slice(1);
  let sep = '\n';
  let width = false;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-s') sep = args[++i] ?? '';
    else if (a.startsWith('-s')) sep = a.slice(2);
    else if (a === '-w') width = true;
    else nums.push(a);
  }
  if (!nums.length || nums.length > 3) {
    o.err(ctx.busybox ? 'Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n' : "seq: missing operand\nTry 'seq --help' for more information.\n");
    return 1;
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) {
      o.err(ctx.busybox ? `seq: invalid number '${n}'\n` : `seq: invalid floating point argument: '${n}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const decimals = Math.max(...[first, inc].map((n) => (n.includes('.') ? n.split('.')[1].length : 0)));
  const f = Number(first);
  const s = Number(inc);
  const l = Number(last);
  const out: string[] = [];
  if (s !== 0) for (let k = 0, v = f; s > 0 ? v <= l + 1e-9 : v >= l - 1e-9; k++, v = f + k * s) out.push(v.toFixed(decimals));
  const w = width ? Math.max(...out.map((x) => x.length)) : 0;
  if (out.length) o.out(`${out.map((x) => (width ? x.padStart(w, '0') : x)).join(sep)}\n`);
  return 0;
}

const basename: Tool = (ctx, o) => {
  const [name, suffix] = ctx.argv.slice(1);
  if (name === undefined) {
    o.err(ctx.busybox ? 'Usage: basename FILE [SUFFIX]\n' : "basename: missing operand\nTry 'basename --help' for more information.\n");
    return 1;
  }
  let b = name.replace(/\/+$/, '');
  b = b === '' ? (name ? '/' : '') : b.slice(b.lastIndexOf('/') + 1);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  o.out(`${b}\n`);
  return 0;
};

const dirname: Tool = (ctx, o) => {
  const name = ctx.argv[1];
  if (name === undefined) {
    o.err(ctx.busybox ? 'Usage: dirname FILENAME\n' : "dirname: missing operand\nTry 'dirname --help' for more information.\n");
    return 1;
  }
  const t = name.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  o.out(`${i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i).replace(/\/+$/, '') || '/'}\n`);
  return 0;
};

const nproc: Tool = (_ctx, o) => {
  o.out('2\n');
  return 0;
};

export const CORE_TOOLS: Record<string, Tool> = {
  sleep,
  hostname,
  printenv,
  env,
  nohup,
  id,
  whoami,
  uname,
  date,
  ps,
  seq: seqNumbers,
  expr: (ctx, o) => exprTool(ctx, o),
  basename,
  dirname,
  nproc,
};

// ---- expr ----

class ExprError extends Error {}

function exprTool(ctx: ToolContext, o: ToolOutput): number {
  const args = ctx.argv.slice(1);
  let i = 0;
  const isInt = (s: string): boolean => /^[-+]?\d+$/.test(s);
  const num = (s: string): number => {
    if (!isInt(s)) throw new ExprError(ctx.busybox ? 'non-numeric argument' : 'non-integer argument');
    return parseInt(s, 10);
  };
  const truthy = (s: string): boolean => s !== '' && !(isInt(s) && parseInt(s, 10) === 0);
  const syntax = (): never => {
    throw new ExprError(ctx.busybox || i >= args.length ? 'syntax error' : `syntax error: unexpected argument '${args[i]}'`);
  };
  const primary = (): string => {
    const a = args[i];
    if (a === undefined) {
      throw new ExprError(ctx.busybox ? 'syntax error' : `syntax error: missing argument after '${args[i - 1]}'`);
    }
    if (a === '(') {
      i++;
      const v = orE();
      if (args[i] !== ')') syntax();
      i++;
      return v;
    }
    if (a === 'length' && i + 1 < args.length) {
      i += 2;
      return String(args[i - 1].length);
    }
    if (a === 'substr' && i + 3 < args.length) {
      const [s, p, l] = args.slice(i + 1, i + 4);
      i += 4;
      return s.substr(num(p) - 1, num(l));
    }
    if (a === 'index' && i + 2 < args.length) {
      const [s, chars] = args.slice(i + 1, i + 3);
      i += 3;
      const idx = [...s].findIndex((c) => chars.includes(c));
      return String(idx + 1);
    }
    if (a === 'match' && i + 2 < args.length) {
      const [s, re] = args.slice(i + 1, i + 3);
      i += 3;
      return match(s, re);
    }
    i++;
    return a;
  };
  const match = (s: string, re: string): string => {
    const js = `^(?:${re.replace(/\\\(/g, '\u0001').replace(/\\\)/g, '\u0002').replace(/\(|\)/g, '\\$&').replace(/\u0001/g, '(').replace(/\u0002/g, ')').replace(/\\\{/g, '{').replace(/\\\}/g, '}')})`;
    const m = new RegExp(js).exec(s);
    if (/\\\(/.test(re)) return m ? (m[1] ?? '') : '';
    return String(m ? m[0].length : 0);
  };
  const colon = (): string => {
    let v = primary();
    while (args[i] === ':') {
      i++;
      v = match(v, primary());
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (['*', '/', '%'].includes(args[i])) {
      const op = args[i++];
      const r = colon();
      const a = num(v);
      const b = num(r);
      if (op !== '*' && b === 0) throw new ExprError('division by zero');
      v = String(op === '*' ? a * b : op === '/' ? Math.trunc(a / b) : a % b);
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (args[i] === '+' || args[i] === '-') {
      const op = args[i++];
      const r = mul();
      v = String(op === '+' ? num(v) + num(r) : num(v) - num(r));
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (['<', '<=', '=', '==', '!=', '>=', '>'].includes(args[i])) {
      const op = args[i++];
      const r = add();
      const c = isInt(v) && isInt(r) ? Math.sign(parseInt(v, 10) - parseInt(r, 10)) : v < r ? -1 : v > r ? 1 : 0;
      const res = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      v = res ? '1' : '0';
    }
    return v;
  };
  const andE = (): string => {
    let v = cmp();
    while (args[i] === '&') {
      i++;
      const r = cmp();
      v = truthy(v) && truthy(r) ? v : '0';
    }
    return v;
  };
  const orE = (): string => {
    let v = andE();
    while (args[i] === '|') {
      i++;
      const r = andE();
      v = truthy(v) ? v : truthy(r) ? r : '0';
    }
    return v;
  };
  try {
    if (!args.length) throw new ExprError(ctx.busybox ? 'syntax error' : 'missing operand');
    const v = orE();
    if (i < args.length) syntax();
    o.out(`${v}\n`);
    return truthy(v) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    o.err(`expr: ${e.message}\n`);
    if (e.message === 'missing operand') o.err("Try 'expr --help' for more information.\n");
    return 2;
  }
}
