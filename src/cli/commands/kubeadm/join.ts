// pocketkube kubeadm join: a new worker machine joins the cluster. A given token is checked the
// way token discovery checks it; without one, the local cluster lets the machine in.
import type { Command } from '../../command';
import type { JoinOptions } from '../../../api/kubeadm';
import type { CommandContext } from '../../context';
import { collectSlice } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { isKubeadmFailure } from './host';
import { goDurationNs, kubeadmError } from './output';

const PREFLIGHT = '[preflight] Running pre-flight checks\n';
const READ_CONFIG = `[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
[preflight] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.
`;

function joinedText(kubeletHealthyNs: number): string {
  return `[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
[kubelet-start] Starting the kubelet
[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s
[kubelet-check] The kubelet is healthy after ${goDurationNs(kubeletHealthyNs)}
[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap

This node has joined the cluster:
* Certificate signing request was sent to apiserver and a response was received.
* The Kubelet was informed of the new secure connection details.

Run 'kubectl get nodes' on the control-plane to see this node join the cluster.

`;
}

/** Its options are the simulation's JoinOptions as they are: the flags carry nothing else. */
const joinVerb: Verb<JoinOptions> = {
  complete: (_c, args, f) => ({
    endpoint: args[0],
    nodeName: f.nodeName,
    token: f.token,
    caCertHashes: f.discoveryTokenCaCertHash ?? [],
    unsafeSkipCAVerification: !!f.discoveryTokenUnsafeSkipCaVerification,
  }),
  run(c, o) {
    const machine = c.kubeadm().open();
    try {
      const report = machine.join(o);
      c.io.out.write(PREFLIGHT + READ_CONFIG + joinedText(report.kubeletHealthyNs));
    } catch (e) {
      // What kubeadm printed before the phase that failed.
      if (isKubeadmFailure(e) && e.phase === 'preflight') c.io.out.write(PREFLIGHT);
      else if (isKubeadmFailure(e) && e.phase === 'kubelet-start') c.io.out.write(PREFLIGHT + READ_CONFIG);
      throw kubeadmError(e);
    }
  },
};

export function registerJoin(kubeadm: Command, ctx: CommandContext): void {
  kubeadm
    .command('join')
    .description('Run this on any machine you wish to join an existing cluster')
    .argument('[api-server-endpoint]')
    .option('--node-name <name>', 'Specify the node name.')
    .option('--token <token>', 'Use this token for both discovery-token and tls-bootstrap-token when those values are not provided.')
    .option('--discovery-token-ca-cert-hash <hash>', 'For token-based discovery, validate that the root CA public key matches this hash (format: "<type>:<value>").', collectSlice)
    .option('--discovery-token-unsafe-skip-ca-verification', 'For token-based discovery, allow joining without --discovery-token-ca-cert-hash pinning.')
    .action(verbAction(ctx, joinVerb));
}
