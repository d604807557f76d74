// The DaemonSet controller (pkg/controller/daemon): one pod of the template on every node that
// should run it, each made for its node (placement.ts) and bound by the scheduler; surplus and
// misplaced pods deleted, failed ones replaced after a back-off; the template's history kept as
// ControllerRevisions (history.ts) and rolled out by strategy (rolling.ts); status counted per node.
import { CONTROLLER_REVISION_HASH, isPodUpdated, templateGeneration } from '../../api/apps/daemonsets';
import { controllerrevision as crKind } from '../../api/kinds/controllerrevision';
import { daemonset as dsKind } from '../../api/kinds/daemonset';
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { deepEqual } from '../../api/meta/equal';
import { isPodAvailable, isPodReady, podCondition } from '../../api/pod/status';
import { parseTime } from '../../api/time';
import type { DaemonSet, DaemonSetStatus, Node, Pod } from '../../api/types';
import { keyOfObject } from '../../client/informer';
import { type PodIndex, podIndex } from '../../client/podindex';
import type { WatchEvent } from '../../client/client';
import { isInBackOffSinceUpdate, nextBackOff } from '../../client/backoff';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { ownedBy } from '../ownerwatch';
import { cleanupHistory, constructHistory } from './history';
import { type Placements, placementOn } from './placement';
import { type PodsByNode, allowsSurge, claimDaemonPods, daemonPods, syncNodes } from './pods';
import { rollingUpdate } from './rolling';

/** failedPodsBackoff: a node's failed daemon pods are replaced after 1s, doubling to 15m. */
const FAILED_POD_BACKOFF = { initialMs: 1000, maxMs: 15 * 60_000 };

/** Whether a node write can change where daemon pods belong (shouldIgnoreNodeUpdate's complement). */
function nodeMatters(e: WatchEvent): boolean {
  if (e.type !== 'MODIFIED' || !e.oldObject) return true;
  const now = e.object as Node;
  const before = e.oldObject as Node;
  const conditions = (n: Node) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',');
  return !deepEqual(now.metadata.labels ?? {}, before.metadata.labels ?? {}) || !deepEqual(now.spec ?? {}, before.spec ?? {}) || conditions(now) !== conditions(before);
}

export const daemonSetController: Controller<PodIndex> = {
  name: 'daemonset-controller',

  watches: [
    { type: dsKind.type },
    ownedBy(podKind.type, dsKind.type),
    ownedBy(crKind.type, dsKind.type),
    // A node that comes, goes or changes where pods may run is looked at by every DaemonSet.
    { type: nodeKind.type, keys: (e, informers) => (nodeMatters(e) ? informers.for(dsKind.type).cached().map(keyOfObject) : []) },
  ],

  resync: (ctx) => ctx.client.list<DaemonSet>(dsKind.type).map(keyOfObject),

  prepare: (ctx) => podIndex(ctx.informers),

  reconcile(ctx, key, pods) {
    const ds = ctx.client.tryGet<DaemonSet>(dsKind.type, key.namespace, key.name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const nodes = ctx.informers.for<Node>(nodeKind.type).list();
    let history;
    try {
      history = constructHistory(ctx, ds);
    } catch {
      // A hash collision: the status now counts it, and that write brings the set back.
      return;
    }
    const hash = history.current.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
    const generation = templateGeneration(ds);
    // Where the pods belong, judged once per node for this sync, in node name order.
    const placements: Placements = new Map(
      [...nodes].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)).map((n) => [n.metadata.name!, placementOn(n, ds)]),
    );
    claimDaemonPods(ctx, ds, pods);
    let byNode = daemonPods(ds, pods);
    const retry = manage(ctx, ds, placements, byNode, hash, generation);
    // Only once the pods are as manage left them does an update replace any (the expectations).
    if (retry.settled && ds.spec.updateStrategy?.type !== 'OnDelete') retry.settled = rollingUpdate(ctx, ds, placements, byNode, hash, generation);
    // Pods made or deleted on the way are counted as they are now.
    if (!retry.settled) byNode = daemonPods(ds, pods);
    const live = new Set<string>();
    for (const list of byNode.values()) for (const p of list) if (p.metadata.labels?.[CONTROLLER_REVISION_HASH]) live.add(p.metadata.labels[CONTROLLER_REVISION_HASH]);
    cleanupHistory(ctx, ds, history.old, live);
    const availableAt = writeStatus(ctx, ds, placements, byNode, hash);
    const at = Math.min(retry.at ?? Infinity, availableAt ?? Infinity);
    return at !== Infinity ? { requeueAfterMs: Math.max(0, at - ctx.clock.now()) } : undefined;
  },
};

const isActive = (p: Pod) => !p.metadata.deletionTimestamp;

interface SyncResult {
  /** Nothing was created or deleted: the pods are as this sync found them. */
  settled: boolean;
  /** When to look again (a failed pod's back-off), in cluster time. */
  at?: number;
}

/** manage + podsShouldBeOnNode: what each node needs made or deleted. */
function manage(ctx: ReconcileContext, ds: DaemonSet, placements: Placements, byNode: PodsByNode, hash: string, generation: number | undefined): SyncResult {
  const needing: string[] = [];
  const doomed: Pod[] = [];
  const surge = allowsSurge(ds);
  const now = ctx.clock.now();
  let at: number | undefined;
  for (const [name, { shouldRun, shouldContinueRunning }] of placements) {
    const there = byNode.get(name);
    if (shouldRun && !there) {
      needing.push(name);
      continue;
    }
    if (!shouldContinueRunning) {
      if (there) doomed.push(...there.filter(isActive));
      continue;
    }
    const running: Pod[] = [];
    for (const p of there ?? []) {
      if (!isActive(p)) continue;
      if (p.status?.phase === 'Failed') {
        // A failed pod is replaced, but not faster than the node's back-off allows.
        const backoffKey = `failed/${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${name}`;
        if (isInBackOffSinceUpdate(ctx.memory, backoffKey, now)) {
          const e = ctx.memory.get<{ backoffMs: number; lastUpdate: number }>(backoffKey)!;
          at = Math.min(at ?? Infinity, e.lastUpdate + e.backoffMs);
          continue;
        }
        nextBackOff(ctx.memory, backoffKey, now, now, FAILED_POD_BACKOFF);
        ctx.events.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`);
        doomed.push(p);
      } else if (p.status?.phase === 'Succeeded') {
        ctx.events.event(ds, 'Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to delete it`);
        doomed.push(p);
      } else running.push(p);
    }
    if (!surge) {
      // Without surge, a node keeps its oldest pod only.
      doomed.push(...running.slice(1));
      continue;
    }
    if (running.length <= 1) {
      if (!running.length && shouldRun) needing.push(name);
      continue;
    }
    // With surge, the oldest pod of the current revision and the oldest of an older one may
    // overlap until the new one is ready.
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const p of running) {
      if (isPodUpdated(p, hash)) {
        if (!oldestNew) oldestNew = p;
        else doomed.push(p);
      } else if (!oldestOld) oldestOld = p;
      else doomed.push(p);
    }
    if (oldestNew && oldestOld && isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now)) doomed.push(oldestOld);
  }
  // Pods meant for nodes that are gone and never bound.
  for (const [name, list] of byNode) if (!placements.has(name)) doomed.push(...list.filter((p) => isActive(p) && !p.spec.nodeName));
  const settled = syncNodes(ctx, ds, doomed, needing, hash, generation);
  return { settled, at };
}

/** updateDaemonSetStatus; returns when a ready pod becomes available, if one is waiting to. */
function writeStatus(ctx: ReconcileContext, ds: DaemonSet, placements: Placements, byNode: PodsByNode, hash: string): number | undefined {
  const now = ctx.clock.now();
  const minReady = ds.spec.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  let nextAvailable: number | undefined;
  for (const [name, { shouldRun }] of placements) {
    // A pod deleted after it finished is not the node's any more.
    const there = (byNode.get(name) ?? []).filter((p) => !(p.metadata.deletionTimestamp && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded')));
    if (!shouldRun) {
      if (there.length) misscheduled++;
      continue;
    }
    desired++;
    if (!there.length) continue;
    current++;
    const pod = there[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      else {
        const at = (parseTime(podCondition(pod, 'Ready')?.lastTransitionTime) ?? now) + minReady * 1000;
        nextAvailable = Math.min(nextAvailable ?? at, at);
      }
    }
    if (isPodUpdated(pod, hash)) updated++;
  }
  const status: DaemonSetStatus = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  if (ds.status?.conditions) status.conditions = ds.status.conditions;
  if (!deepEqual(status, ds.status)) ctx.client.updateStatus(dsKind.type, { ...ds, status });
  return nextAvailable;
}
