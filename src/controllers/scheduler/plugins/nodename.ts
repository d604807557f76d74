// NodeName: a pod that names its node fits only that node. (Pods with spec.nodeName never reach
// the scheduler; the filter is here for the preemption dry run and for completeness.)
import { type FilterPlugin, nodeName as nameOf, unresolvable } from '../framework';

export const NODE_NAME_REASON = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  preFilter(cycle) {
    const wanted = cycle.pod.spec.nodeName;
    if (!wanted) return { kind: 'skip' };
    return { kind: 'filter', filter: (info) => (nameOf(info) === wanted ? null : unresolvable(NODE_NAME_REASON)) };
  },
};
