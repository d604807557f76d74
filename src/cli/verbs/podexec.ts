// What kubectl's ExecOptions.Run does for a named pod, for verbs that run commands in a container
// on the user's behalf (cp): get the pod, refuse a completed one, default the container with its
// note, run the command through pods/exec, and turn a failed start or exit into kubectl's error.
import { isStatusError } from '../../api/errors';
import { NodeProxyError, type ExecResult } from '../../api/nodeproxy';
import { resolveResource } from '../../api/registry';
import type { Pod } from '../../api/types';
import type { Cluster } from '../context';
import { CliError, RawError } from '../errors';
import type { Output } from '../io';
import { defaultContainer } from './podfor';

export interface PodExecRequest {
  namespace: string;
  pod: string;
  /** -c; the default container (with its note on `notes`) when empty. */
  container?: string;
  command: string[];
  stdin?: string;
  /** Where the "Defaulted container" note goes (the exec's error stream). */
  notes: Output;
}

/** utilexec.ExitError as kubectl prints it (no "error: " prefix; the command's exit code). */
export function exitError(code: number): RawError {
  return new RawError(`command terminated with exit code ${code}\n`, code);
}

/** Runs the command to its end on the cluster clock; throws kubectl's error for a failed start. */
export function execInPod(cluster: Cluster, req: PodExecRequest): ExecResult {
  const pod = cluster.client.get<Pod>(resolveResource('pods')!, req.namespace, req.pod);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = req.container || defaultContainer(pod, req.notes);
  let result: ExecResult;
  try {
    result = cluster.client.exec(req.namespace, req.pod, { container, command: req.command, stdin: req.stdin });
  } catch (e) {
    if (e instanceof NodeProxyError) throw new CliError(`unable to upgrade connection: ${e.message}`);
    if (isStatusError(e, 'InternalError')) throw new CliError(e.status.message);
    throw e;
  }
  // The command took cluster time; let the cluster live through it.
  if (result.finishedAt > cluster.now()) cluster.advanceTo(result.finishedAt);
  return result;
}
