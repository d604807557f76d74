// TaintToleration: NoSchedule/NoExecute taints must be tolerated; untolerated PreferNoSchedule
// taints lower a node's score.
import { formatTaintForScheduler, toleratesAll } from '../../../api/meta/taints';
import type { FilterPlugin, ScorePlugin } from '../framework';

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  filter(pod, info) {
    for (const taint of info.node.spec?.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule') continue;
      if (!toleratesAll(pod.spec.tolerations, taint))
        return { reasons: [`node(s) had untolerated taint ${formatTaintForScheduler(taint)}`], resolvable: false };
    }
    return null;
  },
  score(pod, info, all) {
    const count = (n: typeof info) =>
      (n.node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !toleratesAll(pod.spec.tolerations, t)).length;
    const max = Math.max(0, ...all.map(count));
    return max === 0 ? 100 : Math.round(100 * (1 - count(info) / max));
  },
};
