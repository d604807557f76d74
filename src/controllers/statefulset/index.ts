// The StatefulSet controller (pkg/controller/statefulset, updateStatefulSet of v1.32): a pod per
// ordinal in [start, start+replicas), each with its own claims; OrderedReady makes them one at a
// time in ordinal order, each waiting for the one before to be Running and Ready (and available
// for minReadySeconds), and removes the surplus from the highest ordinal down, one at a time;
// Parallel does both at once. Scaling comes before updates; a RollingUpdate then replaces pods at
// or above the partition from the highest ordinal down, one at a time. status.currentRevision
// becomes the update revision once every replica runs it.
import { CONTROLLER_REVISION_HASH, ordinalOf, startOrdinal } from '../../api/apps/statefulsets';
import { controllerrevision as crKind } from '../../api/kinds/controllerrevision';
import { pod as podKind } from '../../api/kinds/pod';
import { statefulset as stsKind } from '../../api/kinds/statefulset';
import { deepEqual } from '../../api/meta/equal';
import { fromLabelSelector, matches } from '../../api/meta/selector';
import { isPodAvailable, isPodReady, isPodTerminal, podCondition } from '../../api/pod/status';
import type { PodView } from '../../api/pod/view';
import { parseTime } from '../../api/time';
import type { StatefulSet, StatefulSetStatus } from '../../api/types';
import { keyOfObject } from '../../client/informer';
import { type PodIndex, podIndex } from '../../client/podindex';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { claimPods, perLabels } from '../claim';
import { ownedBy } from '../ownerwatch';
import { CollisionError, type Revisions, statefulSetRevisions, truncateHistory } from './history';
import { createPod, deletePod, newPod, templateOf } from './pods';

const revisionOf = (p: PodView) => p.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
const isTerminating = (p: PodView) => !!p.metadata.deletionTimestamp;
const isRunningAndReady = (p: PodView) => p.status?.phase === 'Running' && isPodReady(p);
const isHealthy = (p: PodView) => isRunningAndReady(p) && !isTerminating(p);

export const statefulSetController: Controller<PodIndex> = {
  name: 'statefulset-controller',

  watches: [{ type: stsKind.type }, ownedBy(podKind.type, stsKind.type), ownedBy(crKind.type, stsKind.type)],

  resync: (ctx) => ctx.client.list<StatefulSet>(stsKind.type).map(keyOfObject),

  prepare: (ctx) => podIndex(ctx.informers),

  reconcile(ctx, key, pods) {
    const sts = ctx.client.tryGet<StatefulSet>(stsKind.type, key.namespace, key.name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    let revs: Revisions;
    try {
      revs = statefulSetRevisions(ctx, sts);
    } catch (e) {
      // A hash collision: the status now counts it, and that write brings the set back.
      if (e instanceof CollisionError) return;
      throw e;
    }
    // Orphans that match the selector and are named as the set's pods are adopted (isMemberOf).
    const selector = fromLabelSelector(sts.spec.selector) ?? [];
    claimPods(ctx, sts, pods, pods.byController(sts.metadata.uid!), perLabels((l) => selector.length > 0 && matches(selector, l)), (v) => ordinalOf(sts, v.metadata.name!) !== undefined);
    // The cache views hold all a sync reads of the set's pods (phase, readiness, labels, deletion).
    const waitUntil = updateStatefulSet(ctx, sts, revs, pods.byController(sts.metadata.uid!));
    const now = pods.byController(sts.metadata.uid!);
    truncateHistory(ctx, sts, revs, new Set(now.map(revisionOf)));
    writeStatus(ctx, sts, revs, now);
    return waitUntil !== undefined ? { requeueAfterMs: Math.max(1, waitUntil - ctx.clock.now()) } : undefined;
  },
};

/** When a ready pod becomes available for minReadySeconds, if it is not yet. */
function availableAt(sts: StatefulSet, p: PodView): number {
  return (parseTime(podCondition(p, 'Ready')?.lastTransitionTime) ?? 0) + (sts.spec.minReadySeconds ?? 0) * 1000;
}

/** One sync's steps; returns when to look again for a pod waiting out minReadySeconds. */
function updateStatefulSet(ctx: ReconcileContext, sts: StatefulSet, revs: Revisions, pods: readonly PodView[]): number | undefined {
  const now = ctx.clock.now();
  const minReady = sts.spec.minReadySeconds ?? 0;
  const start = startOrdinal(sts);
  const count = sts.spec.replicas ?? 1;
  const replicas: (PodView | undefined)[] = new Array(count).fill(undefined);
  const condemned: { pod: PodView; ordinal: number }[] = [];
  for (const p of pods) {
    const ord = ordinalOf(sts, p.metadata.name!);
    if (ord === undefined) continue;
    if (ord >= start && ord < start + count) replicas[ord - start] = p;
    else condemned.push({ pod: p, ordinal: ord });
  }
  condemned.sort((a, b) => b.ordinal - a.ordinal);
  const monotonic = sts.spec.podManagementPolicy !== 'Parallel';
  const ru = sts.spec.updateStrategy?.type === 'RollingUpdate' ? sts.spec.updateStrategy.rollingUpdate : undefined;
  const partition = ru?.partition ?? 0;
  const available = (p: PodView) => isPodAvailable(p, minReady, now);

  // The replicas, in ordinal order: make what is missing, and (OrderedReady) wait for each to be ready.
  for (let i = 0; i < count; i++) {
    const ord = start + i;
    const pod = replicas[i];
    if (pod && isPodTerminal(pod)) {
      // A pod that ended is deleted, and made again once it is gone.
      if (!isTerminating(pod)) deletePod(ctx, sts, pod, false, ord);
      if (monotonic) return undefined;
      continue;
    }
    if (!pod) {
      const revision = sts.spec.updateStrategy?.type === 'RollingUpdate' && ru && i < partition ? revs.current : revs.update;
      createPod(ctx, sts, newPod(sts, revision, templateOf(sts, revision, revs.update), ord), ord);
      if (monotonic) return undefined;
      continue;
    }
    if (!monotonic) continue;
    if (isTerminating(pod) || !isRunningAndReady(pod)) return undefined;
    if (!available(pod)) return availableAt(sts, pod);
  }

  // The surplus, from the highest ordinal down; OrderedReady one at a time, only while the rest is healthy.
  const firstUnhealthy = replicas.find((p) => p && !isHealthy(p)) ?? [...condemned].reverse().find((c) => !isHealthy(c.pod))?.pod;
  for (const { pod, ordinal } of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return undefined;
      continue;
    }
    if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !available(pod))) return undefined;
    deletePod(ctx, sts, pod, true, ordinal);
    if (monotonic) return undefined;
  }

  // RollingUpdate: the highest ordinal at or above the partition not at the update revision is replaced.
  if (sts.spec.updateStrategy?.type !== 'RollingUpdate') return undefined;
  for (let target = count - 1; target >= partition; target--) {
    const pod = replicas[target];
    if (!pod) return undefined;
    if (revisionOf(pod) !== revs.update.metadata.name && !isTerminating(pod)) {
      deletePod(ctx, sts, pod, false, start + target);
      return undefined;
    }
    if (!isHealthy(pod)) return undefined;
  }
  return undefined;
}

/** computeReplicaStatus and completeRollingUpdate; written only when it changed. */
function writeStatus(ctx: ReconcileContext, sts: StatefulSet, revs: Revisions, pods: readonly PodView[]): void {
  const now = ctx.clock.now();
  const minReady = sts.spec.minReadySeconds ?? 0;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const p of pods) {
    const created = !!p.status?.phase;
    if (created) replicas++;
    if (isRunningAndReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
    if (created && !isTerminating(p)) {
      if (revisionOf(p) === revs.current.metadata.name) current++;
      if (revisionOf(p) === revs.update.metadata.name) updated++;
    }
  }
  let currentRevision = revs.current.metadata.name!;
  const desired = sts.spec.replicas ?? 1;
  if (sts.spec.updateStrategy?.type === 'RollingUpdate' && updated === desired && ready === desired && replicas === desired) {
    current = updated;
    currentRevision = revs.update.metadata.name!;
  }
  const status: StatefulSetStatus = { observedGeneration: sts.metadata.generation, replicas, availableReplicas: available };
  if (ready) status.readyReplicas = ready;
  if (current) status.currentReplicas = current;
  if (updated) status.updatedReplicas = updated;
  status.currentRevision = currentRevision;
  status.updateRevision = revs.update.metadata.name;
  status.collisionCount = sts.status?.collisionCount ?? 0;
  if (sts.status?.conditions) status.conditions = sts.status.conditions;
  if (!deepEqual(status, sts.status)) ctx.client.updateStatus(stsKind.type, { ...sts, status });
}
