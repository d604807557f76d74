// The Deployment controller: owns ReplicaSets, rolls templates out by strategy, scales, pauses,
// keeps revision history and reports status with Available/Progressing conditions.
import { deployment as deploymentKind } from '../../api/kinds/deployment';
import { pod as podKind } from '../../api/kinds/pod';
import { replicaset as rsKind } from '../../api/kinds/replicaset';
import { controllerRef, newControllerRef } from '../../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../../api/meta/selector';
import type { Deployment, ObjectKey, Pod, ReplicaSet } from '../../api/types';
import type { WatchEvent } from '../../client/client';
import { INDEX, type Informers } from '../../client/informer';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { ownedBy } from '../ownerwatch';
import { type PodIndex, podIndex } from '../../client/podindex';
import { REASON, getCondition, hasProgressDeadline, newCondition, setCondition } from './progress';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { DeploymentSync } from './sync';

interface Snapshot {
  replicaSets(owner: string): ReplicaSet[];
  orphans(namespace: string): ReplicaSet[];
  pods: PodIndex;
}

function snapshot(ctx: ReconcileContext): Snapshot {
  const rss = ctx.informers.for<ReplicaSet>(rsKind.type);
  return {
    replicaSets: (uid) => rss.byIndex(INDEX.controller, uid),
    orphans: (ns) => rss.byIndex(INDEX.orphan, ns),
    pods: podIndex(ctx.informers),
  };
}

/**
 * A pod gone concerns a Recreate Deployment of its ReplicaSet, which waits for old pods to go (the
 * controller's deletePod: it has no handler for pods added or changed; their ReplicaSet's status
 * tells it what it needs).
 */
function recreateDeploymentOfPod(e: WatchEvent, informers: Informers): ObjectKey[] {
  if (e.type !== 'DELETED') return [];
  const pod = e.object as Pod;
  const ref = controllerRef(pod);
  if (ref?.kind !== 'ReplicaSet') return [];
  const rs = informers.for<ReplicaSet>(rsKind.type).get(pod.metadata.namespace, ref.name);
  const owner = rs && controllerRef(rs);
  if (owner?.kind !== 'Deployment') return [];
  const d = informers.for<Deployment>(deploymentKind.type).get(pod.metadata.namespace, owner.name);
  return d?.spec.strategy?.type === 'Recreate' ? [{ namespace: pod.metadata.namespace, name: owner.name }] : [];
}

/** ClaimReplicaSets: adopt matching orphans, release owned ones whose labels stopped matching. */
function claimReplicaSets(ctx: ReconcileContext, d: Deployment, snap: Snapshot): ReplicaSet[] {
  const selector = fromLabelSelector(d.spec.selector) ?? [];
  const claimed: ReplicaSet[] = [];
  for (const rs of snap.replicaSets(d.metadata.uid!)) {
    if (matches(selector, rs.metadata.labels) || d.metadata.deletionTimestamp) claimed.push(rs);
    else
      ctx.client.patch(rsKind.type, rs.metadata.namespace, rs.metadata.name!, 'merge', {
        metadata: { ownerReferences: (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid), uid: rs.metadata.uid },
      });
  }
  if (d.metadata.deletionTimestamp) return claimed;
  for (const rs of snap.orphans(d.metadata.namespace!)) {
    if (rs.metadata.deletionTimestamp || !matches(selector, rs.metadata.labels)) continue;
    claimed.push(
      ctx.client.patch<ReplicaSet>(rsKind.type, rs.metadata.namespace, rs.metadata.name!, 'merge', {
        metadata: { ownerReferences: [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)], uid: rs.metadata.uid },
      }),
    );
  }
  return claimed;
}

/** Progressing becomes Unknown/DeploymentPaused on pause and Unknown/DeploymentResumed on resume. */
function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === REASON.timedOut) return;
  const pausedNoted = cond?.reason === REASON.paused;
  const status = { ...(d.status ?? {}) };
  if (d.spec.paused && !pausedNoted) setCondition(status, newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', s.now));
  else if (!d.spec.paused && pausedNoted)
    setCondition(status, newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', s.now));
  else return;
  s.writeStatus(status);
}

/** sync(): scaling events and paused deployments only scale; no new revision is rolled out. */
function syncScaling(s: DeploymentSync): void {
  const newRS = s.newReplicaSet(false);
  s.scale(newRS, s.oldRSs(newRS));
  const current = newRS && s.rsList.find((r) => r.metadata.uid === newRS.metadata.uid);
  if (s.d.spec.paused) s.cleanup(s.oldRSs(current));
  s.syncStatus(current);
}

export const deploymentController: Controller<Snapshot> = {
  name: 'deployment-controller',

  watches: [
    { type: deploymentKind.type },
    ownedBy(rsKind.type, deploymentKind.type),
    { type: podKind.type, keys: recreateDeploymentOfPod },
  ],

  prepare: snapshot,

  resync(ctx) {
    return ctx.client.list<Deployment>(deploymentKind.type).map((d) => ({ namespace: d.metadata.namespace, name: d.metadata.name! }));
  },

  reconcile(ctx, key, snap) {
    const d = ctx.client.tryGet<Deployment>(deploymentKind.type, key.namespace, key.name);
    if (!d) return;
    const s = new DeploymentSync(ctx, d, claimReplicaSets(ctx, d, snap));
    if (d.metadata.deletionTimestamp) {
      s.syncStatus(s.newReplicaSet(false));
      return;
    }
    checkPausedConditions(s);
    if (s.d.spec.paused || s.isScalingEvent()) return syncScaling(s);
    return s.d.spec.strategy?.type === 'Recreate' ? rolloutRecreate(s, snap.pods) : rolloutRolling(s);
  },
};
