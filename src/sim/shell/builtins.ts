// The shell's own commands. Each returns its exit status, or undefined when it changed control
// flow itself (exit, return, break, eval, wait …). Wording follows dash and busybox ash.
import { getOwn, hasOwn, setOwn } from '../../api/meta/own';
import { evalArith } from './arith';
import { getVar, resolvePath } from './expand';
import { formatPrintf, unescapeBackslashes } from './format';
import type { Machine } from './machine';
import { SIGNALS, errPrefix } from './messages';
import type { Flavor, Io, Thread } from './state';
import { runTest } from './testcmd';

export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset']);

const REGULAR = ['echo', 'printf', 'test', '[', 'true', 'false', 'cd', 'pwd', 'read', 'local', 'wait', 'kill', 'type', 'command', 'umask', 'ulimit', 'hash', 'alias', 'unalias', 'jobs'];
const BUILTINS_DASH: ReadonlySet<string> = new Set(REGULAR);
const BUILTINS_OTHER: ReadonlySet<string> = new Set([...REGULAR, 'source', 'let']);

export const ALL_BUILTINS: ReadonlySet<string> = new Set([...SPECIAL_BUILTINS, ...BUILTINS_OTHER]);

/** Builtins that also exist as programs (coreutils or busybox), for a container's own command. */
export const EXEC_BINARIES: ReadonlySet<string> = new Set(['echo', 'printf', 'true', 'false', 'test', '[', 'kill', 'pwd']);

export function builtinFor(fl: Flavor): ReadonlySet<string> {
  return fl === 'dash' ? BUILTINS_DASH : BUILTINS_OTHER;
}

type Builtin = (m: Machine, th: Thread, argv: string[], io: Io, line: number, binary: boolean) => number | undefined;

/** A builtin's error line: dash `sh: 1: cd: msg`, ash `sh: cd: line 0: msg` (or the plain form). */
function berr(m: Machine, th: Thread, io: Io, line: number, name: string, msg: string, ashLine = false): void {
  const env = th.env;
  if (env.fl === 'ash') m.write(io, 2, ashLine ? `${env.arg0}: ${name}: line ${env.script ? line : 0}: ${msg}\n` : `sh: ${msg}\n`);
  else m.write(io, 2, `${errPrefix(env, line)}${name}: ${msg}\n`);
}

const echo: Builtin = (m, th, argv, io, _line, binary) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = th.env.fl === 'dash' && !binary;
  if (th.env.fl === 'dash' && !binary) {
    if (args[0] === '-n') {
      newline = false;
      args = args.slice(1);
    }
  } else {
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const c of args[0].slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
      args = args.slice(1);
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescapeBackslashes(text, { octalNeedsZero: true, octalOnlyAfterZero: true, printfOnly: false });
    text = r.text;
    if (r.stop) newline = false;
  }
  m.write(io, 1, newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (m, th, argv, io, line) => {
  if (argv.length < 2) {
    m.write(io, 2, th.env.fl === 'dash' ? `${errPrefix(th.env, line)}printf: usage: printf format [arg ...]\n` : 'printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 2;
  }
  const r = formatPrintf(argv[1], argv.slice(2));
  m.write(io, 1, r.out);
  for (const bad of r.bad) {
    if (th.env.fl === 'dash') m.write(io, 2, `${errPrefix(th.env, line)}printf: ${bad}: expected numeric value\n`);
    else m.write(io, 2, `sh: invalid number '${bad}'\n`);
  }
  return r.bad.length ? 1 : 0;
};

const test: Builtin = (m, th, argv, io, line) => {
  const name = argv[0];
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      berr(m, th, io, line, '[', 'missing ]');
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = runTest(args, m.host.fs, th.env.cwd, th.env.fl);
  if (typeof r === 'number') return r;
  berr(m, th, io, line, name, r.error);
  return 2;
};

const exit: Builtin = (m, th, argv) => {
  const code = argv[1] === undefined ? th.env.status : Number(argv[1]) & 255;
  m.doExit(th, Number.isNaN(code) ? 2 : code);
  return undefined;
};

const ret: Builtin = (m, th, argv) => {
  m.doReturn(th, argv[1] === undefined ? th.env.status : Number(argv[1]) & 255);
  return undefined;
};

const loopJump: Builtin = (m, th, argv) => {
  m.doLoopJump(th, Math.max(1, Number(argv[1] ?? 1) || 1), argv[0] === 'break' ? 'break' : 'continue');
  return undefined;
};

function quoteValue(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

const exportB: Builtin = (m, th, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (!args.length) {
    const names = Object.keys(th.env.vars).filter((k) => th.env.vars[k].x).sort();
    m.write(io, 1, names.map((k) => `export ${k}=${quoteValue(th.env.vars[k].v)}\n`).join(''));
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) m.setVar(th, a.slice(0, eq), a.slice(eq + 1), true);
    else {
      setOwn(th.env.vars, a, { v: getOwn(th.env.vars, a)?.v ?? '', x: 1 });
    }
  }
  return 0;
};

const unset: Builtin = (_m, th, argv) => {
  let funcs = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') funcs = true;
    else if (a === '-v') funcs = false;
    else if (funcs) delete th.env.funcs[a];
    else delete th.env.vars[a];
  }
  return 0;
};

const set: Builtin = (m, th, argv, io) => {
  const args = argv.slice(1);
  if (!args.length) {
    const names = Object.keys(th.env.vars).sort();
    m.write(io, 1, names.map((k) => `${k}=${quoteValue(th.env.vars[k].v)}\n`).join(''));
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      th.env.params = args.slice(i + 1);
      return 0;
    }
    if ((a === '-o' || a === '+o') && args[i + 1]) {
      const on = a === '-o';
      const opt = args[++i];
      if (opt === 'errexit') th.env.opts.e = on ? 1 : undefined;
      if (opt === 'xtrace') th.env.opts.x = on ? 1 : undefined;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      for (const c of a.slice(1)) {
        if (c === 'e') th.env.opts.e = on ? 1 : undefined;
        if (c === 'x') th.env.opts.x = on ? 1 : undefined;
      }
      if (th.env.opts.e === undefined) delete th.env.opts.e;
      if (th.env.opts.x === undefined) delete th.env.opts.x;
      continue;
    }
    break;
  }
  if (i < args.length) th.env.params = args.slice(i);
  return 0;
};

const shift: Builtin = (m, th, argv, io, line) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!(n >= 0) || n > th.env.params.length) {
    if (th.env.fl === 'dash') {
      m.write(io, 2, `${errPrefix(th.env, line)}shift: can't shift that many\n`);
      m.doExit(th, 2);
      return undefined;
    }
    return 1;
  }
  th.env.params = th.env.params.slice(n);
  return 0;
};

function sigName(spec: string): string | undefined {
  const s = spec.toUpperCase().replace(/^SIG/, '');
  if (s === 'EXIT' || s === '0') return 'EXIT';
  if (SIGNALS[s] !== undefined) return s;
  const byNum = Object.entries(SIGNALS).find(([, n]) => String(n) === s);
  return byNum?.[0];
}

const trap: Builtin = (m, th, argv, io, line) => {
  const args = argv.slice(1);
  if (!args.length) {
    for (const [sig, h] of Object.entries(th.env.traps)) m.write(io, 1, `trap -- ${quoteValue(h)} ${sig}\n`);
    return 0;
  }
  let action: string | null = args[0];
  let sigs = args.slice(1);
  if (/^[0-9]+$/.test(args[0])) {
    action = null;
    sigs = args;
  } else if (args[0] === '-') action = null;
  for (const s of sigs) {
    const name = sigName(s);
    if (!name) {
      berr(m, th, io, line, 'trap', `${s}: bad trap`);
      return 1;
    }
    if (action === null) delete th.env.traps[name];
    else th.env.traps[name] = action;
  }
  return 0;
};

const evalB: Builtin = (m, th, argv, io) => {
  const text = argv.slice(1).join(' ');
  if (!text.trim()) return 0;
  m.runText(th, text, io, 'eval');
  return undefined;
};

const dot: Builtin = (m, th, argv, io, line) => {
  const file = argv[1];
  if (file === undefined) return 0;
  const candidates = file.includes('/') ? [resolvePath(th.env.cwd, file)] : [...(getVar(th.env, 'PATH') ?? '').split(':').filter(Boolean).map((d) => `${d}/${file}`), resolvePath(th.env.cwd, file)];
  const found = candidates.map((p) => m.host.fs.read(p)).find((t) => t !== undefined);
  if (found === undefined) {
    if (th.env.fl === 'dash') m.write(io, 2, `${errPrefix(th.env, line)}.: cannot open ${file}: No such file\n`);
    else m.write(io, 2, `${th.env.arg0}: line ${line}: can't open '${file}': No such file or directory\n`);
    m.doExit(th, th.env.fl === 'dash' ? 2 : 1);
    return undefined;
  }
  m.runText(th, found, io, 'source', argv.length > 2 ? argv.slice(2) : undefined);
  return undefined;
};

const exec: Builtin = (_m, th, argv, io) => {
  if (argv.length < 2) return 0;
  let keep = 0;
  for (let i = th.frames.length - 1; i >= 0; i--) {
    if (th.frames[i].k === 'sub') {
      keep = i + 1;
      break;
    }
  }
  th.frames.length = keep;
  if (keep === 0) th.exitTrapRan = 1;
  th.frames.push({ k: 'exec', argv: argv.slice(1), extraEnv: {}, binaryOnly: 1, io });
  return undefined;
};

const local: Builtin = (m, th, argv, io, line) => {
  const fn = [...th.frames].reverse().find((f) => f.k === 'func');
  if (!fn || fn.k !== 'func') {
    berr(m, th, io, line, 'local', 'not in a function', true);
    m.doExit(th, 2);
    return undefined;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!hasOwn(fn.locals, name)) {
      const old = getOwn(th.env.vars, name);
      setOwn(fn.locals, name, old ? { ...old } : null);
    }
    if (eq > 0) m.setVar(th, name, a.slice(eq + 1));
  }
  return 0;
};

const read: Builtin = (m, th, argv, io) => {
  let raw = false;
  const names: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p') m.write(io, 2, args[++i] ?? '');
    else if (args[i].startsWith('-')) continue;
    else names.push(args[i]);
  }
  const got = m.readLine(io[0]);
  if (got === 'block') {
    th.frames.push({ k: 'read', io });
    return undefined;
  }
  if (got === 'eof') {
    for (const n of names.length ? names : ['REPLY']) m.setVar(th, n, '');
    return 1;
  }
  let text = got.line;
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  const ifs = getVar(th.env, 'IFS') ?? ' \t\n';
  const targets = names.length ? names : ['REPLY'];
  if (!names.length) m.setVar(th, 'REPLY', text);
  else {
    const isSep = (c: string): boolean => ifs.includes(c);
    let rest = text;
    const trimLead = (s: string): string => {
      let i = 0;
      while (i < s.length && isSep(s[i]) && /\s/.test(s[i])) i++;
      return s.slice(i);
    };
    rest = trimLead(rest);
    targets.forEach((n, idx) => {
      if (idx === targets.length - 1) {
        let end = rest.length;
        while (end > 0 && isSep(rest[end - 1]) && /\s/.test(rest[end - 1])) end--;
        m.setVar(th, n, rest.slice(0, end));
        return;
      }
      let j = 0;
      while (j < rest.length && !isSep(rest[j])) j++;
      m.setVar(th, n, rest.slice(0, j));
      rest = trimLead(rest.slice(j + (j < rest.length && !/\s/.test(rest[j]) ? 1 : 0)));
    });
  }
  return got.eof ? 1 : 0;
};

const wait: Builtin = (m, th, argv, io) => {
  const pids = argv.slice(1).map(Number).filter((n) => !Number.isNaN(n));
  th.frames.push({ k: 'wait', pids, io });
  void m;
  return undefined;
};

const kill: Builtin = (m, th, argv, io, line) => {
  const args = argv.slice(1);
  if (args[0] === '-l') {
    if (args[1]) {
      const n = Number(args[1]) > 128 ? Number(args[1]) - 128 : Number(args[1]);
      const name = Object.entries(SIGNALS).find(([, v]) => v === n)?.[0];
      m.write(io, 1, `${name ?? args[1]}\n`);
      return name ? 0 : 1;
    }
    m.write(io, 1, `${Object.keys(SIGNALS).join(' ')}\n`);
    return 0;
  }
  let sig = 'TERM';
  let i = 0;
  if (args[0] === '-s' || args[0] === '-n') {
    sig = sigName(args[1] ?? '') ?? 'TERM';
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0].length > 1) {
    sig = sigName(args[0].slice(1)) ?? 'TERM';
    i = 1;
  }
  let status = 0;
  for (const p of args.slice(i)) {
    const pid = Number(p);
    const job = m.st.threads.find((t, idx) => idx > 0 && t.pid === pid && !t.done);
    if (job) {
      job.done = 1;
      job.code = 128 + (SIGNALS[sig] ?? 15);
      job.frames = [];
      continue;
    }
    if (pid === m.st.pid) {
      if (th.env.traps[sig]) m.runTrap(th, sig);
      else if (pid !== 1 || sig === 'KILL') {
        m.doExit(th, 128 + (SIGNALS[sig] ?? 15));
        return undefined;
      }
      continue;
    }
    if (m.host.processes().some((pr) => pr.pid === pid)) continue;
    if (th.env.fl === 'dash') m.write(io, 2, `${errPrefix(th.env, line)}kill: No such process\n\n`);
    else m.write(io, 2, `sh: can't kill pid ${p}: No such process\n`);
    status = 1;
  }
  return status;
};

const cd: Builtin = (m, th, argv, io, line) => {
  const target = argv[1] ?? getVar(th.env, 'HOME') ?? '/';
  const path = resolvePath(th.env.cwd, target);
  if (!m.host.fs.isDir(path)) {
    if (th.env.fl === 'dash') berr(m, th, io, line, 'cd', `can't cd to ${target}`);
    else berr(m, th, io, line, 'cd', `can't cd to ${target}: No such file or directory`, true);
    return 2;
  }
  th.env.cwd = path;
  m.setVar(th, 'PWD', path);
  return 0;
};

const pwd: Builtin = (m, th, _argv, io) => {
  m.write(io, 1, `${th.env.cwd}\n`);
  return 0;
};

function describe(m: Machine, th: Thread, name: string): { kind: 'builtin' | 'function' | 'file'; path?: string } | undefined {
  if (ALL_BUILTINS.has(name) && builtinFor(th.env.fl).has(name)) return { kind: 'builtin' };
  if (SPECIAL_BUILTINS.has(name)) return { kind: 'builtin' };
  if (th.env.funcs[name] !== undefined) return { kind: 'function' };
  if (m.isShell(name) || m.host.tools.has(name)) return { kind: 'file', path: `${name === 'sh' || name === 'bash' ? '/bin' : '/usr/bin'}/${name}` };
  return undefined;
}

const type: Builtin = (m, th, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describe(m, th, name);
    if (!d) {
      m.write(io, 1, `${name}: not found\n`);
      status = 127;
    } else if (d.kind === 'builtin') m.write(io, 1, `${name} is a ${SPECIAL_BUILTINS.has(name) ? 'special ' : ''}shell builtin\n`);
    else if (d.kind === 'function') m.write(io, 1, `${name} is a shell function\n`);
    else m.write(io, 1, `${name} is ${d.path}\n`);
  }
  return status;
};

const command: Builtin = (m, th, argv, io, line) => {
  const args = argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    const name = args[1];
    if (name === undefined) return 0;
    const d = describe(m, th, name);
    if (!d) return 1;
    m.write(io, 1, `${d.kind === 'file' ? d.path : name}\n`);
    return 0;
  }
  if (!args.length) return 0;
  m.runCommand(th, args, io, {}, line, {});
  return undefined;
};

const letB: Builtin = (m, th, argv, io, line) => {
  let v = 0;
  try {
    for (const e of argv.slice(1)) v = evalArith(e, { get: (n) => getVar(th.env, n), set: (n, val) => m.setVar(th, n, val), power: true, lenient: true });
  } catch {
    berr(m, th, io, line, 'let', 'arithmetic syntax error');
    return 1;
  }
  return v === 0 ? 1 : 0;
};

const TABLE: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo,
  printf,
  test,
  '[': test,
  exit,
  return: ret,
  break: loopJump,
  continue: loopJump,
  export: exportB,
  readonly: exportB,
  unset,
  set,
  shift,
  trap,
  eval: evalB,
  '.': dot,
  source: dot,
  exec,
  local,
  read,
  wait,
  kill,
  cd,
  pwd,
  type,
  command,
  let: letB,
  umask: (m, _th, argv, io) => (argv.length < 2 ? (m.write(io, 1, '0022\n'), 0) : 0),
  ulimit: (m, _th, _argv, io) => (m.write(io, 1, 'unlimited\n'), 0),
  hash: () => 0,
  alias: () => 0,
  unalias: () => 0,
  jobs: () => 0,
};

export function runBuiltin(m: Machine, th: Thread, argv: string[], io: Io, line: number, binary: boolean): number | undefined {
  return TABLE[argv[0]](m, th, argv, io, line, binary);
}
