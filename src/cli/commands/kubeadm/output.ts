// kubeadm's way of ending and of speaking: errors printed by its CheckErr (with the stack-trace
// hint and exit code 1, or bare with exit code 3 for a configuration that did not validate), Go
// durations to the nanosecond, and the join command it prints.
import { RawError } from '../../errors';
import { isKubeadmFailure } from './host';

export const STACK_TRACE_HINT = 'To see the stack trace of this error execute with --v=5 or higher';

/** kubeadm's fatal error text and exit code for a failure. */
export function kubeadmError(e: unknown): RawError {
  if (isKubeadmFailure(e)) {
    if (e.validation) return new RawError(`${e.message}\n`, 3);
    const msg = e.phase ? `error execution phase ${e.phase}: ${e.message}` : e.message;
    return new RawError(`${msg}\n${STACK_TRACE_HINT}\n`, 1);
  }
  if (e instanceof RawError) return e;
  return new RawError(`${e instanceof Error ? e.message : String(e)}\n${STACK_TRACE_HINT}\n`, 1);
}

/** Runs a kubeadm step, turning its failure into kubeadm's error text. */
export function kubeadmStep<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw kubeadmError(e);
  }
}

/** A failure kubeadm reports as a plain error (not from a phase). */
export function kubeadmFail(message: string): RawError {
  return new RawError(`${message}\n${STACK_TRACE_HINT}\n`, 1);
}

/** Go's time.Duration String for a duration under a minute: "501.399368ms", "4.500731927s". */
export function goDurationNs(ns: number): string {
  const trim = (s: string) => s.replace(/\.?0+$/, '');
  if (ns < 1e6) return `${trim((ns / 1e3).toFixed(3))}µs`;
  if (ns < 1e9) return `${trim((ns / 1e6).toFixed(6))}ms`;
  return `${trim((ns / 1e9).toFixed(9))}s`;
}

/** The join command kubeadm prints (cmdutil's joinCommandTemplate), continued over lines. */
export function joinCommand(endpoint: string, token: string, caCertHash: string, controlPlane = false): string {
  return `kubeadm join ${endpoint} --token ${token} \\\n\t--discovery-token-ca-cert-hash ${caCertHash} ${controlPlane ? '\\\n\t--control-plane ' : ''}`;
}

/** The same on one line, as `kubeadm token create --print-join-command` prints it. */
export function joinCommandLine(endpoint: string, token: string, caCertHash: string): string {
  return joinCommand(endpoint, token, caCertHash).replace(/\\\n/g, '').replace(/\t/g, '');
}
