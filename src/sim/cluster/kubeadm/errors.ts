// kubeadm's failures as values: the phase they happened in (kubeadm prefixes "error execution
// phase <name>: "), or a configuration that did not validate (printed bare, exit code 3).
import type { KubeadmFailure } from '../../../api/kubeadm';

export class KubeadmError extends Error implements KubeadmFailure {
  readonly phase?: string;
  readonly validation: boolean;

  constructor(message: string, opts: { phase?: string; validation?: boolean } = {}) {
    super(message);
    this.phase = opts.phase;
    this.validation = opts.validation ?? false;
  }

  /** The same failure, as reported by the phase it happened in. */
  inPhase(phase: string): KubeadmError {
    return new KubeadmError(this.message, { phase, validation: this.validation });
  }
}
