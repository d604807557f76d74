// pocketkube kubeadm certs check-expiration|renew: the control plane's certificates, read from
// their PEM and measured against the cluster clock.
import type { Command } from '../../command';
import type { CertificateStatus } from '../../../api/kubeadm';
import { shortHumanDuration } from '../../../printers/age';
import { tabwrite } from '../../../printers/tabwriter';
import type { CommandContext } from '../../context';
import { type Verb, verbAction } from '../../verb';
import { adminMachine } from './common';
import { kubeadmStep } from './output';

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

const checkExpirationVerb: Verb<void> = {
  complete() {},
  run(c) {
    const machine = adminMachine(c);
    const { certs, cas } = kubeadmStep(() => machine.certificates());
    c.io.out.write(`${READING('check-expiration')}\n${expirationText(certs, cas, machine.now())}`);
  },
};

export interface RenewOptions {
  /** "all", or the name of one certificate. */
  certificate: string;
}

const renewVerb: Verb<RenewOptions> = {
  complete: (_c, args) => ({ certificate: args[0] }),
  run(c, o) {
    const machine = adminMachine(c);
    const renewed = kubeadmStep(() => machine.renew([o.certificate]));
    let out = `${READING('renew')}\n`;
    for (const r of renewed) out += `${r} renewed\n`;
    if (o.certificate === 'all')
      out += '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n';
    c.io.out.write(out);
  },
};

export function registerCerts(kubeadm: Command, ctx: CommandContext): void {
  const certs = kubeadm.command('certs').description('Commands related to handling kubernetes certificates');
  certs.command('check-expiration').description('Check certificates expiration for a Kubernetes cluster').action(verbAction(ctx, checkExpirationVerb));
  certs
    .command('renew')
    .description('Renew certificates for a Kubernetes cluster')
    .argument('<certificate>', 'all, or the name of one certificate (apiserver, admin.conf, ...)')
    .action(verbAction(ctx, renewVerb));
}
