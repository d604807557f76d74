// nodes: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME
import type { Node } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

export function nodeStatus(n: Node): string {
  const ready = (n.status?.conditions ?? []).find((c) => c.type === 'Ready');
  let s = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  if (n.spec?.unschedulable) s += ',SchedulingDisabled';
  return s;
}

export function nodeRoles(n: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length)
      roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function address(n: Node, type: string): string {
  return n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

const info = (n: Node, k: string) => n.status?.nodeInfo?.[k] || '<unknown>';

export const nodeTable: TableDef<Node> = {
  columns: [
    { name: 'Name', cell: (n) => n.metadata.name ?? '' },
    { name: 'Status', cell: nodeStatus },
    { name: 'Roles', cell: nodeRoles },
    { name: 'Age', cell: (n, c) => age(n.metadata.creationTimestamp, c.now) },
    { name: 'Version', cell: (n) => n.status?.nodeInfo?.kubeletVersion ?? '' },
    { name: 'Internal-IP', priority: 1, cell: (n) => address(n, 'InternalIP') },
    { name: 'External-IP', priority: 1, cell: (n) => address(n, 'ExternalIP') },
    { name: 'OS-Image', priority: 1, cell: (n) => info(n, 'osImage') },
    { name: 'Kernel-Version', priority: 1, cell: (n) => info(n, 'kernelVersion') },
    { name: 'Container-Runtime', priority: 1, cell: (n) => info(n, 'containerRuntimeVersion') },
  ],
};
