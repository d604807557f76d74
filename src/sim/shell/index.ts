// TEMPORARY STUB so the bundle builds while the shell is being written: the shell's author
// replaces this whole file with the real module (same API). Nothing here is behaviour.
import type { ShellHost } from './host';

export type Stream = 'stdout' | 'stderr';
export interface OutputChunk { stream: Stream; text: string; at: number }
export type ProcessState = { argv: string[]; at: number };
export type StepResult =
  | { status: 'sleeping'; wakeAt: number; state: ProcessState; output: OutputChunk[] }
  | { status: 'exited'; code: number; output: OutputChunk[]; finishedAt: number }
  | { status: 'forever'; state: ProcessState; output: OutputChunk[] }
  | { status: 'busy'; state: ProcessState; output: OutputChunk[] };
export function startProcess(argv: string[], _host: ShellHost, at: number): { ok: true; state: ProcessState } | { ok: false; reason: 'not-found' | 'not-executable'; message: string } {
  return { ok: true, state: { argv, at } };
}
export function resume(state: ProcessState, _host: ShellHost, _opts: { until: number; maxSteps?: number }): StepResult {
  return { status: 'forever', state, output: [] };
}
export function signal(state: ProcessState, _host: ShellHost, _sig: 'TERM' | 'INT' | 'KILL', at: number, _opts: { pid1: boolean }): StepResult {
  return { status: 'exited', code: 143, output: [], finishedAt: at };
}
export function runToEnd(_argv: string[], _host: ShellHost, at: number, _limitMs: number): { code: number; output: OutputChunk[]; timedOut: boolean; finishedAt: number } {
  return { code: 0, output: [], timedOut: false, finishedAt: at };
}
export const SHELL_BUILTINS: ReadonlySet<string> = new Set();
export const TOOLS: ReadonlySet<string> = new Set();
