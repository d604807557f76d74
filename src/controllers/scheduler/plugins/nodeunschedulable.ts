// NodeUnschedulable: a cordoned node takes no new pods, unless the pod tolerates the
// node.kubernetes.io/unschedulable:NoSchedule taint the cordon stands for.
import { toleratesAll } from '../../../api/meta/taints';
import { type FilterPlugin, unresolvable } from '../framework';

export const UNSCHEDULABLE_REASON = 'node(s) were unschedulable';
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  preFilter(cycle) {
    const tolerated = toleratesAll(cycle.pod.spec.tolerations, UNSCHEDULABLE_TAINT);
    return { kind: 'filter', filter: (info) => (info.node.spec?.unschedulable && !tolerated ? unresolvable(UNSCHEDULABLE_REASON) : null) };
  },
};
