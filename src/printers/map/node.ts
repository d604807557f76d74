// One node's box: its health, how it takes new pods, what its pods request of it, and its pods.
import { formatTaint } from '../../api/meta/taints';
import type { Condition, Node, Pod } from '../../api/types';
import { allocatedCell, allocatedTotals, nodeAllocatable, nonTerminatedPods } from '../describe/allocated';
import { nodeRoles, nodeStatus } from '../table/node';
import type { Paint, Style } from './paint';
import { podLines } from './pods';

/** A box's contents before it is drawn: the heading and label/value rows, painted. */
export interface Section {
  head: string;
  rows: [label: string, value: string][];
}

/** The conditions the kubelet reports, and the status each has when all is well. */
const CONDITIONS: readonly [type: string, healthy: string][] = [
  ['Ready', 'True'],
  ['MemoryPressure', 'False'],
  ['DiskPressure', 'False'],
  ['PIDPressure', 'False'],
];

function conditionStyle(c: Condition | undefined, healthy: string): Style {
  if (!c || c.status === 'Unknown') return 'doubtful';
  return c.status === healthy ? 'good' : 'bad';
}

function conditions(node: Node, paint: Paint): string {
  const all = node.status?.conditions ?? [];
  return CONDITIONS.map(([type, healthy]) => {
    const c = all.find((x) => x.type === type);
    return paint(conditionStyle(c, healthy), `${type}=${c?.status ?? 'Unknown'}`);
  }).join(' ');
}

function heading(node: Node, paint: Paint): string {
  const [ready, ...rest] = nodeStatus(node).split(',');
  const status = [paint(ready === 'Ready' ? 'good' : ready === 'NotReady' ? 'bad' : 'doubtful', ready), ...rest.map((s) => paint('doubtful', s))].join(',');
  const roles = nodeRoles(node);
  return [paint('title', node.metadata.name ?? ''), status, ...(roles === '<none>' ? [] : [roles])].join('  ');
}

/** describe's order: by effect, then key. */
function taints(node: Node, paint: Paint): string {
  const sorted = [...(node.spec?.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return sorted.length ? sorted.map(formatTaint).join('\n') : paint('muted', '<none>');
}

export function nodeSection(node: Node, pods: readonly Pod[], now: number, paint: Paint): Section {
  // describe node's Allocated resources figures, each against what the node has to allocate.
  const allocatable = nodeAllocatable(node);
  const { requests } = allocatedTotals(nonTerminatedPods(pods, node.metadata.name));
  const requested = (resource: string, milli: boolean) =>
    `${allocatedCell(requests.get(resource), allocatable, resource, milli)} of ${allocatable[resource] ?? '0'}`;
  return {
    head: heading(node, paint),
    rows: [
      ['Conditions', conditions(node, paint)],
      ['Taints', taints(node, paint)],
      ['Unschedulable', node.spec?.unschedulable ? paint('doubtful', 'true') : 'false'],
      ['CPU requests', requested('cpu', true)],
      ['Memory requests', requested('memory', false)],
      [`Pods (${pods.length})`, pods.length ? podLines(pods, now, paint).join('\n') : paint('muted', '<none>')],
    ],
  };
}

/** Pods bound to a node the API no longer has (deleted under them). */
export function missingNodeSection(name: string, pods: readonly Pod[], now: number, paint: Paint): Section {
  return {
    head: `${paint('title', name)}  ${paint('bad', 'no such node')}`,
    rows: [[`Pods (${pods.length})`, podLines(pods, now, paint).join('\n')]],
  };
}
