// Deployment status as a pure function of its ReplicaSets: counts, the Available condition, and
// the Progressing condition with its deadline (pkg/controller/deployment/progress.go).
import { parseTime, rfc3339 } from '../../api/time';
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from '../../api/types';
import {
  availableReplicas,
  maxUnavailable,
  readyReplicas,
  replicasOf,
  specReplicas,
  statusReplicas,
} from './replicas';

export const REASON = {
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
} as const;

export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: number): Condition {
  const t = rfc3339(now);
  return { lastTransitionTime: t, lastUpdateTime: t, message, reason, status, type };
}

export function getCondition(status: DeploymentStatus | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing changes when status and reason are the same; otherwise the
 * condition moves to the end, keeping lastTransitionTime if the status is unchanged.
 */
export function setCondition(status: DeploymentStatus, cond: Condition): void {
  const cur = getCondition(status, cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  const next = cur && cur.status === cond.status ? { ...cond, lastTransitionTime: cur.lastTransitionTime } : cond;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
  if (!status.conditions.length) delete status.conditions;
}

/** calculateStatus: counts from the ReplicaSets plus the Available condition. */
export function calculateStatus(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const available = availableReplicas(all);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: statusReplicas(all),
    updatedReplicas: newRS ? newRS.status?.replicas ?? 0 : 0,
    readyReplicas: readyReplicas(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(all) - available),
    collisionCount: d.status?.collisionCount,
  };
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (available >= replicasOf(d) - maxUnavailable(d))
    setCondition(status, newCondition('Available', 'True', REASON.minimumReplicasAvailable, 'Deployment has minimum availability.', now));
  else
    setCondition(status, newCondition('Available', 'False', REASON.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  return status;
}

/** Go's omitempty: zero counts are not serialized. */
export function compactStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const [k, v] of Object.entries(s) as [keyof DeploymentStatus, unknown][]) {
    if (v === undefined || v === 0) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

/** All replicas updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const want = replicasOf(d);
  return (
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** Progress since the last status: more updated, ready or available replicas, or fewer old ones. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(s, 'Progressing');
  if (!cond || cond.reason === REASON.newRSAvailable) return false;
  if (cond.reason === REASON.timedOut) return true;
  const from = parseTime(cond.lastUpdateTime) ?? now;
  return from + d.spec.progressDeadlineSeconds! * 1000 < now;
}

/**
 * syncRolloutStatus's condition logic: complete, progressing, or timed out. Returns the status to
 * write and how long until the progress deadline should be checked again.
 */
export function rolloutStatus(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  now: number,
): { status: DeploymentStatus; recheckAfterMs?: number } {
  const s = calculateStatus(d, all, newRS, now);
  if (!hasProgressDeadline(d)) removeCondition(s, 'Progressing');
  const cur = getCondition(s, 'Progressing');
  const complete = s.replicas === s.updatedReplicas && cur?.reason === REASON.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, s)) {
      const msg = newRS ? `ReplicaSet ${JSON.stringify(newRS.metadata.name)} has successfully progressed.` : 'Deployment has successfully progressed.';
      setCondition(s, newCondition('Progressing', 'True', REASON.newRSAvailable, msg, now));
    } else if (deploymentProgressing(d, s)) {
      const msg = newRS ? `ReplicaSet ${JSON.stringify(newRS.metadata.name)} is progressing.` : `Deployment ${JSON.stringify(d.metadata.name)} is progressing.`;
      const cond = newCondition('Progressing', 'True', REASON.rsUpdated, msg, now);
      // Progress refreshes lastUpdateTime; lastTransitionTime stays while the status is True.
      if (cur?.status === 'True') cond.lastTransitionTime = cur.lastTransitionTime;
      s.conditions = [...(s.conditions ?? []).filter((c) => c.type !== 'Progressing'), cond];
    } else if (deploymentTimedOut(d, s, now)) {
      const msg = newRS ? `ReplicaSet ${JSON.stringify(newRS.metadata.name)} has timed out progressing.` : `Deployment ${JSON.stringify(d.metadata.name)} has timed out progressing.`;
      setCondition(s, newCondition('Progressing', 'False', REASON.timedOut, msg, now));
    }
  }
  const failure = all.map((rs) => rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure')).find((c) => c?.status === 'True');
  if (failure) setCondition(s, newCondition('ReplicaFailure', 'True', failure.reason ?? 'FailedCreate', failure.message ?? '', now));
  else removeCondition(s, 'ReplicaFailure');
  return { status: compactStatus(s), recheckAfterMs: stuckRecheck(d, s, now) };
}

/** requeueStuckDeployment: when to look again so the deadline is noticed on time. */
function stuckRecheck(d: Deployment, s: DeploymentStatus, now: number): number | undefined {
  const cond = getCondition(s, 'Progressing');
  if (!hasProgressDeadline(d) || !cond || cond.reason === REASON.newRSAvailable || cond.reason === REASON.timedOut) return undefined;
  if (deploymentComplete(d, s)) return undefined;
  const from = parseTime(cond.lastUpdateTime) ?? now;
  return Math.max(1, from + d.spec.progressDeadlineSeconds! * 1000 - now + 1000);
}
