// TaintToleration: a node's NoSchedule and NoExecute taints must be tolerated (the first one that
// is not names the reason); untolerated PreferNoSchedule taints count against a node's score.
import { formatTaintForScheduler, toleratesAll } from '../../../api/meta/taints';
import type { Taint, Toleration } from '../../../api/types';
import { type FilterPlugin, type ScorePlugin, defaultNormalize, unresolvable } from '../framework';

/** v1helper.FindMatchingUntoleratedTaint with the DoNotSchedule filter. */
export function untoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined): Taint | undefined {
  return (taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesAll(tolerations, t));
}

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  preFilter(cycle) {
    const tolerations = cycle.pod.spec.tolerations;
    return {
      kind: 'filter',
      filter(info) {
        const taint = untoleratedTaint(info.node.spec?.taints, tolerations);
        return taint ? unresolvable(`node(s) had untolerated taint ${formatTaintForScheduler(taint)}`) : null;
      },
    };
  },
  preScore(cycle) {
    // Tolerations without an effect tolerate PreferNoSchedule too.
    const preferNoSchedule = (cycle.pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return {
      score: (info) => (info.node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !toleratesAll(preferNoSchedule, t)).length,
      normalize: (scores) => defaultNormalize(scores, true),
    };
  },
};
