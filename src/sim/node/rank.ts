// Which pod the eviction manager evicts first (rankMemoryPressure / rankDiskPressureFunc in
// pkg/kubelet/eviction/helpers.go): pods using more than they request, then lower priority,
// then the largest use above the request. BestEffort pods request nothing, so any use exceeds
// it; Guaranteed pods that stay within their requests come last. Critical pods are never evicted.
import type { Pod } from '../../api/types';
import { type PodUsage, type UsageResource, podRequest } from './usage';

export interface Candidate {
  pod: Pod;
  usage: PodUsage;
}

/** kubelettypes.SystemCriticalPriority. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

/** IsCriticalPod: static and mirror pods, and pods of system-critical priority. */
export function isCriticalPod(pod: Pod): boolean {
  const a = pod.metadata.annotations ?? {};
  const source = a['kubernetes.io/config.source'];
  if ((source !== undefined && source !== 'api') || a['kubernetes.io/config.mirror'] !== undefined) return true;
  return (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
}

type Cmp = (a: Candidate, b: Candidate) => number;

/** cmpBool: true before false. */
const cmpBool = (a: boolean, b: boolean) => (a === b ? 0 : a ? -1 : 1);

const used = (c: Candidate, r: UsageResource) => (r === 'memory' ? c.usage.memory : c.usage.disk);

const exceedsRequests = (r: UsageResource): Cmp => (a, b) => cmpBool(used(a, r) > podRequest(a.pod, r), used(b, r) > podRequest(b.pod, r));

const priority: Cmp = (a, b) => Math.sign((a.pod.spec.priority ?? 0) - (b.pod.spec.priority ?? 0));

const aboveRequests = (r: UsageResource): Cmp => (a, b) => Math.sign(used(b, r) - podRequest(b.pod, r) - (used(a, r) - podRequest(a.pod, r)));

/** The candidates in eviction order for a starved resource; ties keep their order. */
export function rankForEviction(candidates: readonly Candidate[], resource: UsageResource): Candidate[] {
  const order: Cmp[] = [exceedsRequests(resource), priority, aboveRequests(resource)];
  return [...candidates].sort((a, b) => {
    for (const cmp of order) {
      const c = cmp(a, b);
      if (c) return c;
    }
    return 0;
  });
}
