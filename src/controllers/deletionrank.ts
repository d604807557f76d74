// Which pods a scale-down removes first (kube-controller-manager's getPodsToDelete over
// ActivePodsWithRanks, without the rank by pods on the same node): unscheduled before scheduled,
// Pending before Unknown before Running, not ready before ready, ready more recently first, more
// restarts first, newer first, then by name. Each pod is ranked once, and a scale-down of a few
// pods among thousands keeps only the few best while it looks, instead of sorting them all.
import { podCondition } from '../api/pod/status';
import type { PodView } from '../api/pod/view';
import { parseTime } from '../api/time';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Rank {
  pod: PodView;
  assigned: number;
  phase: number;
  ready: number;
  /** When it became ready (ms), for a ready pod. */
  since: number;
  restarts: number;
  created: number;
  name: string;
}

function rankOf(pod: PodView): Rank {
  const ready = podCondition(pod, 'Ready');
  return {
    pod,
    assigned: pod.spec.nodeName ? 1 : 0,
    phase: PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0,
    ready: ready?.status === 'True' ? 1 : 0,
    since: ready?.status === 'True' ? (parseTime(ready.lastTransitionTime) ?? 0) : 0,
    restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0),
    created: parseTime(pod.metadata.creationTimestamp) ?? 0,
    name: pod.metadata.name ?? '',
  };
}

/** Negative when `a` goes before `b`. */
function compare(a: Rank, b: Rank): number {
  return (
    a.assigned - b.assigned ||
    a.phase - b.phase ||
    a.ready - b.ready ||
    b.since - a.since ||
    b.restarts - a.restarts ||
    b.created - a.created ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** The `count` pods of one namespace a scale-down removes, in the order it removes them. */
export function podsToDelete(pods: readonly PodView[], count: number): PodView[] {
  const ranks = pods.map(rankOf);
  if (count * 16 >= ranks.length) return ranks.sort(compare).slice(0, count).map((r) => r.pod);
  // The best `count` so far, in order: most pods are worse than the last of them, one comparison each.
  const best: Rank[] = [];
  for (const r of ranks) {
    if (best.length === count && compare(r, best[count - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid], r) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, r);
    if (best.length > count) best.pop();
  }
  return best.map((r) => r.pod);
}
