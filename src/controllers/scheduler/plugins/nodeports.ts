// NodePorts: a host port (protocol, address, port) can be taken by one pod per node; 0.0.0.0
// conflicts with every address.
import type { ContainerPort, Pod } from '../../../api/types';
import { type FilterPlugin, type NodeInfo, unschedulable } from '../framework';

export const NODE_PORTS_REASON = "node(s) didn't have free ports for the requested pod ports";

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** The host ports a pod's containers ask for. */
export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec.containers ?? [])
    for (const p of (c.ports ?? []) as ContainerPort[])
      if (p.hostPort && p.hostPort > 0) out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  return out;
}

function conflicts(a: HostPort, b: HostPort): boolean {
  return a.protocol === b.protocol && a.port === b.port && (a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0');
}

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter(cycle) {
    const wanted = hostPorts(cycle.pod);
    if (!wanted.length) return { kind: 'skip' };
    return {
      kind: 'filter',
      filter(info: NodeInfo) {
        const used = info.pods.flatMap(hostPorts);
        return wanted.some((w) => used.some((u) => conflicts(w, u))) ? unschedulable(NODE_PORTS_REASON) : null;
      },
    };
  },
};
