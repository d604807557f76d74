// What a tool sees (its argv, environment, files, network, the process clock, its stdin) and how it
// answers: a list of actions (output, sleeps, blocking for good) and an exit status, computed when
// it starts so that the process can pause in its sleeps and continue from JSON.
import type { ShellHost } from '../host';
import type { Action } from '../state';
import { ARCHIVE_TOOLS } from './tar';
import { CORE_TOOLS } from './core';
import { FILE_TOOLS } from './files';
import { NET_TOOLS } from './net';
import { SCRIPT_TOOLS } from './interpreters';
import { TEXT_TOOLS } from './text';

export interface ToolContext {
  /** argv[0] is the tool's name (without its directory). */
  argv: string[];
  env: Record<string, string>;
  host: ShellHost;
  cwd: string;
  /** The process clock, ms since the epoch. */
  now: number;
  /** busybox applets (ash images) word their errors differently from coreutils. */
  busybox: boolean;
  stdin(): { text: string; eof: boolean };
  line: number;
  shellName: string;
}

export class ToolOutput {
  readonly acts: Action[] = [];
  /** Run this command instead (env, nohup, timeout …). */
  exec?: { argv: string[]; env: Record<string, string> };

  private emit(fd: 1 | 2, text: string): void {
    if (!text) return;
    const last = this.acts[this.acts.length - 1];
    if (last && last.t === 'out' && last.fd === fd) last.text += text;
    else this.acts.push({ t: 'out', fd, text });
  }

  out(text: string): void {
    this.emit(1, text);
  }

  err(text: string): void {
    this.emit(2, text);
  }

  sleep(ms: number): void {
    if (ms > 0) this.acts.push({ t: 'sleep', ms });
  }

  forever(): void {
    this.acts.push({ t: 'forever' });
  }
}

export type Tool = (ctx: ToolContext, o: ToolOutput) => number;

const TABLE: Record<string, Tool> = { ...CORE_TOOLS, ...FILE_TOOLS, ...TEXT_TOOLS, ...NET_TOOLS, ...SCRIPT_TOOLS, ...ARCHIVE_TOOLS };

export function toolImpl(name: string): Tool | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
}

/** Every tool implemented here (the runtime decides per image which of them exist). */
export const TOOL_NAMES: ReadonlySet<string> = new Set(Object.keys(TABLE));
