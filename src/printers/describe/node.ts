// describe node (kubectl describeNode): conditions, capacity, system info, the pods it runs and
// the resources they hold against allocatable.
import { parseQuantity, Quantity } from '../../api/meta/quantity';
import { formatTaint } from '../../api/meta/taints';
import type { Node, Pod, ResourceList } from '../../api/types';
import { age } from '../age';
import { nodeRoles } from '../table/node';
import { allocatedCell, allocatedTotals, nodeAllocatable, nonTerminatedPods, podRequestsAndLimits } from './allocated';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0, LEVEL_1, rfc1123z } from './writer';

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

function sortedResourceNames(list: ResourceList): string[] {
  return Object.keys(list).sort();
}

export const describeNode: Describer<Node> = (node, ctx) => {
  const w = new DescribeWriter();
  const status = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  w.write(LEVEL_0, 'Taints:\t');
  if (!taints.length) w.write(LEVEL_0, '<none>\n');
  taints.forEach((t, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${formatTaint(t)}\n`));
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable ?? false}\n`);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, 'HolderIdentity:\t<unset>\n');
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  w.write(LEVEL_1, 'RenewTime:\t<unset>\n');
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions)
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    if (!list || !Object.keys(list).length) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const r of sortedResourceNames(list)) w.write(LEVEL_0, `  ${r}:\t${parseQuantity(list[r]).toString()}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ])
    w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);

  const pods = nonTerminatedPods(ctx.lookup.list<Pod>('Pod'), node.metadata.name);
  const allocatable = nodeAllocatable(node);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) {
    const { requests, limits } = podRequestsAndLimits(p);
    const cell = (q: Quantity | undefined, r: string, milli: boolean) => allocatedCell(q, allocatable, r, milli);
    w.write(
      LEVEL_1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${cell(requests.get('cpu'), 'cpu', true)}\t${cell(limits.get('cpu'), 'cpu', true)}\t${cell(requests.get('memory'), 'memory', false)}\t${cell(limits.get('memory'), 'memory', false)}\t${age(p.metadata.creationTimestamp, ctx.now)}\n`,
    );
  }
  const { requests: totalReq, limits: totalLim } = allocatedTotals(pods);
  const zero = Quantity.zero();
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (r: string, milli: boolean) => `${r}\t${allocatedCell(totalReq.get(r), allocatable, r, milli)}\t${allocatedCell(totalLim.get(r), allocatable, r, milli)}\n`;
  w.write(LEVEL_1, row('cpu', true));
  w.write(LEVEL_1, row('memory', false));
  w.write(LEVEL_1, row('ephemeral-storage', false));
  const names = Object.keys(allocatable).sort();
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) w.write(LEVEL_1, row(r, false));
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && n !== 'pods'))
    w.write(LEVEL_1, `${r}\t${(totalReq.get(r) ?? zero).toString()}\t${(totalLim.get(r) ?? zero).toString()}\n`);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(node), ctx.now);
  return w.toString();
};
