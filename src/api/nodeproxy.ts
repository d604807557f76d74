// What the API server asks of a node's kubelet on a client's behalf: a container's log
// (pods/log) and running a command in a container (pods/exec). The simulation implements it;
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
}
