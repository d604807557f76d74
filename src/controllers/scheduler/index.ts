// The scheduler: binds each pending pod to the best feasible node, or records why none fits with
// kube-scheduler's FailedScheduling message (and, when evicting lower-priority pods would make
// room, preempts them and nominates the node). Its queue is kube-scheduler's: a new or changed
// pending pod is tried at once; one that did not fit waits (unschedulablePods) until a cluster
// event that could help it (queue.ts), so a pod pending for lack of room is placed as soon as
// room appears, and no attempt is spent on a pod nothing has changed for.
import { pod as podKind } from '../../api/kinds/pod';
import { podCondition } from '../../api/pod/status';
import { type PodView, podView } from '../../api/pod/view';
import { rfc3339 } from '../../api/time';
import type { Condition, ObjectKey, Pod } from '../../api/types';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { addPod, nodeName } from './framework';
import { NO_NODES, fitErrorMessage } from './fiterror';
import { type Candidate, preempt } from './preemption';
import { findFeasible, selectHost } from './schedule';
import { Verdicts } from './verdicts';
import { keyOfObject } from '../../client/informer';
import { keyString } from '../../api/meta/objectkey';
import type { Informer } from '../../client/informer';
import { podInformer } from '../../client/podindex';
import { pendingPods, schedulingQueueWatches } from './queue';
import { SCHEDULER_NAME, type Snapshot, awaitsScheduling, cycleFor, takeSnapshot } from './snapshot';

export { SCHEDULER_NAME } from './snapshot';

/** Records the verdict on the pod (condition and nominated node) and reports it, when it changed. */
function markUnschedulable(ctx: ReconcileContext, pod: Pod, message: string, nominatedNodeName?: string): void {
  const cur = podCondition(pod, 'PodScheduled');
  const nominatedChanged = nominatedNodeName !== undefined && pod.status?.nominatedNodeName !== nominatedNodeName;
  if (cur?.status === 'False' && cur.reason === 'Unschedulable' && cur.message === message && !nominatedChanged) return;
  const condition: Condition = {
    lastProbeTime: null,
    lastTransitionTime: cur?.status === 'False' ? cur.lastTransitionTime : rfc3339(ctx.clock.now()),
    message,
    reason: 'Unschedulable',
    status: 'False',
    type: 'PodScheduled',
  };
  const conditions = cur ? (pod.status?.conditions ?? []).map((c) => (c.type === 'PodScheduled' ? condition : c)) : [...(pod.status?.conditions ?? []), condition];
  const status = { ...pod.status, conditions };
  if (nominatedNodeName !== undefined) status.nominatedNodeName = nominatedNodeName;
  ctx.client.updateStatus(podKind.type, { ...pod, status });
  ctx.events.event(pod, 'Warning', 'FailedScheduling', message);
}

/** Evicts the victims the way the scheduler does: a DisruptionTarget condition, then deletion. */
function evictVictims(ctx: ReconcileContext, preemptor: Pod, c: Candidate): void {
  const now = rfc3339(ctx.clock.now());
  for (const victim of c.victims) {
    const condition: Condition = {
      lastProbeTime: null,
      lastTransitionTime: now,
      message: `${preemptor.spec.schedulerName ?? SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
      reason: 'PreemptionByScheduler',
      status: 'True',
      type: 'DisruptionTarget',
    };
    const fresh = ctx.client.tryGet<Pod>(podKind.type, victim.metadata.namespace, victim.metadata.name!);
    if (!fresh || fresh.metadata.uid !== victim.metadata.uid) continue;
    const conditions = [...(fresh.status?.conditions ?? []).filter((x) => x.type !== 'DisruptionTarget'), condition];
    ctx.client.updateStatus(podKind.type, { ...fresh, status: { ...fresh.status, conditions } });
    ctx.client.delete(podKind.type, victim.metadata.namespace, victim.metadata.name!, { preconditions: { uid: victim.metadata.uid } });
    ctx.events.event(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName(c.node)}`);
  }
}

/** One drain's state: the cache, and the verdicts of pods that did not fit, for identical pods. */
interface Drain {
  snap: Snapshot;
  verdicts: Verdicts;
  /** The pod informer, looked up once per drain rather than once per pending pod. */
  pods: Informer<Pod, PodView>;
}

function scheduleOne(ctx: ReconcileContext, drain: Drain, pod: Pod): void {
  const snap = drain.snap;
  if (!snap.nodes.length) return markUnschedulable(ctx, pod, NO_NODES);
  const known = drain.verdicts.get(podView(pod));
  if (known !== undefined) return markUnschedulable(ctx, pod, known);
  const cycle = cycleFor(snap, pod);
  const { feasible, statuses, preFilterStatus } = findFeasible(cycle);
  if (feasible.length) {
    // A node nominated by an earlier preemption is taken as soon as the pod fits it.
    const nominated = feasible.find((n) => nodeName(n) === pod.status?.nominatedNodeName);
    const chosen = nominated ?? selectHost(cycle, feasible, ctx.random);
    const target = nodeName(chosen);
    const bound = ctx.client.bind(podKind.type, pod.metadata.namespace!, pod.metadata.name!, target) as Pod;
    // The cache assumes the pod at once, so the next pod of this pass sees it.
    addPod(chosen, bound);
    drain.verdicts.clear();
    ctx.events.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${target}`);
    return;
  }
  const outcome = preempt(snap, pod, statuses);
  const message = fitErrorMessage({
    numNodes: snap.nodes.length,
    nodeReasons: snap.nodes.map((n) => statuses.get(nodeName(n))?.reasons ?? []),
    preFilterMessage: preFilterStatus?.reasons.join(', '),
    postFilterMessage: outcome.kind === 'failed' ? outcome.message : undefined,
  });
  if (outcome.kind === 'nominate') {
    evictVictims(ctx, pod, outcome.candidate);
    drain.verdicts.clear();
    return markUnschedulable(ctx, pod, message, nodeName(outcome.candidate.node));
  }
  drain.verdicts.set(podView(pod), message);
  markUnschedulable(ctx, pod, message);
}

export const scheduler: Controller<Drain> = {
  name: SCHEDULER_NAME,

  watches: schedulingQueueWatches,

  resync: (ctx) => pendingPods(ctx.informers).map(keyOfObject),

  prepare: (ctx) => ({ snap: takeSnapshot(ctx.client, ctx.informers), verdicts: new Verdicts(), pods: podInformer(ctx.informers) }),

  order(ctx, keys) {
    const pods = podInformer(ctx.informers);
    // PrioritySort: higher priority first, then the one waiting longest, then namespace and name
    // (keys of pods gone first: they are passed over). When room appears this sorts every pending
    // pod, most of them replicas that share a rank: keys are grouped by rank, and the ranks and
    // each group's keys are strings sorted natively. A rank is the priority (an int32) written as
    // its distance from the largest, fixed-width, then the creation time (RFC 3339: ASCII, whose
    // UTF-16 order is its code point order), joined by NUL, which sorts before any character.
    const byRank = new Map<string, string[]>();
    const byKey = new Map<string, ObjectKey>();
    // Replicas come in runs of one priority and creation time: their rank is made once per run.
    let last: { priority: number; created: string; rank: string } | undefined;
    for (const key of keys) {
      // One key string per pod, for the lookup, the sort and the way back.
      const k = keyString(key);
      const pod = pods.viewAt(k);
      let rank = '0';
      if (pod) {
        const priority = pod.spec.priority ?? 0;
        const created = pod.metadata.creationTimestamp ?? '';
        if (last?.priority !== priority || last.created !== created)
          last = { priority, created, rank: `1\0${String(2 ** 31 - 1 - priority).padStart(10, '0')}\0${created}` };
        rank = last.rank;
      }
      byKey.set(k, key);
      const group = byRank.get(rank);
      if (group) group.push(k);
      else byRank.set(rank, [k]);
    }
    const ordered: ObjectKey[] = [];
    for (const rank of [...byRank.keys()].sort()) for (const k of byRank.get(rank)!.sort()) ordered.push(byKey.get(k)!);
    return ordered;
  },

  reconcile(ctx, key, drain) {
    // The informer's copy is the stored object as of now (it follows every write).
    const pods = drain.pods;
    const view = pods.view(key.namespace, key.name);
    if (!view || !awaitsScheduling(view)) return;
    // A replica whose status already carries the verdict its twins got is passed over unread
    // (markUnschedulable would write nothing).
    if (drain.snap.nodes.length && drain.verdicts.carried(view)) return;
    scheduleOne(ctx, drain, pods.get(key.namespace, key.name)!);
  },
};
