// Pod affinity terms as the scheduler holds them (framework.AffinityTerm): the namespaces a term
// looks in (its own list, else the pod's namespace), a namespaceSelector, a label selector and a
// topology key. A nil selector selects nothing; an empty one selects everything.
import { type Selector, fromLabelSelector, matches } from '../../../api/meta/selector';
import type { LabelSelector, Labels, Pod } from '../../../api/types';

interface PodAffinityTermSpec {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

interface WeightedTermSpec {
  weight: number;
  podAffinityTerm: PodAffinityTermSpec;
}

interface AffinitySpec {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTermSpec[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedTermSpec[];
}

export interface AffinityTerm {
  namespaces: Set<string>;
  /** null selects no namespace by label. */
  namespaceSelector: Selector | null;
  /** null selects no pod. */
  selector: Selector | null;
  topologyKey: string;
  weight: number;
}

/** A pod's affinity and anti-affinity terms, required and preferred (framework.PodInfo). */
export interface PodAffinityInfo {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

function term(pod: Pod, spec: PodAffinityTermSpec, weight = 0): AffinityTerm {
  const own = !spec.namespaces?.length && !spec.namespaceSelector;
  return {
    namespaces: new Set(own ? [pod.metadata.namespace ?? 'default'] : (spec.namespaces ?? [])),
    namespaceSelector: fromLabelSelector(spec.namespaceSelector),
    selector: fromLabelSelector(spec.labelSelector),
    topologyKey: spec.topologyKey,
    weight,
  };
}

export function podAffinityInfo(pod: Pod): PodAffinityInfo {
  const a = pod.spec.affinity as { podAffinity?: AffinitySpec; podAntiAffinity?: AffinitySpec } | undefined;
  const required = (s?: AffinitySpec) => (s?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => term(pod, t));
  const preferred = (s?: AffinitySpec) =>
    (s?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => term(pod, w.podAffinityTerm, w.weight));
  return {
    requiredAffinity: required(a?.podAffinity),
    requiredAntiAffinity: required(a?.podAntiAffinity),
    preferredAffinity: preferred(a?.podAffinity),
    preferredAntiAffinity: preferred(a?.podAntiAffinity),
  };
}

export function hasPodAffinity(info: PodAffinityInfo): boolean {
  return !!(info.requiredAffinity.length || info.requiredAntiAffinity.length || info.preferredAffinity.length || info.preferredAntiAffinity.length);
}

/** What a term looks at of a pod: its namespace and labels (a pod, or its cache view). */
export type MatchedPod = { metadata: Pick<Pod['metadata'], 'namespace' | 'labels'> };

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and has the labels it selects. */
export function termMatchesPod(t: AffinityTerm, pod: MatchedPod, namespaceLabels: Labels | undefined): boolean {
  const inNamespace = t.namespaces.has(pod.metadata.namespace ?? '') || (t.namespaceSelector !== null && matches(t.namespaceSelector, namespaceLabels ?? {}));
  return inNamespace && t.selector !== null && matches(t.selector, pod.metadata.labels);
}

/**
 * The incoming pod's terms list the namespaces their namespaceSelector selects (an empty selector
 * is kept as is: it selects every namespace).
 */
export function resolveNamespaces(t: AffinityTerm, namespaces: readonly { name: string; labels: Labels }[]): AffinityTerm {
  if (!t.namespaceSelector?.length) return t;
  const names = new Set(t.namespaces);
  for (const ns of namespaces) if (matches(t.namespaceSelector, ns.labels)) names.add(ns.name);
  return { ...t, namespaces: names, namespaceSelector: null };
}
