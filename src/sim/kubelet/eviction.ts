// The kubelet's eviction manager (pkg/kubelet/eviction/eviction_manager.go), one per node: it
// observes memory.available and nodefs.available, reports MemoryPressure/DiskPressure for as
// long as a threshold was met within the pressure transition period (5m), and while a hard
// threshold is met evicts one pod per monitoring interval (10s), in the kubelet's ranking order.
// Evicted pods end Failed with reason Evicted, their containers killed. A stopped kubelet does
// nothing. The node's pressure is published on its disk for the node status setters to report.
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { toleratesAll } from '../../api/meta/taints';
import { qosClass } from '../../api/pod/qos';
import { isPodTerminal } from '../../api/pod/status';
import { rfc3339 } from '../../api/time';
import type { Condition, Node, ObjectKey, Pod, PodStatus } from '../../api/types';
import { COMPONENTS, type WatchEvent } from '../../client/client';
import { podsOnNode } from '../../client/podindex';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { endedStatuses, killContainers } from '../node/kill';
import { type Candidate, isCriticalPod, rankForEviction } from '../node/rank';
import { type Observations, type PressureCondition, type Threshold, evictionMessage, observe, thresholdsMet } from '../node/signals';
import { podUsage } from '../node/usage';
import { kubeletRunning, machineFacts } from './nodestate';

/** The kubelet's evictionMonitoringPeriod and the default --eviction-pressure-transition-period. */
export const MONITORING_INTERVAL_MS = 10_000;
export const PRESSURE_TRANSITION_MS = 5 * 60_000;

const PRESSURE_AREA = 'kubelet';
/** The kubelet's node status loop (sim/node/status.ts), which publishes the pressure. */
export const NODE_STATUS_REPORTER = 'kubelet-node-status';
const pressureKey = (nodeName: string) => `pressure/${nodeName}`;

/** The node conditions the eviction manager currently reports (IsUnderMemoryPressure, ...). */
export function nodePressure(ctx: Pick<ReconcileContext, 'disk'>, nodeName: string): PressureCondition[] {
  return ctx.disk.get<PressureCondition[]>(PRESSURE_AREA, pressureKey(nodeName)) ?? [];
}

/**
 * The eviction manager's pod admission (managerImpl.Admit), for the kubelet to call before it
 * runs a new pod on a node under pressure: under MemoryPressure alone only BestEffort pods that do
 * not tolerate the memory-pressure taint are rejected, under any other pressure every pod is;
 * critical pods are always admitted. A rejected pod is failed with this reason and message.
 */
export function admitPod(ctx: Pick<ReconcileContext, 'disk'>, pod: Pod, nodeName: string): { reason: 'Evicted'; message: string } | undefined {
  const conditions = nodePressure(ctx, nodeName);
  if (!conditions.length || isCriticalPod(pod)) return undefined;
  if (conditions.length === 1 && conditions[0] === 'MemoryPressure') {
    if (qosClass(pod.spec) !== 'BestEffort') return undefined;
    if (toleratesAll(pod.spec.tolerations, { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' })) return undefined;
  }
  return { reason: 'Evicted', message: `The node had condition: [${conditions.join(' ')}]. ` };
}

interface ManagerState {
  /** When each pressure condition was last observed (nodeConditionsLastObservedAt). */
  observedAt: Partial<Record<PressureCondition, number>>;
  /** The earliest time of the next synchronize that may evict. */
  nextSyncAt?: number;
  /** The conditions whose thresholds were met at the last synchronize. */
  met?: PressureCondition[];
}

/**
 * The manager synchronizes every monitoring interval, but is only woken when something could
 * change: a threshold met at its last synchronize, and unchanged since (any change wakes it),
 * was still met at every tick up to the last one before now.
 */
function lastTickObserved(since: number, now: number): number {
  return since + Math.floor((now - since) / MONITORING_INTERVAL_MS) * MONITORING_INTERVAL_MS;
}


/** activePods: admitted pods that have not finished and are not being terminated. */
function activePods(pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => !isPodTerminal(p) && !p.metadata.deletionTimestamp);
}

function failedConditions(pod: Pod, message: string, now: string): Condition[] {
  const failed = (type: string, reason?: string): Condition | undefined => {
    const c = pod.status?.conditions?.find((x) => x.type === type);
    if (!c) return undefined;
    const changed = c.status !== 'False';
    const next: Condition = { ...c, status: 'False', lastTransitionTime: changed ? now : c.lastTransitionTime };
    if (reason) next.reason = reason;
    delete next.message;
    return next;
  };
  const disruption: Condition = { lastProbeTime: null, lastTransitionTime: now, message, reason: 'TerminationByKubelet', status: 'True', type: 'DisruptionTarget' };
  const kept = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  return [
    disruption,
    ...kept.map((c) => {
      if (c.type === 'PodReadyToStartContainers') return failed(c.type) ?? c;
      if (c.type === 'Ready' || c.type === 'ContainersReady') return failed(c.type, 'PodFailed') ?? c;
      return c;
    }),
  ];
}

/** A killed pod whose containers are still ending, to finish once they have. */
interface Killing {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  at: number;
}

const killingKey = (uid: string) => `killing/${uid}`;

/** Writes what the pod's containers have become: terminated once their processes ended. */
function reportContainers(ctx: ReconcileContext, pod: Pod, nodeName: string, status: PodStatus): void {
  const next = { ...status, containerStatuses: endedStatuses(ctx, pod, status.containerStatuses) };
  if (status.initContainerStatuses) next.initContainerStatuses = endedStatuses(ctx, pod, status.initContainerStatuses);
  ctx.client.as(COMPONENTS.node(nodeName)).updateStatus(podKind.type, { ...pod, status: next });
}

/**
 * evictPod: the Evicted event, the pod Failed with the eviction's message, its containers killed
 * through the runtime; their statuses follow as the processes end.
 */
function evictPod(ctx: ReconcileContext, pod: Pod, node: Node, message: string): void {
  const nodeName = node.metadata.name!;
  ctx.events.event(pod, 'Warning', 'Evicted', message, { host: nodeName });
  const until = killContainers(ctx, pod, node);
  const now = ctx.clock.now();
  reportContainers(ctx, pod, nodeName, { ...(pod.status ?? {}), phase: 'Failed', reason: 'Evicted', message, conditions: failedConditions(pod, message, rfc3339(now)) });
  if (until > now) ctx.memory.set(killingKey(pod.metadata.uid!), { namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid!, node: nodeName, at: until } satisfies Killing);
}

/** Finishes the kills on this node that are due; returns how long until the next one is. */
function finishKills(ctx: ReconcileContext, nodeName: string): number | undefined {
  const now = ctx.clock.now();
  let next: number | undefined;
  for (const key of ctx.memory.keys('killing/')) {
    const k = ctx.memory.get<Killing>(key)!;
    if (k.node !== nodeName) continue;
    if (k.at > now) {
      next = Math.min(next ?? Infinity, k.at - now);
      continue;
    }
    ctx.memory.set(key, undefined);
    const pod = ctx.client.tryGet<Pod>(podKind.type, k.namespace, k.name);
    if (pod?.metadata.uid === k.uid) reportContainers(ctx, pod, nodeName, pod.status ?? {});
  }
  return next;
}

/** Ranks the pods for the starved resource and evicts the first one that may be evicted. */
function evictOne(ctx: ReconcileContext, node: Node, candidates: Candidate[], met: Threshold[], observations: Observations): Pod | undefined {
  const resource = met[0].resource;
  for (const c of rankForEviction(candidates, resource)) {
    if (isCriticalPod(c.pod)) continue;
    evictPod(ctx, c.pod, node, evictionMessage(resource, c.pod, c.usage, met, observations));
    return c.pod;
  }
  return undefined;
}

/** The node a pod is (or was) bound to: its usage counts there. */
function nodesOfPod(e: WatchEvent): ObjectKey[] {
  const names = new Set([(e.object as Pod).spec.nodeName, (e.oldObject as Pod | undefined)?.spec.nodeName]);
  return [...names].filter((n): n is string => !!n).map((name) => ({ name }));
}

export const evictionManager: Controller = {
  name: 'kubelet-eviction-manager',

  watches: [{ type: nodeKind.type }, { type: podKind.type, keys: nodesOfPod }],

  resync(ctx) {
    return ctx.client.list<Node>(nodeKind.type).map((n) => ({ name: n.metadata.name! }));
  },

  reconcile(ctx, key) {
    const node = ctx.client.tryGet<Node>(nodeKind.type, undefined, key.name);
    if (!node || !kubeletRunning(ctx, key.name)) return;
    const now = ctx.clock.now();
    const state: ManagerState = ctx.memory.get<ManagerState>(key.name) ?? { observedAt: {} };
    const candidates: Candidate[] = activePods(podsOnNode(ctx.informers, key.name)).map((pod) => ({ pod, usage: podUsage(pod) }));
    const observations = observe(node, candidates.map((c) => c.usage), machineFacts(ctx.disk, key.name));
    const met = thresholdsMet(observations);
    const observedAt = { ...state.observedAt };
    for (const c of state.met ?? []) if (observedAt[c] !== undefined) observedAt[c] = lastTickObserved(observedAt[c]!, now);
    for (const t of met) observedAt[t.condition] = now;
    // A condition holds while it was observed within the transition period.
    const pressure = (Object.keys(observedAt) as PressureCondition[]).filter((c) => now - observedAt[c]! < PRESSURE_TRANSITION_MS).sort();
    for (const c of Object.keys(observedAt) as PressureCondition[]) if (!pressure.includes(c)) delete observedAt[c];
    if (nodePressure(ctx, key.name).join() !== pressure.join()) {
      ctx.disk.put(PRESSURE_AREA, pressureKey(key.name), pressure.length ? pressure : undefined);
      // The status setters read it from the node's disk: they report it at once.
      ctx.enqueue(NODE_STATUS_REPORTER, { name: key.name });
    }

    let nextSyncAt = state.nextSyncAt;
    let requeue: number | undefined;
    let evictable = candidates.filter((c) => !isCriticalPod(c.pod));
    if (met.length) {
      if (nextSyncAt === undefined || now >= nextSyncAt) {
        ctx.events.event(node, 'Warning', 'EvictionThresholdMet', `Attempting to reclaim ${met[0].resource}`, { host: key.name });
        const evicted = evictOne(ctx, node, candidates, met, observations);
        evictable = evictable.filter((c) => c.pod !== evicted);
        nextSyncAt = now + MONITORING_INTERVAL_MS;
      }
      // The next synchronize evicts again while pods remain; with none left there is nothing to
      // come back for until something changes (and the condition holds while the threshold does).
      if (evictable.length) requeue = nextSyncAt - now;
    } else {
      nextSyncAt = undefined;
      if (pressure.length) requeue = Math.min(...pressure.map((c) => observedAt[c]! + PRESSURE_TRANSITION_MS)) - now;
    }
    const metNow = [...new Set(met.map((t) => t.condition))].sort();
    const next: ManagerState = { observedAt, ...(nextSyncAt !== undefined ? { nextSyncAt } : {}), ...(metNow.length ? { met: metNow } : {}) };
    ctx.memory.set(key.name, Object.keys(observedAt).length || nextSyncAt !== undefined ? next : undefined);
    const killing = finishKills(ctx, key.name);
    if (killing !== undefined) requeue = Math.min(requeue ?? Infinity, killing);
    return requeue !== undefined ? { requeueAfterMs: requeue } : undefined;
  },
};
