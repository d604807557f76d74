// Writing a rollout's status and asking to be woken for its progress deadline.
import { deepEqual } from '../../api/meta/equal';
import type { ReplicaSet } from '../../api/types';
import type { ReconcileResult } from '../../engine/controller';
import { rolloutStatus } from './progress';
import type { DeploymentSync } from './sync';

export function syncRolloutStatus(s: DeploymentSync, newRS: ReplicaSet | undefined): ReconcileResult | void {
  const current = newRS ? s.rsList.find((r) => r.metadata.uid === newRS.metadata.uid) : undefined;
  const { status, recheckAfterMs } = rolloutStatus(s.d, s.rsList, current, s.now);
  if (!deepEqual(status, s.d.status ?? {})) s.writeStatus(status);
  return recheckAfterMs !== undefined ? { requeueAfterMs: recheckAfterMs } : undefined;
}
