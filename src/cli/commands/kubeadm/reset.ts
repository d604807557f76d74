// pocketkube kubeadm reset: tears the cluster down (the home's store goes; its kubeconfig stays, as
// kubeadm leaves $HOME/.kube/config). Without -f it asks first, reading the answer from stdin.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { klogWarning } from '../../klog';
import { type Verb, verbAction } from '../../verb';
import { kubeadmFail } from './output';

const READING = `[reset] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
[reset] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.
`;

const TEARDOWN = `[reset] Stopping the kubelet service
[reset] Unmounting mounted directories in "/var/lib/kubelet"
[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]
[reset] Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]

The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d

The reset process does not reset or clean up iptables rules or IPVS tables.
If you wish to reset iptables, you must do so manually by using the "iptables" command.

If your cluster was setup to utilize IPVS, run ipvsadm --clear (or similar)
to reset your system's IPVS tables.

The reset process does not clean your kubeconfig files and you must remove them manually.
Please, check the contents of the $HOME/.kube/config file.
`;

export interface ResetOptions {
  /** -f: no question asked. */
  force: boolean;
}

const resetVerb: Verb<ResetOptions> = {
  complete: (_c, _args, f) => ({ force: !!f.force }),
  async run(c, o) {
    const home = c.kubeadm();
    const initialised = home.open().initialised;
    if (initialised) c.io.out.write(READING);
    if (!o.force) {
      klogWarning(c, 'preflight.go:56', "[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted.");
      c.io.out.write('[reset] Are you sure you want to proceed? [y/N]: ');
      // util.InteractivelyConfirmAction: one line, "y" or "yes" in any case.
      const answer = (await c.io.readStdin()).split('\n')[0].replace(/\r$/, '').toLowerCase();
      if (answer !== 'y' && answer !== 'yes') throw kubeadmFail("error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue");
    }
    c.io.out.write('[preflight] Running pre-flight checks\n');
    if (initialised) c.io.out.write('[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n');
    else c.io.out.write('[reset] No etcd config found. Assuming external etcd\n[reset] Please, manually reset etcd to prevent further issues\n');
    home.reset();
    c.io.out.write(TEARDOWN);
  },
};

export function registerReset(kubeadm: Command, ctx: CommandContext): void {
  kubeadm
    .command('reset')
    .description("Performs a best effort revert of changes made to this host by 'kubeadm init' or 'kubeadm join'")
    .option('-f, --force', 'Reset the node without prompting for confirmation.')
    .action(verbAction(ctx, resetVerb));
}
