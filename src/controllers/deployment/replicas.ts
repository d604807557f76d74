// The arithmetic of rollouts (pkg/controller/deployment/util): surge and unavailability from
// percentages or counts, revisions, and the annotations that carry them on ReplicaSets.
import type { Deployment, ReplicaSet } from '../../api/types';

import { ANNOTATIONS_TO_SKIP, DESIRED_REPLICAS, MAX_REPLICAS, REVISION, REVISION_HISTORY, revisionOf } from '../../api/apps/replicasets';

export { ANNOTATIONS_TO_SKIP, DESIRED_REPLICAS, MAX_REPLICAS, REVISION, REVISION_HISTORY, revisionOf };

/** A count or a percentage of `total`, rounded up or down. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = parseInt(v, 10);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function replicasOf(obj: { spec: { replicas?: number } }): number {
  return obj.spec.replicas ?? 1;
}

/** maxSurge rounded up and maxUnavailable rounded down; both zero means one may be unavailable. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const desired = replicasOf(d);
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const surge = scaledValue(ru.maxSurge, desired, true);
  let unavailable = scaledValue(ru.maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const desired = replicasOf(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, desired);
}

export function maxRevision(list: readonly ReplicaSet[]): number {
  return list.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

export function specReplicas(list: readonly ReplicaSet[]): number {
  return list.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
}

export function statusReplicas(list: readonly ReplicaSet[]): number {
  return list.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
}

export function readyReplicas(list: readonly ReplicaSet[]): number {
  return list.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
}

export function availableReplicas(list: readonly ReplicaSet[]): number {
  return list.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
}

/**
 * How many replicas the new ReplicaSet should have now: Recreate jumps to the full count;
 * RollingUpdate grows it within replicas + maxSurge.
 */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const desired = replicasOf(d);
  const current = newRS.spec.replicas ?? 0;
  if (!isRollingUpdate(d)) return desired;
  const maxTotal = desired + maxSurge(d);
  const total = specReplicas(all);
  if (total >= maxTotal) return current;
  const scaleUp = Math.min(maxTotal - total, desired - current);
  return current + Math.max(0, scaleUp);
}
