// Processes: start an argv (a container's command, `kubectl exec -- …`), run it on its own clock
// up to a deadline, deliver signals, or run it to the end for a probe. The state between calls is
// plain JSON; the host (files, network) is handed in on every call and never kept.
import { setOwn } from '../../api/meta/own';
import { EXEC_BINARIES } from './builtins';
import type { ShellHost } from './host';
import { Machine, STD_IO, type OutputChunk } from './machine';
import { SIGNALS } from './messages';
import type { Frame, ProcState, ShellEnv, Thread } from './state';

/** The process between calls: plain JSON (JSON.stringify/parse round-trips it exactly). */
export type ProcessState = ProcState;

export type StepResult =
  | { status: 'sleeping'; wakeAt: number; state: ProcessState; output: OutputChunk[] }
  | { status: 'exited'; code: number; output: OutputChunk[]; finishedAt: number }
  | { status: 'forever'; state: ProcessState; output: OutputChunk[] }
  | { status: 'busy'; state: ProcessState; output: OutputChunk[] };

export type StartResult =
  | { ok: true; state: ProcessState }
  | {
      ok: false;
      reason: 'not-found' | 'not-executable';
      /** containerd/runc's StartError text. */
      message: string;
      /** The runc part alone (`exec: "foo": executable file not found in $PATH`), for `kubectl exec`'s wording. */
      cause: string;
    };

export interface StartOptions {
  /** $$ (default 1: the container's PID 1). */
  pid?: number;
  /** Data on stdin, then end of file (default: an empty stdin at end of file, as a container without `stdin: true`). */
  stdin?: string;
  /** stdin stays open once drained (a container with `stdin: true`, `kubectl exec -i`): readers block. */
  stdinOpen?: boolean;
}

const DEFAULT_MAX_STEPS = 200_000;
const BIN_DIRS = ['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/usr/local/sbin'];

const RUNC_PREFIX = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';

function startError(reason: 'not-found' | 'not-executable', cause: string): StartResult {
  return { ok: false, reason, cause, message: `${RUNC_PREFIX}${cause}: unknown` };
}

function isShellName(base: string, host: ShellHost): boolean {
  return base === 'sh' || base === host.shell || (base === 'bash' && host.tools.has('bash'));
}

export function startProcess(argv: string[], host: ShellHost, at: number, opts: StartOptions = {}): StartResult {
  const name = argv[0] ?? '';
  const slash = name.lastIndexOf('/');
  const base = name.slice(slash + 1);
  const dir = slash > 0 ? name.slice(0, slash) : slash === 0 ? '/' : '';
  const cwd = host.cwd ?? '/';
  if (!name) return startError('not-found', 'exec: "": executable file not found in $PATH');
  const onPath = slash < 0 || BIN_DIRS.includes(dir);
  const known = onPath && (isShellName(base, host) || host.tools.has(base) || EXEC_BINARIES.has(base));
  if (!known) {
    if (slash < 0) return startError('not-found', `exec: "${name}": executable file not found in $PATH`);
    const path = name.startsWith('/') ? name : `${cwd.replace(/\/$/, '')}/${name}`;
    if (host.fs.isDir(path)) return startError('not-executable', `exec: "${name}": permission denied`);
    const text = host.fs.read(path);
    if (text === undefined) return startError('not-found', `exec: "${name}": stat ${name}: no such file or directory`);
    if (!text.startsWith('#!')) return startError('not-executable', `exec: "${name}": exec format error`);
  }
  const env: ShellEnv = { vars: {}, funcs: {}, params: [], arg0: 'sh', status: 0, opts: {}, traps: {}, cwd, fl: host.shell };
  for (const [k, v] of Object.entries(host.env)) setOwn(env.vars, k, { v, x: 1 });
  env.vars.HOSTNAME ??= { v: host.hostname, x: 1 };
  env.vars.HOME ??= { v: '/root', x: 1 };
  env.vars.PATH ??= { v: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', x: 1 };
  const main: Thread = { pid: opts.pid ?? 1, env, frames: [{ k: 'exec', argv: [...argv], extraEnv: {}, binaryOnly: 1, io: STD_IO }] };
  const state: ProcState = {
    v: 1,
    flavor: host.shell,
    nodes: [],
    clock: at,
    threads: [main],
    bufs: {},
    inputs: {},
    stdin: { data: opts.stdin ?? '', pos: 0, open: !!opts.stdinOpen },
    nextId: 2,
    pid: opts.pid ?? 1,
    pending: [],
  };
  return { ok: true, state };
}

/** Drops capture buffers and inputs no frame refers to any more. */
function collect(st: ProcState): void {
  const live = new Set<string>();
  const ref = (f: Frame): void => {
    for (const fd of [0, 1, 2] as const) {
      const r = f.io[fd];
      if (r.t === 'in' || r.t === 'buf') live.add(String(r.id));
    }
    if (f.k === 'pipe' && f.buf !== undefined) live.add(String(f.buf));
    if (f.k === 'sub' && f.capture !== undefined) live.add(String(f.capture));
  };
  for (const th of st.threads) for (const f of th.frames) ref(f);
  for (const k of Object.keys(st.bufs)) if (!live.has(k)) delete st.bufs[k];
  for (const k of Object.keys(st.inputs)) if (!live.has(k)) delete st.inputs[k];
  for (const th of st.threads.slice(1)) if (th.done) th.env = { ...th.env, vars: {}, funcs: {}, params: [] };
}

/** Runs trap handlers that waited for a foreground command, once none is running. */
function runPending(m: Machine): void {
  const st = m.st;
  const main = m.main;
  if (!st.pending.length || main.done || main.forever || main.wakeAt !== undefined) return;
  if (main.frames.some((f) => f.k === 'sub' || f.k === 'actions')) return;
  for (const sig of st.pending) m.runTrap(main, sig);
  st.pending = [];
}

function exited(st: ProcState, m: Machine, code: number): StepResult {
  st.exit = { code, at: st.clock };
  st.threads[0].done = 1;
  return { status: 'exited', code, output: m.out, finishedAt: st.clock };
}

export function resume(state: ProcessState, host: ShellHost, opts: { until: number; maxSteps?: number }): StepResult {
  const st = state;
  const m = new Machine(st, host);
  if (st.exit) return { status: 'exited', code: st.exit.code, output: [], finishedAt: st.exit.at };
  const max = opts.maxSteps ?? DEFAULT_MAX_STEPS;
  let steps = 0;
  for (;;) {
    const main = st.threads[0];
    if (main.done) {
      collect(st);
      return exited(st, m, main.code ?? 0);
    }
    for (const th of st.threads) if (th.wakeAt !== undefined && th.wakeAt <= st.clock) delete th.wakeAt;
    runPending(m);
    const th = st.threads.find((t) => m.runnable(t));
    if (th) {
      m.step(th);
      if (++steps >= max) {
        collect(st);
        return { status: 'busy', state: st, output: m.out };
      }
      continue;
    }
    const wakes = st.threads.filter((t) => !t.done && t.wakeAt !== undefined).map((t) => t.wakeAt!);
    collect(st);
    if (!wakes.length) return { status: 'forever', state: st, output: m.out };
    const next = Math.min(...wakes);
    if (next > opts.until) return { status: 'sleeping', wakeAt: next, state: st, output: m.out };
    st.clock = next;
  }
}

function withOutput(first: OutputChunk[], r: StepResult): StepResult {
  return { ...r, output: [...first, ...r.output] };
}

export function signal(state: ProcessState, host: ShellHost, sig: 'TERM' | 'INT' | 'KILL', at: number, opts: { pid1: boolean }): StepResult {
  const r0 = resume(state, host, { until: at });
  if (r0.status === 'exited') return r0;
  const st = state;
  st.clock = Math.max(st.clock, at);
  const m = new Machine(st, host);
  const main = st.threads[0];
  const code = 128 + SIGNALS[sig];
  if (sig === 'KILL') return withOutput(r0.output, exited(st, m, code));
  const subIdx = main.frames.findIndex((f) => f.k === 'sub');
  const shellEnv = subIdx >= 0 ? (main.frames[subIdx] as Extract<Frame, { k: 'sub' }>).saved : main.env;
  const handler = shellEnv.traps[sig];
  if (handler === '' || (handler === undefined && opts.pid1)) return withOutput(r0.output, resume(st, host, { until: at }));
  if (handler === undefined) return withOutput(r0.output, exited(st, m, code));
  const top = main.frames[main.frames.length - 1];
  if (subIdx < 0 && top && (top.k === 'wait' || top.k === 'read')) {
    main.frames.pop();
    main.env.status = code;
    m.runTrap(main, sig);
  } else if (subIdx < 0 && !main.forever && main.wakeAt === undefined && !main.frames.some((f) => f.k === 'actions')) {
    m.runTrap(main, sig);
  } else st.pending.push(sig);
  return withOutput(r0.output, resume(st, host, { until: at }));
}

export function runToEnd(argv: string[], host: ShellHost, at: number, limitMs: number): { code: number; output: OutputChunk[]; timedOut: boolean; finishedAt: number } {
  const started = startProcess(argv, host, at);
  if (!started.ok) return { code: started.reason === 'not-found' ? 127 : 126, output: [{ stream: 'stderr', text: `${started.message}\n`, at }], timedOut: false, finishedAt: at };
  const output: OutputChunk[] = [];
  const deadline = at + limitMs;
  for (let rounds = 0; rounds < 20; rounds++) {
    const r = resume(started.state, host, { until: deadline });
    output.push(...r.output);
    if (r.status === 'exited') return { code: r.code, output, timedOut: false, finishedAt: r.finishedAt };
    if (r.status !== 'busy') break;
  }
  return { code: -1, output, timedOut: true, finishedAt: deadline };
}
