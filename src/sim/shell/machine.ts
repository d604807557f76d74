// The interpreter: steps a thread's frame stack one small move at a time. Every frame is plain data
// (see state.ts), so a process can stop anywhere — mid-loop, inside a function, inside $( ) — and
// continue later from JSON without running anything twice.
import { getOwn, setOwn } from '../../api/meta/own';
import type { Node, Redir } from './ast';
import { builtinFor, runBuiltin, EXEC_BINARIES, SPECIAL_BUILTINS } from './builtins';
import { ExpandError, NeedSubst, expandPattern, expandString, expandWords, globMatch, resolvePath, type ExpandCtx } from './expand';
import type { ShellHost } from './host';
import { errPrefix, notFound, redirError, syntaxMessage, cannotOpenScript } from './messages';
import { ShellSyntaxError, parseProgram } from './parse';
import type { Action, Flavor, Frame, InRef, Io, LogEntry, ProcState, ShellEnv, Thread } from './state';
import { ToolOutput, toolImpl, type ToolContext } from './tools/registry';

export type Stream = 'stdout' | 'stderr';
export interface OutputChunk {
  stream: Stream;
  text: string;
  at: number;
}

export const STD_IO: Io = { 0: { t: 'proc' }, 1: { t: 'out' }, 2: { t: 'err' } };
const BIN_DIRS = new Set(['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/usr/local/sbin']);

export function cloneEnv(env: ShellEnv): ShellEnv {
  return JSON.parse(JSON.stringify(env)) as ShellEnv;
}

type F<K extends Frame['k']> = Extract<Frame, { k: K }>;

export class Machine {
  readonly out: OutputChunk[] = [];

  constructor(
    readonly st: ProcState,
    readonly host: ShellHost,
  ) {}

  // ---- I/O ----

  write(io: Io, fd: 1 | 2, text: string): void {
    if (!text) return;
    const ref = io[fd];
    switch (ref.t) {
      case 'out':
      case 'err': {
        const stream: Stream = ref.t === 'out' ? 'stdout' : 'stderr';
        const last = this.out[this.out.length - 1];
        if (last && last.stream === stream && last.at === this.st.clock) last.text += text;
        else this.out.push({ stream, text, at: this.st.clock });
        break;
      }
      case 'buf':
        this.st.bufs[ref.id] = (this.st.bufs[ref.id] ?? '') + text;
        break;
      case 'file':
        this.host.fs.write(ref.path, text, true);
        break;
    }
  }

  /** Everything left on an input; eof false means more may come (an open, drained stdin). */
  readAll(ref: InRef): { text: string; eof: boolean } {
    if (ref.t === 'null') return { text: '', eof: true };
    const src = ref.t === 'proc' ? this.st.stdin : this.st.inputs[ref.id];
    if (!src) return { text: '', eof: true };
    const text = src.data.slice(src.pos);
    src.pos = src.data.length;
    return { text, eof: ref.t !== 'proc' || !this.st.stdin.open };
  }

  /** One line (without its newline; eof when it had none); 'eof' at the end, 'block' on an open, drained stdin. */
  readLine(ref: InRef): { line: string; eof: boolean } | 'eof' | 'block' {
    if (ref.t === 'null') return 'eof';
    const src = ref.t === 'proc' ? this.st.stdin : this.st.inputs[ref.id];
    if (!src || src.pos >= src.data.length) return ref.t === 'proc' && this.st.stdin.open ? 'block' : 'eof';
    const nl = src.data.indexOf('\n', src.pos);
    const end = nl < 0 ? src.data.length : nl;
    const line = src.data.slice(src.pos, end);
    src.pos = nl < 0 ? end : end + 1;
    return { line, eof: nl < 0 };
  }

  newBuf(): number {
    const id = this.st.nextId++;
    this.st.bufs[id] = '';
    return id;
  }

  newInput(data: string): number {
    const id = this.st.nextId++;
    this.st.inputs[id] = { data, pos: 0 };
    return id;
  }

  error(th: Thread, io: Io, line: number, msg: string): void {
    this.write(io, 2, `${errPrefix(th.env, line)}${msg}\n`);
  }

  // ---- frames ----

  get main(): Thread {
    return this.st.threads[0];
  }

  pushNode(th: Thread, n: number, io: Io, cond?: boolean): void {
    const node = this.st.nodes[n];
    if (node.t !== 'simple' && 'redirs' in node && node.redirs.length) {
      th.frames.push({ k: 'redir', n, log: [], io, ...(cond ? { cond: 1 } : {}) });
      return;
    }
    this.pushBare(th, n, io, cond);
  }

  private pushBare(th: Thread, n: number, io: Io, cond?: boolean): void {
    const node = this.st.nodes[n];
    const c = cond ? { cond: 1 as const } : {};
    switch (node.t) {
      case 'list':
        th.frames.push({ k: 'list', n, pc: 0, io, ...c });
        return;
      case 'andor':
        th.frames.push({ k: 'andor', n, pc: 0, io, ...c });
        return;
      case 'pipe':
        th.frames.push({ k: 'pipe', n, pc: 0, io, ...c });
        return;
      case 'simple':
        th.frames.push({ k: 'simple', n, log: [], io, ...c });
        return;
      case 'group':
        this.pushNode(th, node.body, io, cond);
        return;
      case 'sub':
        th.frames.push({ k: 'sub', n: node.body, saved: cloneEnv(th.env), io, ...c });
        this.enterSubshell(th);
        return;
      case 'if':
        th.frames.push({ k: 'if', n, clause: 0, phase: 'cond', io, ...c });
        return;
      case 'loop':
        th.frames.push({ k: 'loop', n, phase: 'cond', status: 0, io, ...c });
        return;
      case 'for':
        th.frames.push({ k: 'for', n, items: null, i: 0, log: [], status: 0, io, ...c });
        return;
      case 'case':
        th.frames.push({ k: 'case', n, log: [], io, ...c });
        return;
      case 'func':
        th.env.funcs[node.name] = node.body;
        th.env.status = 0;
        return;
    }
  }

  /** A subshell keeps ignored signals but not trap handlers. */
  private enterSubshell(th: Thread): void {
    th.env.traps = Object.fromEntries(Object.entries(th.env.traps).filter(([, v]) => v === ''));
  }

  private ctx(th: Thread, log: LogEntry[]): ExpandCtx {
    return { env: th.env, flavor: th.env.fl, pid: this.st.pid, log, li: 0, fs: this.host.fs };
  }

  /** Handles an expansion that stopped: runs a pending $( ), or reports an error and exits. */
  private expansionStopped(th: Thread, f: Frame, e: unknown, line: number): void {
    if (e instanceof NeedSubst) {
      const id = this.newBuf();
      const io: Io = { 0: f.io[0], 1: { t: 'buf', id }, 2: f.io[2] };
      th.frames.push({ k: 'sub', n: e.n, saved: cloneEnv(th.env), capture: id, io });
      this.enterSubshell(th);
      return;
    }
    if (e instanceof ExpandError) {
      this.error(th, f.io, line, e.message);
      this.doExit(th, e.status);
      return;
    }
    throw e;
  }

  step(th: Thread): void {
    const f = th.frames[th.frames.length - 1];
    if (!f) {
      this.finishThread(th);
      return;
    }
    switch (f.k) {
      case 'list':
        return this.stepList(th, f);
      case 'andor':
        return this.stepAndOr(th, f);
      case 'pipe':
        return this.stepPipe(th, f);
      case 'simple':
        return this.stepSimple(th, f);
      case 'exec':
        th.frames.pop();
        this.runCommand(th, f.argv, f.io, f.extraEnv, 1, { binaryOnly: !!f.binaryOnly, top: th === this.main && th.frames.length === 0 });
        return;
      case 'actions':
        return this.stepActions(th, f);
      case 'redir':
        return this.stepRedir(th, f);
      case 'if':
        return this.stepIf(th, f);
      case 'loop':
        return this.stepLoop(th, f);
      case 'for':
        return this.stepFor(th, f);
      case 'case':
        return this.stepCase(th, f);
      case 'sub':
        return this.stepSub(th, f);
      case 'func':
      case 'source':
        if (!f.started) {
          f.started = 1;
          this.pushNode(th, f.n, f.io);
          return;
        }
        th.frames.pop();
        if (f.k === 'func') {
          th.env.params = f.savedParams;
          for (const [name, old] of Object.entries(f.locals)) {
            if (old) setOwn(th.env.vars, name, old);
            else delete th.env.vars[name];
          }
        } else if (f.savedParams) th.env.params = f.savedParams;
        return;
      case 'trap':
        if (!f.started) {
          f.started = 1;
          this.pushNode(th, f.n, f.io);
          return;
        }
        th.frames.pop();
        th.env.status = f.status;
        return;
      case 'wait':
        th.frames.pop();
        this.finish(th, this.waitStatus(f.pids));
        return;
      case 'read':
      case 'hung':
        return;
    }
  }

  private stepList(th: Thread, f: F<'list'>): void {
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'list' }>;
    if (f.pc >= node.items.length) {
      th.frames.pop();
      return;
    }
    const item = node.items[f.pc++];
    if (item.bg) this.spawn(th, item.n, f.io);
    else this.pushNode(th, item.n, f.io);
  }

  private stepAndOr(th: Thread, f: F<'andor'>): void {
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'andor' }>;
    if (f.pc === 0) {
      f.pc = 1;
      this.pushNode(th, node.first, f.io, true);
      return;
    }
    while (f.pc - 1 < node.rest.length) {
      const r = node.rest[f.pc - 1];
      f.pc++;
      if (r.op === '&&' ? th.env.status === 0 : th.env.status !== 0) {
        this.pushNode(th, r.n, f.io, f.pc - 1 < node.rest.length);
        return;
      }
    }
    th.frames.pop();
  }

  private stepPipe(th: Thread, f: F<'pipe'>): void {
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'pipe' }>;
    if (f.pc >= node.cmds.length) {
      th.frames.pop();
      const status = node.bang ? Number(th.env.status === 0) : th.env.status;
      th.env.status = status;
      if (f.hung) {
        th.frames.push({ k: 'hung', io: f.io });
        th.forever = 1;
        return;
      }
      if (!node.bang) this.checkErrexit(th, status);
      return;
    }
    const i = f.pc++;
    let input: InRef = f.io[0];
    if (i > 0) {
      const prev = f.buf !== undefined ? (this.st.bufs[f.buf] ?? '') : '';
      if (f.buf !== undefined) delete this.st.bufs[f.buf];
      input = { t: 'in', id: this.newInput(prev) };
    }
    const last = i === node.cmds.length - 1;
    const io: Io = { 0: input, 1: f.io[1], 2: f.io[2] };
    if (!last) {
      f.buf = this.newBuf();
      io[1] = { t: 'buf', id: f.buf };
    } else f.buf = undefined;
    th.frames.push({ k: 'sub', n: node.cmds[i], saved: cloneEnv(th.env), io, ...(node.bang || !last ? { cond: 1 as const } : {}) });
    this.enterSubshell(th);
  }

  private stepSimple(th: Thread, f: F<'simple'>): void {
    if (f.ran) {
      th.frames.pop();
      return;
    }
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'simple' }>;
    const ctx = this.ctx(th, f.log);
    let argv: string[];
    let assigns: [string, string][];
    let targets: string[];
    try {
      argv = expandWords(node.words, ctx);
      assigns = node.assigns.map((a) => [a.name, expandString(a.value, ctx)]);
      targets = this.redirTargets(node.redirs, ctx);
    } catch (e) {
      this.expansionStopped(th, f, e, node.line);
      return;
    }
    f.ran = 1;
    f.log = [];
    if (th.env.opts.x) {
      const shown = [...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ');
      this.write(f.io, 2, `+ ${shown}\n`);
    }
    const io = this.redirect(th, f.io, node.redirs, targets, node.line);
    if (!io) {
      this.finish(th, th.env.fl === 'dash' ? 2 : 1);
      return;
    }
    if (!argv.length) {
      for (const [k, v] of assigns) this.setVar(th, k, v);
      this.finish(th, ctx.substStatus ?? 0);
      return;
    }
    this.runCommand(th, argv, io, Object.fromEntries(assigns), node.line, {});
  }

  setVar(th: Thread, name: string, value: string, exported?: boolean): void {
    const old = getOwn(th.env.vars, name);
    setOwn(th.env.vars, name, old?.x || exported ? { v: value, x: 1 } : { v: value });
  }

  private redirTargets(redirs: Redir[], ctx: ExpandCtx): string[] {
    return redirs.map((r) => (r.body ? expandString(r.body, ctx) : expandString(r.target, ctx)));
  }

  /** Applies redirections in order; undefined (after reporting) when a file cannot be opened. */
  private redirect(th: Thread, base: Io, redirs: Redir[], targets: string[], line: number): Io | undefined {
    if (!redirs.length) return base;
    const io: Io = { 0: base[0], 1: base[1], 2: base[2] };
    const fs = this.host.fs;
    for (let i = 0; i < redirs.length; i++) {
      const r = redirs[i];
      const target = targets[i];
      const fd = r.fd as 0 | 1 | 2;
      if (r.fd > 2) continue;
      switch (r.op) {
        case '<<':
        case '<<-':
          io[0] = { t: 'in', id: this.newInput(target) };
          break;
        case '<':
        case '<>': {
          if (target === '/dev/null') {
            io[0] = { t: 'null' };
            break;
          }
          const path = resolvePath(th.env.cwd, target);
          const data = fs.read(path);
          if (data === undefined) {
            this.write(io, 2, redirError(th.env, line, target, 'open'));
            return undefined;
          }
          io[0] = { t: 'in', id: this.newInput(data) };
          break;
        }
        case '>&':
        case '<&': {
          if (target === '-') continue;
          const src = Number(target);
          if (src === 1 || src === 2) {
            if (fd === 1 || fd === 2) io[fd] = io[src];
          } else if (src === 0 && fd === 0) io[0] = base[0];
          break;
        }
        default: {
          const out = this.openOut(th, io, target, r.op === '>>' || r.op === '&>>', line);
          if (!out) return undefined;
          if (r.op === '&>' || r.op === '&>>') {
            io[1] = out;
            io[2] = out;
          } else if (fd === 1 || fd === 2) io[fd] = out;
        }
      }
    }
    return io;
  }

  private openOut(th: Thread, io: Io, target: string, append: boolean, line: number): Io[1] | undefined {
    if (target === '/dev/null') return { t: 'null' };
    if (target === '/dev/stdout') return io[1];
    if (target === '/dev/stderr') return io[2];
    const path = resolvePath(th.env.cwd, target);
    if (this.host.fs.isDir(path) || !this.host.fs.write(path, '', append)) {
      this.write(io, 2, this.host.fs.isDir(path) ? `${errPrefix(th.env, line)}cannot create ${target}: Is a directory\n` : redirError(th.env, line, target, 'create'));
      return undefined;
    }
    return { t: 'file', path };
  }

  private stepRedir(th: Thread, f: F<'redir'>): void {
    if (f.started) {
      th.frames.pop();
      return;
    }
    const node = this.st.nodes[f.n] as Extract<Node, { redirs: Redir[] }>;
    let targets: string[];
    try {
      targets = this.redirTargets(node.redirs, this.ctx(th, f.log));
    } catch (e) {
      this.expansionStopped(th, f, e, 1);
      return;
    }
    const io = this.redirect(th, f.io, node.redirs, targets, 1);
    if (!io) {
      th.frames.pop();
      this.finish(th, th.env.fl === 'dash' ? 2 : 1);
      return;
    }
    f.started = 1;
    this.pushBare(th, f.n, io);
  }

  private stepIf(th: Thread, f: F<'if'>): void {
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'if' }>;
    if (f.phase === 'done') {
      th.frames.pop();
      return;
    }
    if (f.phase === 'test') {
      if (th.env.status === 0) {
        f.phase = 'done';
        this.pushNode(th, node.clauses[f.clause].body, f.io);
        return;
      }
      f.clause++;
      f.phase = 'cond';
    }
    if (f.clause < node.clauses.length) {
      f.phase = 'test';
      this.pushNode(th, node.clauses[f.clause].cond, f.io, true);
      return;
    }
    f.phase = 'done';
    if (node.else !== null) this.pushNode(th, node.else, f.io);
    else th.env.status = 0;
  }

  private stepLoop(th: Thread, f: F<'loop'>): void {
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'loop' }>;
    if (f.phase === 'body') {
      f.status = th.env.status;
      f.phase = 'cond';
      return;
    }
    if (f.phase === 'cond') {
      f.phase = 'test';
      this.pushNode(th, node.cond, f.io, true);
      return;
    }
    if ((th.env.status === 0) !== node.until) {
      f.phase = 'body';
      this.pushNode(th, node.body, f.io);
      return;
    }
    th.frames.pop();
    th.env.status = f.status;
  }

  private stepFor(th: Thread, f: F<'for'>): void {
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'for' }>;
    if (f.items === null) {
      try {
        f.items = node.words ? expandWords(node.words, this.ctx(th, f.log)) : [...th.env.params];
      } catch (e) {
        this.expansionStopped(th, f, e, 1);
        return;
      }
      f.log = [];
    } else if (f.i > 0) f.status = th.env.status;
    if (f.i >= f.items.length) {
      th.frames.pop();
      th.env.status = f.status;
      return;
    }
    this.setVar(th, node.name, f.items[f.i++]);
    this.pushNode(th, node.body, f.io);
  }

  private stepCase(th: Thread, f: F<'case'>): void {
    if (f.done) {
      th.frames.pop();
      return;
    }
    const node = this.st.nodes[f.n] as Extract<Node, { t: 'case' }>;
    const ctx = this.ctx(th, f.log);
    let body: number | null | undefined;
    try {
      const word = expandString(node.word, ctx);
      for (const item of node.items) {
        if (item.pats.some((p) => globMatch(expandPattern(p, ctx), word))) {
          body = item.body;
          break;
        }
      }
    } catch (e) {
      this.expansionStopped(th, f, e, 1);
      return;
    }
    f.done = 1;
    th.env.status = 0;
    if (body !== undefined && body !== null) this.pushNode(th, body, f.io);
  }

  private stepSub(th: Thread, f: F<'sub'>): void {
    if (!f.started) {
      f.started = 1;
      this.pushNode(th, f.n, f.io);
      return;
    }
    th.frames.pop();
    const status = th.env.status;
    th.env = f.saved;
    if (f.capture !== undefined) {
      const out = this.st.bufs[f.capture] ?? '';
      delete this.st.bufs[f.capture];
      const below = th.frames[th.frames.length - 1] as { log?: LogEntry[] } | undefined;
      below?.log?.push({ k: 'cmd', out, status });
      return;
    }
    th.env.status = status;
    if (!f.cond) this.checkErrexit(th, status);
  }

  private stepActions(th: Thread, f: F<'actions'>): void {
    if (f.pc >= f.acts.length) {
      th.frames.pop();
      this.finish(th, f.code);
      return;
    }
    const a = f.acts[f.pc];
    switch (a.t) {
      case 'out':
        f.pc++;
        this.write(f.io, a.fd, a.text);
        return;
      case 'sleep':
        f.pc++;
        th.wakeAt = this.st.clock + a.ms;
        return;
      case 'forever':
        this.hang(th);
    }
  }

  /** A command that blocks for good: a pipeline stage lets the rest of the pipeline run. */
  private hang(th: Thread): void {
    for (let i = th.frames.length - 1; i > 0; i--) {
      const fr = th.frames[i];
      if (fr.k !== 'sub') continue;
      const below = th.frames[i - 1];
      if (fr.capture === undefined && below.k === 'pipe') {
        const node = this.st.nodes[below.n] as Extract<Node, { t: 'pipe' }>;
        if (below.pc < node.cmds.length) {
          th.frames.length = i;
          th.env = fr.saved;
          below.hung = 1;
          return;
        }
      }
      break;
    }
    th.forever = 1;
  }

  // ---- status, exit, control flow ----

  finish(th: Thread, status: number): void {
    th.env.status = status;
    this.checkErrexit(th, status);
  }

  private checkErrexit(th: Thread, status: number): void {
    if (!th.env.opts.e || status === 0) return;
    if (th.frames.some((f) => f.cond)) return;
    this.doExit(th, status);
  }

  /** exit: unwinds to the enclosing subshell, or ends the thread. */
  doExit(th: Thread, code: number): void {
    for (let i = th.frames.length - 1; i >= 0; i--) {
      if (th.frames[i].k === 'sub') {
        th.frames.length = i + 1;
        th.env.status = code;
        return;
      }
    }
    th.frames.length = 0;
    th.env.status = code;
  }

  /** return: unwinds to the function (or sourced file); outside one it exits. */
  doReturn(th: Thread, code: number): void {
    for (let i = th.frames.length - 1; i >= 0; i--) {
      const k = th.frames[i].k;
      if (k === 'func' || k === 'source') {
        th.frames.length = i + 1;
        th.env.status = code;
        return;
      }
      if (k === 'sub') break;
    }
    this.doExit(th, code);
  }

  /** break/continue n: unwinds to the n-th enclosing loop (not past a function or subshell). */
  doLoopJump(th: Thread, n: number, kind: 'break' | 'continue'): void {
    const loops: number[] = [];
    for (let i = th.frames.length - 1; i >= 0; i--) {
      const k = th.frames[i].k;
      if (k === 'func' || k === 'sub' || k === 'source') break;
      if (k === 'loop' || k === 'for') loops.push(i);
    }
    if (!loops.length) return;
    {
      const i = loops[Math.min(n, loops.length) - 1];
      const fr = th.frames[i];
      th.frames.length = i + 1;
      th.env.status = 0;
      if (kind === 'break') {
        th.frames.pop();
        th.env.status = 0;
      } else if (fr.k === 'loop') {
        fr.phase = 'body';
      }
    }
  }

  private finishThread(th: Thread): void {
    if (th === this.main && !th.exitTrapRan && th.env.traps.EXIT) {
      th.exitTrapRan = 1;
      this.runTrap(th, 'EXIT');
      return;
    }
    th.done = 1;
    th.code = th.env.status;
  }

  /** Pushes a trap's handler; $? is what it was before the handler ran. */
  runTrap(th: Thread, sig: string): void {
    const handler = th.env.traps[sig];
    if (!handler) return;
    let n: number;
    try {
      n = parseProgram(handler, this.st.nodes, { bash: th.env.fl === 'bash' });
    } catch {
      return;
    }
    const io = th === this.main ? STD_IO : { ...STD_IO, 0: { t: 'null' as const } };
    th.frames.push({ k: 'trap', n, status: th.env.status, io });
  }

  private spawn(th: Thread, n: number, io: Io): void {
    const pid = this.st.nextId++;
    const env = cloneEnv(th.env);
    env.traps = {};
    const child: Thread = { pid, env, frames: [] };
    this.st.threads.push(child);
    this.pushNode(child, n, { 0: { t: 'null' }, 1: io[1], 2: io[2] });
    th.env.lastBg = pid;
    th.env.status = 0;
  }

  waitStatus(pids: number[]): number {
    const jobs = this.st.threads.slice(1);
    const last = pids.length ? jobs.find((t) => t.pid === pids[pids.length - 1]) : undefined;
    if (pids.length && !last) return 127;
    return last?.code ?? 0;
  }

  /** Whether a thread can take a step now (the scheduler has already woken sleepers). */
  runnable(th: Thread): boolean {
    if (th.done || th.forever || th.wakeAt !== undefined) return false;
    const top = th.frames[th.frames.length - 1];
    if (!top) return true;
    if (top.k === 'read' || top.k === 'hung') return false;
    if (top.k === 'wait') {
      const jobs = this.st.threads.filter((t) => t !== th && (top.pids.length === 0 || top.pids.includes(t.pid)));
      return jobs.every((t) => t.done);
    }
    return true;
  }

  // ---- commands ----

  exportedEnv(th: Thread, extra: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(th.env.vars)) if (v.x) setOwn(env, k, v.v);
    return { ...env, ...extra };
  }

  isShell(base: string): boolean {
    if (base === 'sh') return true;
    if (base === 'bash') return this.host.tools.has('bash');
    return base === this.host.shell;
  }

  runCommand(th: Thread, argv: string[], io: Io, extraEnv: Record<string, string>, line: number, opts: { binaryOnly?: boolean; top?: boolean }): void {
    const name = argv[0];
    const env = th.env;
    const hasSlash = name.includes('/');
    if (!hasSlash && !opts.binaryOnly) {
      const fn = env.funcs[name];
      if (SPECIAL_BUILTINS.has(name) || fn !== undefined) {
        for (const [k, v] of Object.entries(extraEnv)) this.setVar(th, k, v);
      }
      if (SPECIAL_BUILTINS.has(name)) return this.builtin(th, argv, io, line, false);
      if (fn !== undefined) {
        th.frames.push({ k: 'func', n: fn, savedParams: env.params, locals: {}, io });
        env.params = argv.slice(1);
        return;
      }
      if (builtinFor(env.fl).has(name)) return this.builtin(th, argv, io, line, false);
    }
    const slash = name.lastIndexOf('/');
    const base = name.slice(slash + 1);
    const dir = slash > 0 ? name.slice(0, slash) : slash === 0 ? '/' : '';
    const onPath = !hasSlash || BIN_DIRS.has(dir);
    if (onPath && this.isShell(base)) return this.runShell(th, [base === name ? name : name, ...argv.slice(1)], io, extraEnv, opts.top ?? false, line);
    if (onPath && this.host.tools.has(base)) return this.runTool(th, [base, ...argv.slice(1)], io, extraEnv, line);
    if (onPath && opts.binaryOnly && EXEC_BINARIES.has(base)) return this.builtin(th, [base, ...argv.slice(1)], io, line, true);
    if (hasSlash) {
      const path = resolvePath(env.cwd, name);
      const text = this.host.fs.read(path);
      if (text !== undefined) return this.runScriptFile(th, path, text, argv, io, extraEnv, opts.top ?? false, line);
      if (this.host.fs.isDir(path)) {
        this.write(io, 2, `${errPrefix(env, line)}${name}: Permission denied\n`);
        return this.finish(th, 126);
      }
    }
    this.write(io, 2, notFound(env, line, name));
    this.finish(th, 127);
  }

  private builtin(th: Thread, argv: string[], io: Io, line: number, binary: boolean): void {
    const code = runBuiltin(this, th, argv, io, line, binary);
    if (code !== undefined) this.finish(th, code);
  }

  private runScriptFile(th: Thread, path: string, text: string, argv: string[], io: Io, extraEnv: Record<string, string>, top: boolean, line: number): void {
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
    let interp = shebang ? shebang[1].slice(shebang[1].lastIndexOf('/') + 1) : 'sh';
    if (interp === 'env' && shebang?.[2]) interp = shebang[2];
    if (this.isShell(interp)) return this.runShell(th, [interp, argv[0], ...argv.slice(1)], io, extraEnv, top, line);
    if (this.host.tools.has(interp)) return this.runTool(th, [interp, argv[0], ...argv.slice(1)], io, extraEnv, line);
    this.write(io, 2, `${errPrefix(th.env, line)}${argv[0]}: not found\n`);
    this.finish(th, 127);
  }

  /** sh [-ex] -c 'cmd' [arg0 args…] | sh script [args…] | sh (reads stdin). */
  runShell(th: Thread, argv: string[], io: Io, extraEnv: Record<string, string>, top: boolean, line: number): void {
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    const fl: Flavor = base === 'bash' ? 'bash' : this.host.shell;
    const env: ShellEnv = {
      vars: {},
      funcs: {},
      params: [],
      arg0: argv[0],
      status: 0,
      opts: {},
      traps: {},
      cwd: th.env.cwd,
      fl,
    };
    for (const [k, v] of Object.entries(this.exportedEnv(th, extraEnv))) setOwn(env.vars, k, { v, x: 1 });
    // What the shell adds to its environment at start (dash: PWD; busybox ash: SHLVL and PWD).
    if (fl === 'ash') {
      const level = Number(env.vars.SHLVL?.v ?? 0) + 1;
      delete env.vars.SHLVL;
      env.vars.SHLVL = { v: String(Number.isNaN(level) ? 1 : level), x: 1 };
    }
    if (env.vars.PWD?.v !== th.env.cwd) {
      delete env.vars.PWD;
      env.vars.PWD = { v: th.env.cwd, x: 1 };
    }
    let i = 1;
    let cFlag = false;
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--' || a === '-') {
        i++;
        break;
      }
      if (!/^[-+][a-zA-Z]+$/.test(a)) break;
      for (const ch of a.slice(1)) {
        if (ch === 'c') cFlag = true;
        else if (ch === 'e') env.opts.e = 1;
        else if (ch === 'x') env.opts.x = 1;
      }
    }
    let source: string;
    if (cFlag) {
      if (argv[i] === undefined) {
        const msg = fl === 'dash' ? `${argv[0]}: 0: -c requires an argument\n` : fl === 'bash' ? `${argv[0]}: -c: option requires an argument\n` : `${argv[0]}: -c requires an argument\n`;
        this.write(io, 2, msg);
        return this.finish(th, 2);
      }
      source = argv[i];
      if (argv[i + 1] !== undefined) env.arg0 = argv[i + 1];
      env.params = argv.slice(i + 2);
    } else if (argv[i] !== undefined) {
      const path = resolvePath(th.env.cwd, argv[i]);
      const text = this.host.fs.read(path);
      if (text === undefined) {
        this.write(io, 2, cannotOpenScript(env, argv[i]));
        return this.finish(th, fl === 'bash' ? 127 : 2);
      }
      source = text;
      env.arg0 = argv[i];
      env.params = argv.slice(i + 1);
      env.script = 1;
    } else {
      const input = this.readAll(io[0]);
      if (!input.eof && !input.text) {
        th.frames.push({ k: 'hung', io });
        th.forever = 1;
        return;
      }
      source = input.text;
      env.script = 1;
    }
    let n: number;
    try {
      n = parseProgram(source.replace(/^#![^\n]*/, ''), this.st.nodes, { bash: fl === 'bash' });
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.write(io, 2, syntaxMessage(env, e.problem, e.line, source));
      return this.finish(th, 2);
    }
    if (top) {
      th.env = env;
      this.pushNode(th, n, io);
      return;
    }
    th.frames.push({ k: 'sub', n, saved: th.env, started: 1, io });
    th.env = env;
    this.pushNode(th, n, io);
    void line;
  }

  runTool(th: Thread, argv: string[], io: Io, extraEnv: Record<string, string>, line: number): void {
    const ctx: ToolContext = {
      argv,
      env: this.exportedEnv(th, extraEnv),
      host: this.host,
      cwd: th.env.cwd,
      now: this.st.clock,
      busybox: this.host.shell === 'ash',
      stdin: () => this.readAll(io[0]),
      line,
      shellName: th.env.arg0,
    };
    const impl = toolImpl(argv[0]);
    const out = new ToolOutput();
    let code: number;
    if (impl) code = impl(ctx, out);
    else {
      const ext = this.host.external?.(argv, ctx.env);
      if (ext) {
        out.out(ext.stdout);
        out.err(ext.stderr);
        code = ext.code;
      } else {
        out.forever();
        code = 0;
      }
    }
    if (out.exec) {
      this.runCommand(th, out.exec.argv, io, out.exec.env, line, { binaryOnly: true });
      return;
    }
    this.runActions(th, out.acts, code, io);
  }

  /** Runs a tool's actions: at once when they are only output, else as a frame that can sleep. */
  runActions(th: Thread, acts: Action[], code: number, io: Io): void {
    if (acts.every((a) => a.t === 'out')) {
      for (const a of acts) if (a.t === 'out') this.write(io, a.fd, a.text);
      this.finish(th, code);
      return;
    }
    th.frames.push({ k: 'actions', acts, pc: 0, code, io });
  }

  /** Parses and runs text in the current shell (eval, `.`); false after a syntax error. */
  runText(th: Thread, text: string, io: Io, kind: 'eval' | 'source', params?: string[]): boolean {
    let n: number;
    try {
      n = parseProgram(text, this.st.nodes, { bash: th.env.fl === 'bash' });
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.write(io, 2, syntaxMessage(th.env, e.problem, e.line, text));
      this.doExit(th, 2);
      return false;
    }
    if (kind === 'eval') {
      this.pushNode(th, n, io);
      return true;
    }
    const f: Frame = { k: 'source', n, io };
    if (params) {
      f.savedParams = th.env.params;
      th.env.params = params;
    }
    th.frames.push(f);
    return true;
  }
}
