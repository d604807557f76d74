// A container's main process, whatever runs it: a modelled server, a program that exits at once,
// or the simulated shell. One small JSON record per process, advanced along the cluster clock:
// `advance` runs it up to a time and reports what it printed and whether (and when) it exited.
import type { ProcessState } from '../shell';
import * as shell from '../shell';
import type { ShellHost } from '../shell/host';
import type { Launch } from './program';
import type { LogLine } from './servers';
import { opaque, serverFor } from './servers';

export type ProcessRecord =
  | { kind: 'server'; server: string; viaEntrypoint: boolean }
  | { kind: 'shell'; state: ProcessState; forever?: boolean };

export interface Exit {
  code: number;
  at: number;
}

export interface Step {
  record: ProcessRecord;
  /** Raw output, newlines included. */
  output: LogLine[];
  exit?: Exit;
  /** When the process next needs to run (a sleep ends); undefined when only a signal can change it. */
  wakeAt?: number;
}

export interface StartContext {
  at: number;
  host: ShellHost;
  podIP: string;
  cpus: number;
}

/** Why a process cannot start at all (containerd's StartError). */
export interface StartFailure {
  message: string;
}

const serverModel = (name: string) => (name === 'opaque' ? opaque : serverFor(name)!);

/** Output as raw text: the shell's chunks are already raw; servers' log lines get their newline. */
function chunks(output: shell.OutputChunk[]): LogLine[] {
  return output.map((o) => ({ stream: o.stream, text: o.text, at: o.at }));
}

export function lines(output: LogLine[]): LogLine[] {
  return output.map((l) => ({ ...l, text: `${l.text}\n` }));
}

/** Starts a process; a failure to exec is reported as containerd would. */
export function startProcess(launch: Launch, ctx: StartContext, until: number): Step | StartFailure {
  if (launch.kind === 'exit') return { record: { kind: 'server', server: 'opaque', viaEntrypoint: false }, output: [], exit: { code: launch.code, at: ctx.at } };
  if (launch.kind === 'server') {
    const model = serverModel(launch.server);
    const sctx = { at: ctx.at, env: { ...ctx.host.env }, cpus: ctx.cpus, podIP: ctx.podIP, viaEntrypoint: launch.viaEntrypoint };
    const refused = model.refuses?.(sctx);
    const record: ProcessRecord = { kind: 'server', server: launch.server, viaEntrypoint: launch.viaEntrypoint };
    if (refused) return { record, output: lines(refused.lines), exit: { code: refused.code, at: ctx.at } };
    return { record, output: lines(model.startup(sctx)) };
  }
  const started = shell.startProcess(launch.argv, ctx.host, ctx.at);
  if (!started.ok) return { message: started.message };
  return advance({ kind: 'shell', state: started.state }, ctx.host, until);
}

/** Runs the process up to `until` (servers have nothing to do between requests). */
export function advance(record: ProcessRecord, host: ShellHost, until: number): Step {
  if (record.kind === 'server' || record.forever) return { record, output: [] };
  const r = shell.resume(record.state, host, { until, maxSteps: 100_000 });
  switch (r.status) {
    case 'exited':
      return { record, output: chunks(r.output), exit: { code: r.code, at: r.finishedAt } };
    case 'sleeping':
      return { record: { kind: 'shell', state: r.state }, output: chunks(r.output), wakeAt: r.wakeAt };
    case 'forever':
      return { record: { kind: 'shell', state: r.state, forever: true }, output: chunks(r.output) };
    case 'busy': {
      // A loop that never sleeps: it keeps a CPU busy; look at it again a second later.
      const at = r.output.length ? r.output[r.output.length - 1].at : until;
      return { record: { kind: 'shell', state: r.state }, output: chunks(r.output), wakeAt: Math.max(at, until) + 1000 };
    }
  }
}

/** SIGTERM (or SIGKILL) from the kubelet. PID 1 shells ignore SIGTERM unless they trap it. */
export function signal(record: ProcessRecord, host: ShellHost, sig: 'TERM' | 'KILL', at: number, cpus: number): Step {
  if (sig === 'KILL') return { record, output: [], exit: { code: 137, at } };
  if (record.kind === 'server') {
    const stop = serverModel(record.server).stop({ at, cpus });
    return { record, output: lines(stop.lines), exit: { code: stop.code, at } };
  }
  const r = shell.signal(record.state, host, 'TERM', at, { pid1: true });
  if (r.status === 'exited') return { record, output: chunks(r.output), exit: { code: r.code, at: r.finishedAt } };
  const state = r.state;
  return { record: { kind: 'shell', state, forever: r.status === 'forever' }, output: chunks(r.output), wakeAt: r.status === 'sleeping' ? r.wakeAt : undefined };
}

/** TCP ports a running process listens on. */
export function listeningPorts(record: ProcessRecord, declared: number[]): number[] {
  if (record.kind !== 'server') return [];
  return record.server === 'opaque' ? declared : serverModel(record.server).ports;
}

/** A program of an image outside the catalog: assumed to serve whatever it is asked. */
export function isOpaque(record: ProcessRecord): boolean {
  return record.kind === 'server' && record.server === 'opaque';
}

export function httpServer(record: ProcessRecord) {
  return record.kind === 'server' && record.server !== 'opaque' ? serverModel(record.server) : undefined;
}
