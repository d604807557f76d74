// The running process as plain JSON: the parsed program, the shells (threads: the main one and
// background jobs), their frame stacks and file descriptors, and the process clock. Nothing here
// refers to the host; JSON.stringify/parse round-trips it exactly.
import type { Node } from './ast';

export type Flavor = 'ash' | 'dash' | 'bash';

export interface Var {
  v: string;
  /** Exported to the environment of commands. */
  x?: 1;
}

/** What a shell (or subshell) remembers: variables, functions, positional parameters, traps. */
export interface ShellEnv {
  vars: Record<string, Var>;
  funcs: Record<string, number>;
  params: string[];
  /** $0, and the name in error messages. */
  arg0: string;
  status: number;
  opts: { e?: 1; x?: 1 };
  traps: Record<string, string>;
  cwd: string;
  /** Which shell this is (its error wording); a nested `bash -c` differs from the dash around it. */
  fl: Flavor;
  /** Running a script file (ash then says `line N:` in its errors). */
  script?: 1;
  /** $! */
  lastBg?: number;
}

/** Where a file descriptor reads from. */
export type InRef =
  /** A pipe or file: an entry of ProcState.inputs. */
  | { t: 'in'; id: number }
  /** The process's own stdin. */
  | { t: 'proc' }
  | { t: 'null' };

/** Where a file descriptor writes to. */
export type OutRef =
  | { t: 'out' }
  | { t: 'err' }
  /** A capture (pipe stage or command substitution): an entry of ProcState.bufs. */
  | { t: 'buf'; id: number }
  | { t: 'file'; path: string }
  | { t: 'null' };

export interface Io {
  0: InRef;
  1: OutRef;
  2: OutRef;
}

/** One piece of what a tool does over time, computed when it starts. */
export type Action = { t: 'out'; fd: 1 | 2; text: string } | { t: 'sleep'; ms: number } | { t: 'forever' };

export type LogEntry = { k: 'cmd'; out: string; status: number } | { k: 'arith'; v: number };

interface FrameBase {
  io: Io;
  /** set -e does not apply inside conditions (if/while tests, left of && ||, after !). */
  cond?: 1;
}

export type Frame = FrameBase &
  (
    | { k: 'list'; n: number; pc: number }
    | { k: 'andor'; n: number; pc: number }
    | { k: 'pipe'; n: number; pc: number; buf?: number; hung?: 1 }
    /** A pipeline that is done but one of its stages blocks for good. */
    | { k: 'hung' }
    /** ran: the command has been started (the frame stays until it is done, so set -e sees cond). */
    | { k: 'simple'; n: number; log: LogEntry[]; ran?: 1 }
    /** A command given as argv (a container's command, `env cmd …`): run without expansion. */
    | { k: 'exec'; argv: string[]; extraEnv: Record<string, string>; binaryOnly?: 1 }
    | { k: 'actions'; acts: Action[]; pc: number; code: number }
    /** A compound command's redirections, set up before its body runs. */
    | { k: 'redir'; n: number; log: LogEntry[]; started?: 1 }
    | { k: 'if'; n: number; clause: number; phase: 'cond' | 'test' | 'done' }
    /** phase: 'cond' runs the test next, 'test' looks at its status, 'body' records the body's. */
    | { k: 'loop'; n: number; phase: 'cond' | 'test' | 'body'; status: number }
    | { k: 'for'; n: number; items: string[] | null; i: number; log: LogEntry[]; status: number }
    | { k: 'case'; n: number; log: LogEntry[]; done?: 1 }
    /** A subshell boundary: ( … ), a pipeline stage, $( … ), `sh -c` run by the shell. */
    | { k: 'sub'; n: number; saved: ShellEnv; capture?: number; started?: 1 }
    | { k: 'func'; n: number; savedParams: string[]; locals: Record<string, Var | null>; started?: 1 }
    /** `.`/source and eval: a list that `return` (source) ends. */
    | { k: 'source'; n: number; started?: 1; savedParams?: string[] }
    | { k: 'trap'; n: number; status: number; started?: 1 }
    /** The wait builtin: blocked until background jobs end. */
    | { k: 'wait'; pids: number[] }
    /** The read builtin: blocked on an open, empty stdin. */
    | { k: 'read' }
  );

export interface Thread {
  /** Job id; $! for background jobs. */
  pid: number;
  env: ShellEnv;
  frames: Frame[];
  /** Sleeping until (process clock), or blocked for good. */
  wakeAt?: number;
  forever?: 1;
  done?: 1;
  code?: number;
  /** The EXIT trap already ran. */
  exitTrapRan?: 1;
}

export interface ProcState {
  v: 1;
  flavor: Flavor;
  nodes: Node[];
  clock: number;
  threads: Thread[];
  bufs: Record<string, string>;
  inputs: Record<string, { data: string; pos: number }>;
  /** The process's own stdin: data (then EOF unless open), or an open stdin that never has data. */
  stdin: { data: string; pos: number; open: boolean };
  nextId: number;
  /** $$ */
  pid: number;
  /** Trapped signals that arrived while a foreground command ran (their handlers run after it). */
  pending: string[];
  /** Killed or exited. */
  exit?: { code: number; at: number };
}
