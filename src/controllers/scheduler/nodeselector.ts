// A pod's node selection as component-helpers' nodeaffinity evaluates it: spec.nodeSelector (every
// label equal) and the required node affinity's terms (any term; within a term every expression
// on labels and every field requirement on metadata.name), and the weighted preferred terms.
import type { Labels, Node, Pod } from '../../api/types';

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface PreferredSchedulingTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

export function nodeAffinityOf(pod: Pod): NodeAffinity | undefined {
  return (pod.spec.affinity as { nodeAffinity?: NodeAffinity } | undefined)?.nodeAffinity;
}

/** Go's strconv.ParseInt(s, 10, 64): digits with an optional sign. */
function parseInt64(s: string | undefined): bigint | undefined {
  return s !== undefined && /^[+-]?[0-9]+$/.test(s) ? BigInt(s) : undefined;
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
      const n = has ? parseInt64(v) : undefined;
      const bound = parseInt64(r.values?.[0]);
      if (n === undefined || bound === undefined) return false;
      return r.operator === 'Gt' ? n > bound : n < bound;
    }
  }
  return false;
}

/** A term with no requirements matches no node. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  const nodeFields: Labels = { 'metadata.name': node.metadata.name ?? '' };
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, nodeFields));
}

/** The required terms, or undefined when the pod has no required node affinity. */
export function requiredTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  const required = nodeAffinityOf(pod)?.requiredDuringSchedulingIgnoredDuringExecution;
  return required ? (required.nodeSelectorTerms ?? []) : undefined;
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node). */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = requiredTerms(pod);
  return terms === undefined || terms.some((t) => termMatches(t, node));
}
