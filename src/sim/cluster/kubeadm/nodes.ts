// A machine's kubelet registering its Node, and the addresses a new machine gets: the next free
// address on the machines' network and the next free /24 of the pod subnet (as the node IPAM
// controller allocates podCIDRs).
import { node as nodeKind } from '../../../api/kinds/node';
import type { ClusterConfig } from '../../../api/kubeadm';
import type { Node } from '../../../api/types';
import { EventRecorder } from '../../../client/events';
import { nodeObject } from '../node';
import type { NodeSpecData } from '../topology';
import { formatIPv4, nodeCIDR, parseIPv4 } from './cidr';
import { subnets } from './config';
import type { KubeadmEnv } from './env';

/** Registers a node as its kubelet would, with the kubelet's and node controller's events. */
export function registerNode(env: KubeadmEnv, spec: NodeSpecData): Node {
  const { client, clock, random, events } = env;
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

function internalIP(n: Node): number | undefined {
  const a = n.status?.addresses?.find((x) => x.type === 'InternalIP')?.address;
  return a ? parseIPv4(a) : undefined;
}

/** The address and pod CIDR a joining machine gets. */
export function nextNodeSpec(env: KubeadmEnv, cfg: ClusterConfig, name: string): NodeSpecData {
  const nodes = env.client.list<Node>(nodeKind.type);
  const ips = nodes.map(internalIP).filter((x): x is number => x !== undefined);
  const ip = formatIPv4(Math.max(parseIPv4(cfg.advertiseAddress)!, ...ips) + 1);
  const used = new Set(nodes.flatMap((n) => n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : [])));
  const pod = subnets(cfg).pod;
  let podCIDR: string | undefined;
  for (let i = 0; (podCIDR = nodeCIDR(pod, i)) !== undefined && used.has(podCIDR); i++);
  return { name, ip, podCIDR: podCIDR ?? '', controlPlane: false, version: cfg.kubernetesVersion };
}
