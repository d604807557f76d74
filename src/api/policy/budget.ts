// What the disruption controller and the eviction API both write into a PodDisruptionBudget's
// status (component-helpers' UpdateDisruptionAllowedCondition), through apimeta.SetStatusCondition.
import { upsertCondition } from '../meta/conditions';
import { rfc3339 } from '../time';
import type { Condition, PodDisruptionBudgetStatus } from '../types';

/** The DisruptionAllowed condition set to `allowed` with a reason (the transition time moves only with the status). */
export function setDisruptionAllowed(status: PodDisruptionBudgetStatus, allowed: boolean, reason: string, message: string, now: number): Condition[] {
  return upsertCondition(status.conditions, {
    type: 'DisruptionAllowed',
    status: allowed ? 'True' : 'False',
    observedGeneration: status.observedGeneration,
    lastTransitionTime: rfc3339(now),
    reason,
    message,
  });
}

/** UpdateDisruptionAllowedCondition: True/SufficientPods while a disruption is allowed, else False/InsufficientPods. */
export function withDisruptionAllowed(status: PodDisruptionBudgetStatus, now: number): Condition[] {
  const allowed = status.disruptionsAllowed > 0;
  return setDisruptionAllowed(status, allowed, allowed ? 'SufficientPods' : 'InsufficientPods', '', now);
}
