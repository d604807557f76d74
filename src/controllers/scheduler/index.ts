// The scheduler: binds each pending pod to the best feasible node (filters, then scores), or
// reports why none fits with the real scheduler's FailedScheduling message.
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { isPodTerminal, podCondition } from '../../api/pod/status';
import { rfc3339 } from '../../api/time';
import type { Node, Pod } from '../../api/types';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { type NodeInfo, type Rejection, addPod, newNodeInfo } from './framework';
import { FILTERS, SCORES } from './plugins';

export const SCHEDULER_NAME = 'default-scheduler';

interface Snapshot {
  nodes: NodeInfo[];
  pending: Pod[];
}

function snapshot(ctx: ReconcileContext): Snapshot {
  const nodes = ctx.client.list<Node>(nodeKind.type).map(newNodeInfo);
  const byName = new Map(nodes.map((n) => [n.node.metadata.name!, n]));
  const pending: Pod[] = [];
  for (const p of ctx.client.list<Pod>(podKind.type)) {
    if (p.spec.nodeName) {
      if (!isPodTerminal(p)) {
        const info = byName.get(p.spec.nodeName);
        if (info) addPod(info, p);
      }
    } else if ((p.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !p.metadata.deletionTimestamp && !isPodTerminal(p)) {
      pending.push(p);
    }
  }
  return { nodes, pending };
}

function countedList(counts: Map<string, number>): string {
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/** "0/3 nodes are available: ... preemption: 0/3 nodes are available: ..." */
export function failedSchedulingMessage(total: number, rejections: Rejection[]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const r of rejections) {
    for (const reason of r.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const p = r.resolvable ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling';
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  return `0/${total} nodes are available: ${countedList(reasons)}. preemption: 0/${total} nodes are available: ${countedList(preemption)}.`;
}

function markUnschedulable(ctx: ReconcileContext, pod: Pod, message: string): void {
  const cur = podCondition(pod, 'PodScheduled');
  if (cur?.status === 'False' && cur.message === message) return;
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({
    lastProbeTime: null,
    lastTransitionTime: cur?.status === 'False' ? cur.lastTransitionTime : rfc3339(ctx.clock.now()),
    message,
    reason: 'Unschedulable',
    status: 'False',
    type: 'PodScheduled',
  });
  ctx.client.updateStatus(podKind.type, { ...pod, status: { ...pod.status, conditions } });
  ctx.events.event(pod, 'Warning', 'FailedScheduling', message);
}

export const scheduler: Controller<Snapshot> = {
  name: SCHEDULER_NAME,

  prepare: snapshot,

  keys(_ctx, snap) {
    return snap.pending.map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name! }));
  },

  reconcile(ctx, key, snap) {
    const pod = ctx.client.tryGet<Pod>(podKind.type, key.namespace, key.name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const feasible: NodeInfo[] = [];
    const rejections: Rejection[] = [];
    for (const info of snap.nodes) {
      let rejected: Rejection | null = null;
      for (const f of FILTERS) if ((rejected = f.filter(pod, info))) break;
      if (rejected) rejections.push(rejected);
      else feasible.push(info);
    }
    if (!feasible.length) return markUnschedulable(ctx, pod, failedSchedulingMessage(snap.nodes.length, rejections));

    let best: NodeInfo[] = [];
    let bestScore = -Infinity;
    for (const info of feasible) {
      const score = SCORES.reduce((sum, s) => sum + s.weight * s.score(pod, info, feasible), 0);
      if (score > bestScore) {
        bestScore = score;
        best = [info];
      } else if (score === bestScore) best.push(info);
    }
    const chosen = best[ctx.random.int(best.length)];
    const nodeName = chosen.node.metadata.name!;
    const bound = ctx.client.bind(podKind.type, pod.metadata.namespace!, pod.metadata.name!, nodeName) as Pod;
    addPod(chosen, bound);
    ctx.events.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`);
  },
};
