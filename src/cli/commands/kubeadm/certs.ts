// pocketkube kubeadm certs check-expiration|renew: the control plane's certificates, read from
// their PEM and measured against the cluster clock.
import type { Command } from '../../command';
import type { CertificateStatus } from '../../../api/kubeadm';
import { shortHumanDuration } from '../../../printers/age';
import { tabwrite } from '../../../printers/tabwriter';
import type { CommandContext } from '../../context';
import { action } from '../../program';
import type { KubeadmMachine } from './host';
import { NO_ADMIN_CONF, kubeadmFail, kubeadmStep } from './output';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's "Jan 02, 2006 15:04 MST" in UTC. */
function expiryDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())}, ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

const READING = (verb: string) => `[${verb}] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
[${verb}] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.
`;

/** kubeadm's check-expiration table: the certificates, a blank line, the CAs (one tabwriter, two blocks). */
export function expirationText(certs: readonly CertificateStatus[], cas: readonly CertificateStatus[], now: number): string {
  const rows = [
    'CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED',
    ...certs.map((c) => `${c.name}\t${expiryDate(c.notAfter)}\t${shortHumanDuration(c.notAfter - now)}\t${c.ca}\t${'no'.padEnd(8)}`),
    '',
    'CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED',
    ...cas.map((c) => `${c.name}\t${expiryDate(c.notAfter)}\t${shortHumanDuration(c.notAfter - now)}\t${'no'.padEnd(8)}`),
  ];
  return tabwrite(`${rows.join('\n')}\n`, { minWidth: 10, padding: 3 });
}

function cluster(c: CommandContext): KubeadmMachine {
  const machine = c.kubeadm().open();
  if (!machine.initialised) throw kubeadmFail(NO_ADMIN_CONF);
  return machine;
}

export function registerCerts(kubeadm: Command, ctx: CommandContext): void {
  const certs = kubeadm.command('certs').description('Commands related to handling kubernetes certificates');

  certs
    .command('check-expiration')
    .description('Check certificates expiration for a Kubernetes cluster')
    .action(
      action(ctx, async (c) => {
        const machine = cluster(c);
        const { certs: list, cas } = kubeadmStep(() => machine.certificates());
        c.io.out.write(`${READING('check-expiration')}\n${expirationText(list, cas, machine.now())}`);
      }),
    );

  certs
    .command('renew')
    .description('Renew certificates for a Kubernetes cluster')
    .argument('<certificate>', 'all, or the name of one certificate (apiserver, admin.conf, ...)')
    .action(
      action(ctx, async (c, args) => {
        const machine = cluster(c);
        const renewed = kubeadmStep(() => machine.renew([args[0]]));
        let out = `${READING('renew')}\n`;
        for (const r of renewed) out += `${r} renewed\n`;
        if (args[0] === 'all')
          out += '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n';
        c.io.out.write(out);
      }),
    );
}
