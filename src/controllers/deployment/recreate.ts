// Recreate: all old pods go first, then the new ReplicaSet comes up at full size
// (pkg/controller/deployment/recreate.go).
import type { ReplicaSet } from '../../api/types';
import type { ReconcileResult } from '../../engine/controller';
import type { PodIndex } from '../../client/podindex';
import { deploymentComplete } from './progress';
import { replicasOf, statusReplicas } from './replicas';
import { syncRolloutStatus } from './status';
import type { DeploymentSync } from './sync';

function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], pods: PodIndex): boolean {
  if (statusReplicas(oldRSs) > 0) return true;
  return oldRSs.some((rs) =>
    rs.metadata.uid !== newRS?.metadata.uid &&
    pods.byController(rs.metadata.uid!).some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'),
  );
}

export function rolloutRecreate(s: DeploymentSync, pods: PodIndex): ReconcileResult | void {
  let newRS = s.newReplicaSet(false);
  const oldRSs = s.oldRSs(newRS);
  let scaledDown = false;
  for (const rs of oldRSs.filter((r) => (r.spec.replicas ?? 0) > 0)) scaledDown = s.scaleReplicaSet(rs, 0).scaled || scaledDown;
  if (scaledDown) return syncRolloutStatus(s, newRS);
  if (oldPodsRunning(newRS, s.oldRSs(newRS), pods)) return syncRolloutStatus(s, newRS);
  newRS ??= s.newReplicaSet(true);
  if (newRS) s.scaleReplicaSet(newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status ?? {})) s.cleanup(s.oldRSs(newRS));
  return syncRolloutStatus(s, newRS);
}
