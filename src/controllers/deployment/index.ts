// The Deployment controller: owns ReplicaSets, rolls templates out by strategy, scales, pauses,
// keeps revision history and reports status with Available/Progressing conditions.
import { deployment as deploymentKind } from '../../api/kinds/deployment';
import { pod as podKind } from '../../api/kinds/pod';
import { replicaset as rsKind } from '../../api/kinds/replicaset';
import { controllerRef, newControllerRef } from '../../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../../api/meta/selector';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { type PodIndex, indexPods } from '../podindex';
import { REASON, getCondition, hasProgressDeadline, newCondition, setCondition } from './progress';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { DeploymentSync } from './sync';

interface Snapshot {
  byController: Map<string, ReplicaSet[]>;
  orphans: ReplicaSet[];
  pods: PodIndex;
}

function snapshot(ctx: ReconcileContext): Snapshot {
  const byController = new Map<string, ReplicaSet[]>();
  const orphans: ReplicaSet[] = [];
  for (const rs of ctx.client.list<ReplicaSet>(rsKind.type)) {
    const ref = controllerRef(rs);
    if (!ref) orphans.push(rs);
    else byController.set(ref.uid, [...(byController.get(ref.uid) ?? []), rs]);
  }
  return { byController, orphans, pods: indexPods(ctx.client.list<Pod>(podKind.type)) };
}

/** ClaimReplicaSets: adopt matching orphans, release owned ones whose labels stopped matching. */
function claimReplicaSets(ctx: ReconcileContext, d: Deployment, snap: Snapshot): ReplicaSet[] {
  const selector = fromLabelSelector(d.spec.selector) ?? [];
  const claimed: ReplicaSet[] = [];
  for (const rs of snap.byController.get(d.metadata.uid!) ?? []) {
    if (matches(selector, rs.metadata.labels) || d.metadata.deletionTimestamp) claimed.push(rs);
    else
      ctx.client.patch(rsKind.type, rs.metadata.namespace, rs.metadata.name!, 'merge', {
        metadata: { ownerReferences: (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid), uid: rs.metadata.uid },
      });
  }
  if (d.metadata.deletionTimestamp) return claimed;
  for (const rs of snap.orphans) {
    if (rs.metadata.namespace !== d.metadata.namespace || rs.metadata.deletionTimestamp || !matches(selector, rs.metadata.labels)) continue;
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

  prepare: snapshot,

  keys(ctx) {
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
