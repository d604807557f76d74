// NodeUnschedulable: cordoned nodes take no new pods unless the pod tolerates it.
import { toleratesAll } from '../../../api/meta/taints';
import type { FilterPlugin } from '../framework';

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, info) {
    if (!info.node.spec?.unschedulable) return null;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
    return toleratesAll(pod.spec.tolerations, taint) ? null : { reasons: ['node(s) were unschedulable'], resolvable: false };
  },
};
