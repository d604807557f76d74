// RollingUpdate: grow the new ReplicaSet within maxSurge, shrink old ones within maxUnavailable,
// one step per sync so that the events follow the real sequence (pkg/controller/deployment/rolling.go).
import type { ReplicaSet } from '../../api/types';
import type { ReconcileResult } from '../../engine/controller';
import { deploymentComplete } from './progress';
import { availableReplicas, maxUnavailable, newRSNewReplicas, replicasOf, specReplicas } from './replicas';
import { type DeploymentSync, byCreation } from './sync';
import { syncRolloutStatus } from './status';

function reconcileNewReplicaSet(s: DeploymentSync, newRS: ReplicaSet): boolean {
  const desired = replicasOf(s.d);
  const current = newRS.spec.replicas ?? 0;
  if (current === desired) return false;
  if (current > desired) return s.scaleReplicaSet(newRS, desired).scaled;
  return s.scaleReplicaSet(newRS, newRSNewReplicas(s.d, s.rsList, newRS)).scaled;
}

/** Scales down old replicas that are not available anyway, oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: ReplicaSet[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const size = rs.spec.replicas ?? 0;
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const count = Math.min(maxCleanup - total, size - available);
    s.scaleReplicaSet(rs, size - count);
    total += count;
  }
  return total;
}

/** Scales old ReplicaSets down as far as minimum availability allows, oldest first. */
function scaleDownOldForRollingUpdate(s: DeploymentSync, oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = availableReplicas(s.rsList);
  if (available <= minAvailable) return 0;
  const want = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= want) break;
    const size = rs.spec.replicas ?? 0;
    if (size === 0) continue;
    const count = Math.min(size, want - total);
    s.scaleReplicaSet(rs, size - count);
    total += count;
  }
  return total;
}

function reconcileOldReplicaSets(s: DeploymentSync, newRS: ReplicaSet | undefined): boolean {
  const old = () => s.oldRSs(newRS).filter((rs) => (rs.spec.replicas ?? 0) > 0);
  if (specReplicas(old()) === 0) return false;
  const all = specReplicas(s.rsList);
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const current = newRS ? s.rsList.find((r) => r.metadata.uid === newRS.metadata.uid) ?? newRS : undefined;
  const newUnavailable = current ? (current.spec.replicas ?? 0) - (current.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = all - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, old(), maxScaledDown);
  const scaledDown = scaleDownOldForRollingUpdate(s, old());
  return cleaned + scaledDown > 0;
}

export function rolloutRolling(s: DeploymentSync): ReconcileResult | void {
  const newRS = s.newReplicaSet(true);
  if (newRS && reconcileNewReplicaSet(s, newRS)) return syncRolloutStatus(s, newRS);
  if (reconcileOldReplicaSets(s, newRS)) return syncRolloutStatus(s, newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) s.cleanup(s.oldRSs(newRS));
  return syncRolloutStatus(s, newRS);
}
