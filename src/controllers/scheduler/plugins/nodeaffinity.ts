// NodeAffinity: spec.nodeSelector and the required node affinity must match the node; terms that
// pin metadata.name narrow the nodes looked at (as DaemonSet pods do); preferred terms add their
// weights to a node's score.
import type { Pod } from '../../../api/types';
import { type FilterPlugin, type NodeInfo, type ScorePlugin, defaultNormalize, unresolvable } from '../framework';
import { matchesRequiredNodeAffinity, nodeAffinityOf, requiredTerms, termMatches } from '../nodeselector';

export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";
const CONFLICT_REASON = 'pod affinity terms conflict';

/** The node names the required terms allow, when every term pins metadata.name. */
function pinnedNames(pod: Pod): Set<string> | undefined {
  let names: Set<string> | undefined;
  for (const term of requiredTerms(pod) ?? []) {
    let termNames: Set<string> | undefined;
    for (const r of term.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => values.has(n))) : values;
    }
    // A term without a name pin leaves every node possible: terms are ORed.
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export const nodeAffinity: FilterPlugin & ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preFilter(cycle) {
    const pod = cycle.pod;
    if (requiredTerms(pod) === undefined && !pod.spec.nodeSelector) return { kind: 'skip' };
    const filter = (info: NodeInfo) => matchesRequiredNodeAffinity(pod, info.node) ? null : unresolvable(NODE_AFFINITY_REASON);
    const names = pinnedNames(pod);
    if (names && names.size === 0) return { kind: 'reject', status: unresolvable(CONFLICT_REASON) };
    return { kind: 'filter', filter, onlyNodes: names };
  },
  preScore(cycle) {
    const preferred = nodeAffinityOf(cycle.pod)?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (!preferred.length) return null;
    return {
      score: (info) => preferred.reduce((sum, t) => (t.weight !== 0 && termMatches(t.preference, info.node) ? sum + t.weight : sum), 0),
      normalize: (scores) => defaultNormalize(scores, false),
    };
  },
};
