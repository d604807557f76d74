// InterPodAffinity: required pod affinity (some matching pod must already run in the node's
// topology domain), required anti-affinity (none may), and the anti-affinity of pods already
// running, which the incoming pod must not break. Preferred terms, of the incoming pod and of the
// pods already running, add or subtract their weights per topology domain for scoring.
import { getOwn } from '../../../api/meta/own';
import type { Labels } from '../../../api/types';
import { type Cycle, type FilterPlugin, MAX_NODE_SCORE, type NodeInfo, type ScorePlugin, unresolvable, unschedulable } from '../framework';
import { type AffinityTerm, type MatchedPod, podAffinityInfo, resolveNamespaces, termMatchesPod } from './affinityterms';

export const AFFINITY_REASON = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_REASON = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_REASON = "node(s) didn't satisfy existing pods anti-affinity rules";

/** The weight of an existing pod's required affinity when scoring (hardPodAffinityWeight). */
const HARD_POD_AFFINITY_WEIGHT = 1;

type Counts = Map<string, number>;
const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

function bump(counts: Counts, node: NodeInfo, topologyKey: string, by: number): void {
  const v = getOwn(node.node.metadata.labels, topologyKey);
  if (v === undefined) return;
  const k = pairKey(topologyKey, v);
  counts.set(k, (counts.get(k) ?? 0) + by);
}

function hasLabels(node: NodeInfo): boolean {
  for (const _ in node.node.metadata.labels) return true;
  return false;
}

export const interPodAffinity: FilterPlugin & ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preFilter(cycle) {
    const pod = cycle.pod;
    const nsLabels = cycle.namespaceLabels(pod.metadata.namespace ?? 'default');
    const info = podAffinityInfo(pod);
    const required = info.requiredAffinity.map((t) => resolveNamespaces(t, cycle.namespaces()));
    const requiredAnti = info.requiredAntiAffinity.map((t) => resolveNamespaces(t, cycle.namespaces()));

    // Domains where a running pod's required anti-affinity selects the incoming pod.
    const existingAnti: Counts = new Map();
    // Domains with pods matching all of the incoming pod's affinity terms / any anti-affinity term.
    const affinity: Counts = new Map();
    const anti: Counts = new Map();
    // Without required terms of its own, only running pods with affinity terms can matter
    // (framework's PodsWithAffinity): the rest of the cluster is not walked for every pod.
    const ownRequired = required.length > 0 || requiredAnti.length > 0;
    for (const node of cycle.nodes)
      for (const { pod: existing, podAffinity, whole } of ownRequired ? node.pods : node.withAffinity) {
        if (podAffinity)
          for (const t of podAffinityInfo(whole()).requiredAntiAffinity) if (termMatchesPod(t, pod, nsLabels)) bump(existingAnti, node, t.topologyKey, 1);
        if (required.length && required.every((t) => termMatchesPod(t, existing, undefined))) for (const t of required) bump(affinity, node, t.topologyKey, 1);
        for (const t of requiredAnti) if (termMatchesPod(t, existing, undefined)) bump(anti, node, t.topologyKey, 1);
      }
    if (!required.length && !requiredAnti.length && ![...existingAnti.values()].some((n) => n > 0)) return { kind: 'skip' };

    // The first pod of a group with affinity to itself may go anywhere its topology exists.
    const selfMatch = required.length > 0 && required.every((t) => termMatchesPod(t, pod, undefined));
    const countOf = (m: Counts, key: string, value: string) => m.get(pairKey(key, value)) ?? 0;

    return {
      kind: 'filter',
      filter(node) {
        const labels: Labels = node.node.metadata.labels ?? {};
        let podsExist = true;
        for (const t of required) {
          const v = getOwn(labels, t.topologyKey);
          if (v === undefined) return unresolvable(AFFINITY_REASON);
          if (countOf(affinity, t.topologyKey, v) <= 0) podsExist = false;
        }
        if (!podsExist && !(affinity.size === 0 && selfMatch)) return unresolvable(AFFINITY_REASON);
        for (const t of requiredAnti) {
          const v = getOwn(labels, t.topologyKey);
          if (v !== undefined && countOf(anti, t.topologyKey, v) > 0) return unschedulable(ANTI_AFFINITY_REASON);
        }
        for (const [k, v] of Object.entries(labels)) if (countOf(existingAnti, k, v) > 0) return unschedulable(EXISTING_ANTI_AFFINITY_REASON);
        return null;
      },
    };
  },

  preScore(cycle: Cycle) {
    const pod = cycle.pod;
    const info = podAffinityInfo(pod);
    const preferred = info.preferredAffinity.map((t) => resolveNamespaces(t, cycle.namespaces()));
    const preferredAnti = info.preferredAntiAffinity.map((t) => resolveNamespaces(t, cycle.namespaces()));
    const ownConstraints = preferred.length > 0 || preferredAnti.length > 0;
    const nsLabels = cycle.namespaceLabels(pod.metadata.namespace ?? 'default');

    const scores: Counts = new Map();
    let any = false;
    const apply = (t: AffinityTerm, weight: number, target: MatchedPod, targetNs: Labels | undefined, node: NodeInfo) => {
      if (!termMatchesPod(t, target, targetNs)) return;
      if (getOwn(node.node.metadata.labels, t.topologyKey) === undefined) return;
      any = true;
      bump(scores, node, t.topologyKey, weight);
    };
    for (const node of cycle.nodes) {
      if (!hasLabels(node)) continue;
      // Without preferred terms of its own, only running pods with affinity can matter.
      for (const { pod: existing, podAffinity, whole } of ownConstraints ? node.pods : node.withAffinity) {
        for (const t of preferred) apply(t, t.weight, existing, undefined, node);
        for (const t of preferredAnti) apply(t, -t.weight, existing, undefined, node);
        if (!podAffinity) continue;
        const theirs = podAffinityInfo(whole());
        for (const t of theirs.requiredAffinity) apply(t, HARD_POD_AFFINITY_WEIGHT, pod, nsLabels, node);
        for (const t of theirs.preferredAffinity) apply(t, t.weight, pod, nsLabels, node);
        for (const t of theirs.preferredAntiAffinity) apply(t, -t.weight, pod, nsLabels, node);
      }
    }
    if (!any) return null;
    const keys = [...new Set([...scores.keys()].map((k) => k.split('\u0000')[0]))];
    return {
      score(node) {
        const labels = node.node.metadata.labels ?? {};
        let sum = 0;
        for (const k of keys) {
          const v = getOwn(labels, k);
          if (v !== undefined) sum += scores.get(pairKey(k, v)) ?? 0;
        }
        return sum;
      },
      normalize(raw) {
        const min = Math.min(...raw);
        const max = Math.max(...raw);
        return raw.map((s) => (max - min > 0 ? Math.trunc(MAX_NODE_SCORE * ((s - min) / (max - min))) : 0));
      },
    };
  },
};

