// What the API server asks of a node's kubelet on a client's behalf: a container's log
// (pods/log), running a command in a container (pods/exec) and attaching to its main process
// (pods/attach). The simulation implements it;
// the API server only validates the request and passes it on.
import type { Pod } from './types';

export interface LogOptions {
  container: string;
  previous?: boolean;
  /** Only the last N lines. */
  tailLines?: number;
  timestamps?: boolean;
  /** Only lines newer than this (ms since the epoch). */
  sinceTime?: number;
  limitBytes?: number;
}

export interface ExecOptions {
  container: string;
  command: string[];
  stdin?: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** When the command ended on the cluster clock (it may have slept). */
  finishedAt: number;
  /** The command would never end (sleep infinity, tail -f): it was cut off. */
  endless?: boolean;
}

export interface AttachOptions {
  container: string;
  stdin?: boolean;
  tty?: boolean;
}

/** An attached container's main process: what it writes from the attach on, until it ends. */
export interface AttachStream {
  /** What the process wrote since the attach (or the last read), by stream, up to the clock. */
  read(): { stdout: string; stderr: string };
  /** The attached instance has ended (or its pod is gone): the streams are closed. */
  ended(): boolean;
}

/**
 * A kubelet's answer that is an error, worded as the kubelet words it: a refused request
 * (BadRequest), a runtime failure (Internal), a stream that could not be opened (Upgrade:
 * kubectl says "unable to upgrade connection"), or no answer at all: the API server could not
 * dial the kubelet (Unreachable).
 */
export class NodeProxyError extends Error {
  constructor(
    message: string,
    readonly kind: 'BadRequest' | 'Internal' | 'Upgrade' | 'Unreachable' = 'BadRequest',
  ) {
    super(message);
  }
}

export interface NodeProxy {
  /** The container's log text. Throws NodeProxyError. */
  logs(pod: Pod, opts: LogOptions): string;
  /** Runs a command in the container. Throws NodeProxyError. */
  exec(pod: Pod, opts: ExecOptions): ExecResult;
  /** Attaches to the container's running main process. Throws NodeProxyError. */
  attach(pod: Pod, opts: AttachOptions): AttachStream;
}
