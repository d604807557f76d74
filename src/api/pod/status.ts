// Facts about a pod's status that controllers and printers share.
import { parseTime } from '../time';
import type { Condition, PodStatus } from '../types';

/** What these facts read of a pod: the whole pod, or its cache view (api/pod/view.ts). */
interface PodFacts {
  metadata: { deletionTimestamp?: string };
  status?: { phase?: PodStatus['phase']; conditions?: Condition[] };
}

/** A loop, not find: controllers ask this of ten thousand pods per pass, and a closure each is garbage. */
export function podCondition(pod: PodFacts, type: string): Condition | undefined {
  const conditions = pod.status?.conditions;
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i].type === type) return conditions[i];
  return undefined;
}

export function isPodReady(pod: PodFacts): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds (apps' notion of an available pod). */
export function isPodAvailable(pod: PodFacts, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = parseTime(ready.lastTransitionTime) ?? now;
  return since + minReadySeconds * 1000 <= now;
}

export function isPodTerminal(pod: PodFacts): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Counted by ReplicaSets: not finished and not being deleted. */
export function isPodActive(pod: PodFacts): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}
