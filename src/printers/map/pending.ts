// Pods no node has taken, apart from the nodes: grouped by why not — the PodScheduled
// condition's message, which kube-scheduler writes (replicas of one workload mostly share it).
import { podCondition } from '../../api/pod/status';
import type { Pod } from '../../api/types';
import type { Paint } from './paint';
import { podLines } from './pods';

export interface PendingGroup {
  pods: string;
  reason: string;
}

/** What the scheduler said, else its reason alone; nothing when it has not tried yet. */
export function schedulingReason(pod: Pod): string | undefined {
  const c = podCondition(pod, 'PodScheduled');
  return c?.message || c?.reason || undefined;
}

/** `pods` sorted; groups in the order their first pod comes. */
export function pendingGroups(pods: readonly Pod[], now: number, paint: Paint): PendingGroup[] {
  const lines = podLines(pods, now, paint);
  const groups = new Map<string, string[]>();
  pods.forEach((p, i) => {
    const reason = schedulingReason(p) ?? paint('muted', '<none>');
    const group = groups.get(reason);
    if (group) group.push(lines[i]);
    else groups.set(reason, [lines[i]]);
  });
  return [...groups].map(([reason, group]) => ({ pods: group.join('\n'), reason }));
}
