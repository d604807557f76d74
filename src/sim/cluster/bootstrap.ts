// The default cluster, built the way `kubeadm init` and two `kubeadm join`s build one: system
// namespaces, a CA, a tainted control-plane node with its static pods, two workers, the
// cluster-info ConfigMap and the CoreDNS add-on. Controllers fill in the rest as they converge.
import { configmap as cmKind } from '../../api/kinds/configmap';
import { deployment as deploymentKind } from '../../api/kinds/deployment';
import { namespace as nsKind } from '../../api/kinds/namespace';
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { serviceaccount as saKind } from '../../api/kinds/serviceaccount';
import type { Random } from '../../api/random';
import type { Clock } from '../../api/time';
import type { Node } from '../../api/types';
import type { Client } from '../../client/client';
import { EventRecorder, type EventSequence } from '../../client/events';
import { corednsObjects } from './addons';
import { staticPods } from './controlplane';
import { nodeObject } from './node';
import { type CertificateAuthority, selfSignedCA } from './pki';
import { CLUSTER_NAME, CONTROL_PLANE_ENDPOINT, DEFAULT_NODES, type NodeSpecData } from './topology';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export interface BootstrapResult {
  ca: CertificateAuthority;
  server: string;
  clusterName: string;
}

/** The kubeconfig kubeadm publishes in kube-public/cluster-info for joining nodes. */
function clusterInfoKubeconfig(caPem: string, server: string): string {
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}`,
    `    server: ${server}`,
    '  name: ""',
    'contexts: null',
    'current-context: ""',
    'kind: Config',
    'preferences: {}',
    'users: null',
    '',
  ].join('\n');
}

/** Registers a node as its kubelet would, with the kubelet's and node controller's events. */
export function registerNode(client: Client, clock: Clock, random: Random, events: EventSequence, spec: NodeSpecData): Node {
  const node = client.create<Node>(nodeKind.type, nodeObject(spec, clock.now(), random));
  const kubelet = new EventRecorder(client, clock, events, { component: 'kubelet', host: spec.name });
  const name = spec.name;
  kubelet.event(node, 'Normal', 'Starting', 'Starting kubelet.');
  for (const s of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID'])
    kubelet.event(node, 'Normal', s, `Node ${name} status is now: ${s}`);
  kubelet.event(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  new EventRecorder(client, clock, events, { component: 'node-controller' }).event(
    node,
    'Normal',
    'RegisteredNode',
    `Node ${name} event: Registered Node ${name} in Controller`,
  );
  kubelet.event(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
  return node;
}

export function bootstrapCluster(client: Client, clock: Clock, random: Random, events: EventSequence): BootstrapResult {
  for (const name of SYSTEM_NAMESPACES) client.create(nsKind.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

  const serial = Buffer.from(random.string(32, '0123456789abcdef'), 'hex');
  const ca = selfSignedCA({ commonName: 'kubernetes', notBefore: clock.now(), years: 10, serial, dnsNames: ['kubernetes'] });
  const server = `https://${CONTROL_PLANE_ENDPOINT}`;

  for (const spec of DEFAULT_NODES) {
    const node = registerNode(client, clock, random, events, spec);
    if (spec.controlPlane) for (const p of staticPods(node, spec, clock.now())) client.create(podKind.type, p);
  }

  client.create(cmKind.type, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cluster-info', namespace: 'kube-public' },
    data: { kubeconfig: clusterInfoKubeconfig(ca.certPem, server) },
  });

  const dns = corednsObjects();
  client.create(saKind.type, dns.serviceAccount);
  client.create(cmKind.type, dns.configMap);
  client.create(deploymentKind.type, dns.deployment);
  return { ca, server, clusterName: CLUSTER_NAME };
}
