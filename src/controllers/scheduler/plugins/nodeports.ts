// NodePorts: a host port (protocol, address, port) can be taken by one pod per node; 0.0.0.0
// conflicts with every address.
import { type HostPort, hostPorts } from '../../../api/pod/footprint';
import { type FilterPlugin, type NodeInfo, unschedulable } from '../framework';

export const NODE_PORTS_REASON = "node(s) didn't have free ports for the requested pod ports";

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
        const used = info.pods.flatMap((p) => p.hostPorts);
        return wanted.some((w) => used.some((u) => conflicts(w, u))) ? unschedulable(NODE_PORTS_REASON) : null;
      },
    };
  },
};
