// The default cluster of an empty home: exactly `kubeadm init` with the defaults, then `kubeadm
// join` of two workers, through the same code the `pocketkube kubeadm` commands run. Controllers
// fill in the rest as they converge.
import type { Random } from '../../api/random';
import type { Clock } from '../../api/time';
import type { Client } from '../../client/client';
import type { EventSequence } from '../../client/events';
import type { NodeDisk } from '../../engine/controller';
import { memoryDisk } from './kubeadm/env';
import { Kubeadm } from './kubeadm';
import type { CertificateAuthority } from './pki';
import { CLUSTER_NAME, DEFAULT_WORKERS } from './topology';

export { SYSTEM_NAMESPACES } from './kubeadm/init';
export { registerNode } from './kubeadm/nodes';

export interface BootstrapResult {
  ca: CertificateAuthority;
  server: string;
  clusterName: string;
}

export function bootstrapCluster(client: Client, clock: Clock, random: Random, events: EventSequence, disk: NodeDisk = memoryDisk()): BootstrapResult {
  const kubeadm = new Kubeadm({ client, clock, random, events, disk });
  const report = kubeadm.init(kubeadm.initPreflight({}, []));
  for (const name of DEFAULT_WORKERS) kubeadm.join({ nodeName: name, caCertHashes: [], unsafeSkipCAVerification: false });
  return { ca: kubeadm.certificateAuthority(), server: `https://${report.endpoint}`, clusterName: CLUSTER_NAME };
}
