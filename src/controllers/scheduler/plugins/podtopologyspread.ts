// PodTopologySpread: topologySpreadConstraints. DoNotSchedule constraints filter: placing the pod
// must not make its domain exceed the least populated eligible domain by more than maxSkew
// (with fewer than minDomains domains the least is taken as 0). ScheduleAnyway constraints (or,
// for a pod without constraints, the system defaults over hostname and zone for pods of a Service
// or controller) score: fewer matching pods in the node's domains score higher.
import { getOwn } from '../../../api/meta/own';
import { type Selector, fromLabelSelector, matches } from '../../../api/meta/selector';
import type { LabelSelector, Pod } from '../../../api/types';
import { type Cycle, type FilterPlugin, MAX_NODE_SCORE, type NodeInfo, type PodInfo, type ScorePlugin, unresolvable, unschedulable } from '../framework';
import { matchesRequiredNodeAffinity } from '../nodeselector';
import { untoleratedTaint } from './tainttoleration';

export const SPREAD_REASON = "node(s) didn't match pod topology spread constraints";
export const SPREAD_LABEL_REASON = `${SPREAD_REASON} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';

interface ConstraintSpec {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelector;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  matchLabelKeys?: string[];
}

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  /** null selects nothing. */
  selector: Selector | null;
  /** The selector as text: what counts of matching pods are remembered under. */
  selectorKey: string;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

/** The system's default constraints (ScheduleAnyway), for pods that declare none. */
const SYSTEM_DEFAULTS = [
  { topologyKey: HOSTNAME, maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
];

function constraintsOf(pod: Pod, when: ConstraintSpec['whenUnsatisfiable']): Constraint[] {
  const specs = (pod.spec.topologySpreadConstraints ?? []) as ConstraintSpec[];
  return specs
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => {
      let selector = fromLabelSelector(c.labelSelector);
      // matchLabelKeys: the pod's own values of those keys narrow the selector.
      const own = (c.matchLabelKeys ?? []).filter((k) => getOwn(pod.metadata.labels, k) !== undefined);
      if (selector && own.length) selector = [...selector, ...own.map((key) => ({ key, op: 'in' as const, values: [pod.metadata.labels![key]] }))];
      return {
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        selector,
        selectorKey: JSON.stringify(selector),
        minDomains: c.minDomains ?? 1,
        honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
      };
    });
}

/**
 * Matching pods in the pod's namespace that are not being deleted; an empty selector counts none.
 * A node's count is made once and then kept by addPod (`key`: the namespace and the selector's
 * text, made once per pod for every node).
 */
function countMatching(node: NodeInfo, c: Constraint, namespace: string, key: string): number {
  const selector = c.selector;
  if (!selector?.length) return 0;
  const known = node.matching?.get(key);
  if (known !== undefined) return known.count;
  const counts = (p: PodInfo['pod']) => !p.metadata.deletionTimestamp && p.metadata.namespace === namespace && matches(selector, p.metadata.labels);
  let count = 0;
  for (const { pod } of node.pods) if (counts(pod)) count++;
  (node.matching ??= new Map()).set(key, { count, counts });
  return count;
}

const matchKey = (namespace: string, c: Constraint) => `${namespace}\x00${c.selectorKey}`;

function includes(c: Constraint, pod: Pod, node: NodeInfo): boolean {
  if (c.honorAffinity && !matchesRequiredNodeAffinity(pod, node.node)) return false;
  if (c.honorTaints && untoleratedTaint(node.node.spec?.taints, pod.spec.tolerations)) return false;
  return true;
}

const hasAllKeys = (node: NodeInfo, cs: readonly Constraint[]) => cs.every((c) => getOwn(node.node.metadata.labels, c.topologyKey) !== undefined);

export const podTopologySpread: FilterPlugin & ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preFilter(cycle) {
    const pod = cycle.pod;
    const ns = pod.metadata.namespace ?? 'default';
    const constraints = constraintsOf(pod, 'DoNotSchedule');
    if (!constraints.length) return { kind: 'skip' };
    // Per constraint: matching pods per domain of the eligible nodes.
    const counts = constraints.map(() => new Map<string, number>());
    const keys = constraints.map((c) => matchKey(ns, c));
    for (const node of cycle.nodes) {
      if (!hasAllKeys(node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!includes(c, pod, node)) return;
        const v = node.node.metadata.labels![c.topologyKey];
        counts[i].set(v, (counts[i].get(v) ?? 0) + countMatching(node, c, ns, keys[i]));
      });
    }
    const minimum = constraints.map((c, i) => {
      if (counts[i].size < c.minDomains) return 0;
      return counts[i].size ? Math.min(...counts[i].values()) : Number.MAX_SAFE_INTEGER;
    });
    return {
      kind: 'filter',
      filter(node) {
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i];
          const v = getOwn(node.node.metadata.labels, c.topologyKey);
          if (v === undefined) return unresolvable(SPREAD_LABEL_REASON);
          const self = c.selector !== null && matches(c.selector, pod.metadata.labels) ? 1 : 0;
          if ((counts[i].get(v) ?? 0) + self - minimum[i] > c.maxSkew) return unschedulable(SPREAD_REASON);
        }
        return null;
      },
    };
  },

  preScore(cycle: Cycle, feasible) {
    const pod = cycle.pod;
    const ns = pod.metadata.namespace ?? 'default';
    const declared = (pod.spec.topologySpreadConstraints ?? []) as ConstraintSpec[];
    let constraints: Constraint[];
    if (declared.length) constraints = constraintsOf(pod, 'ScheduleAnyway');
    else {
      const selector = cycle.defaultSpreadSelector();
      constraints = selector.length
        ? SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, selectorKey: JSON.stringify(selector), minDomains: 1, honorAffinity: true, honorTaints: false }))
        : [];
    }
    if (!constraints.length) return null;
    // With the system defaults a node may lack the zone label and still be scored.
    const requireAll = declared.length > 0;
    const ignored = new Set(feasible.filter((n) => requireAll && !hasAllKeys(n, constraints)).map((n) => n.node.metadata.name!));
    // Domains of the feasible nodes, and their pod counts over every node.
    const domainCounts = constraints.map(() => new Map<string, number>());
    const weights = constraints.map((c, i) => {
      if (c.topologyKey === HOSTNAME) return Math.log(feasible.length - ignored.size + 2);
      for (const n of feasible) {
        const v = getOwn(n.node.metadata.labels, c.topologyKey);
        if (!ignored.has(n.node.metadata.name!) && v !== undefined) domainCounts[i].set(v, 0);
      }
      return Math.log(domainCounts[i].size + 2);
    });
    const keys = constraints.map((c) => matchKey(ns, c));
    for (const node of cycle.nodes) {
      if (requireAll && !hasAllKeys(node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME || !includes(c, pod, node)) return;
        const v = getOwn(node.node.metadata.labels, c.topologyKey);
        if (v === undefined || !domainCounts[i].has(v)) return;
        domainCounts[i].set(v, domainCounts[i].get(v)! + countMatching(node, c, ns, keys[i]));
      });
    }
    return {
      score(node) {
        if (ignored.has(node.node.metadata.name!)) return 0;
        let score = 0;
        constraints.forEach((c, i) => {
          const v = getOwn(node.node.metadata.labels, c.topologyKey);
          if (v === undefined) return;
          const count = c.topologyKey === HOSTNAME ? countMatching(node, c, ns, keys[i]) : (domainCounts[i].get(v) ?? 0);
          score += count * weights[i] + (c.maxSkew - 1);
        });
        return Math.round(score);
      },
      normalize(raw, nodes) {
        let min = Number.MAX_SAFE_INTEGER;
        let max = 0;
        raw.forEach((s, i) => {
          if (ignored.has(nodes[i].node.metadata.name!)) return;
          min = Math.min(min, s);
          max = Math.max(max, s);
        });
        return raw.map((s, i) => {
          if (ignored.has(nodes[i].node.metadata.name!)) return 0;
          if (max === 0) return MAX_NODE_SCORE;
          return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max);
        });
      },
    };
  },
};
