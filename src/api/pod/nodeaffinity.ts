// Whether a node satisfies a pod's nodeSelector and required node affinity.
import type { Labels, Node, Pod } from '../types';

interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function requirementMatches(r: NodeSelectorRequirement, values: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, r.key);
  const v = values[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has) return false;
      const n = Number(v);
      const bound = Number(r.values?.[0]);
      if (!Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return r.operator === 'Gt' ? n > bound : n < bound;
    }
  }
  return false;
}

export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  const nodeFields = { 'metadata.name': node.metadata.name ?? '' };
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => requirementMatches(r, nodeFields));
}

export function requiredTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  const affinity = pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } | undefined;
  return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

/** nodeSelector (all labels equal) and, if present, at least one required affinity term. */
export function nodeMatchesPod(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = requiredTerms(pod);
  if (terms && !terms.some((t) => termMatches(t, node))) return false;
  return true;
}
