// What the disruption controller and the eviction API both write into a PodDisruptionBudget's
// status (component-helpers' UpdateDisruptionAllowedCondition).
import { rfc3339 } from '../time';
import type { Condition, PodDisruptionBudgetStatus } from '../types';

/** The conditions with DisruptionAllowed True/SufficientPods while a disruption is allowed, else False/InsufficientPods. */
export function withDisruptionAllowed(status: PodDisruptionBudgetStatus, now: number): Condition[] {
  const allowed = status.disruptionsAllowed > 0;
  const current = status.conditions?.find((c) => c.type === 'DisruptionAllowed');
  const next: Condition = {
    type: 'DisruptionAllowed',
    status: allowed ? 'True' : 'False',
    observedGeneration: status.observedGeneration,
    // SetStatusCondition: the transition time moves only with the status.
    lastTransitionTime: current && current.status === (allowed ? 'True' : 'False') ? current.lastTransitionTime : rfc3339(now),
    reason: allowed ? 'SufficientPods' : 'InsufficientPods',
    message: '',
  };
  return [...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'), next];
}
