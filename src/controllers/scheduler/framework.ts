// The scheduler's plugin contract (after pkg/scheduler/framework): for one pod, a filter plugin
// first looks at the whole cluster (PreFilter) and then says why a node cannot run the pod
// (Filter); a score plugin ranks the feasible nodes (PreScore, Score, NormalizeScore).
import type { Selector } from '../../api/meta/selector';
import type { HostPort } from '../../api/pod/footprint';
import { type PodView, placementOf } from '../../api/pod/view';
import type { Node, Pod } from '../../api/types';
import { type Resources, addResources, nodeAllocatable, zeroResources } from './resources';

/** How a filter rejected a node: `unresolvable` nodes cannot be helped by preempting pods. */
export interface Status {
  reasons: readonly string[];
  unresolvable: boolean;
}

export function unschedulable(...reasons: string[]): Status {
  return { reasons, unresolvable: false };
}

export function unresolvable(...reasons: string[]): Status {
  return { reasons, unresolvable: true };
}

/**
 * A pod bound to a node as the scheduler's cache holds it (framework.PodInfo): what the plugins
 * read of every bound pod — its metadata, priority and placement — from its cache view (or the
 * pod itself, for one bound in this pass); the whole pod is fetched only for what a view does
 * not keep (pod affinity terms, a victim's start time and conditions).
 */
export interface PodInfo {
  /** Metadata (labels, namespace, uid, deletionTimestamp) and spec.priority. */
  pod: Pod | PodView;
  requests: Resources;
  nonZeroRequests: Resources;
  hostPorts: readonly HostPort[];
  /** It has pod affinity or anti-affinity terms (read from whole()). */
  podAffinity: boolean;
  whole(): Pod;
}

const NO_PORTS: readonly HostPort[] = [];

/** A bound pod's cache entry from the pod itself. */
export function podInfoOf(pod: Pod): PodInfo {
  const placed = placementOf(pod);
  return { pod, requests: placed.requests, nonZeroRequests: placed.nonZeroRequests, hostPorts: placed.hostPorts ?? NO_PORTS, podAffinity: !!placed.podAffinity, whole: () => pod };
}

/** A bound pod's cache entry from its view (which keeps its placement); `fetch` gets the whole pod, once. */
export function podInfoOfView(view: PodView, fetch: () => Pod): PodInfo {
  const placed = view.placed;
  if (!placed) return podInfoOf(fetch());
  let pod: Pod | undefined;
  const whole = () => (pod ??= fetch());
  return { pod: view, requests: placed.requests, nonZeroRequests: placed.nonZeroRequests, hostPorts: placed.hostPorts ?? NO_PORTS, podAffinity: !!placed.podAffinity, whole };
}

/** One node as the scheduler's cache sees it: the node and the pods bound to it. */
export interface NodeInfo {
  node: Node;
  pods: PodInfo[];
  /** Sum of the pods' requests. */
  requested: Resources;
  /** The same with the scheduler's defaults for containers that request no cpu or memory (scoring). */
  nonZeroRequested: Resources;
  /** The pods with pod affinity or anti-affinity terms (framework's PodsWithAffinity). */
  withAffinity: PodInfo[];
  /**
   * Counts of matching pods by selector (the replicas of one template ask alike), kept as pods
   * are added: each count comes with the test of what it counts.
   */
  matching?: Map<string, MatchCount>;
}

export interface MatchCount {
  count: number;
  counts(pod: PodInfo['pod']): boolean;
}

export function nodeName(info: NodeInfo): string {
  return info.node.metadata.name!;
}

export function newNodeInfo(node: Node): NodeInfo {
  return { node, pods: [], withAffinity: [], requested: zeroResources(), nonZeroRequested: zeroResources() };
}

/** Adds a bound pod to the node's view. */
export function addPod(info: NodeInfo, pod: Pod): void {
  addPodInfo(info, podInfoOf(pod));
}

/** Adds a bound pod's cache entry to the node's view. */
export function addPodInfo(info: NodeInfo, entry: PodInfo): void {
  info.pods.push(entry);
  if (entry.podAffinity) info.withAffinity.push(entry);
  if (info.matching) for (const m of info.matching.values()) if (m.counts(entry.pod)) m.count++;
  addResources(info.requested, entry.requests);
  addResources(info.nonZeroRequested, entry.nonZeroRequests);
}

/** The node's view without some of its pods, by uid (preemption asks what removing victims would free). */
export function withoutPods(info: NodeInfo, gone: ReadonlySet<string>): NodeInfo {
  const copy = newNodeInfo(info.node);
  for (const p of info.pods) if (!gone.has(p.pod.metadata.uid!)) addPodInfo(copy, p);
  return copy;
}

/** What every plugin may look at while one pod is being scheduled. */
export interface Cycle {
  pod: Pod;
  /** Every node of the snapshot, in name order. */
  nodes: readonly NodeInfo[];
  /** Labels of a namespace (namespaceSelector terms match them); undefined when it does not exist. */
  namespaceLabels(namespace: string): Record<string, string> | undefined;
  /** Every namespace's name and labels. */
  namespaces(): readonly { name: string; labels: Record<string, string> }[];
  /** The label selector of the Services, ReplicaSets, ... that select this pod (default spreading). */
  defaultSpreadSelector(): Selector;
}

/** The outcome of a PreFilter: the node filter, or a verdict for every node at once. */
export type PreFilterResult =
  | { kind: 'skip' }
  | { kind: 'filter'; filter: (info: NodeInfo) => Status | null; onlyNodes?: ReadonlySet<string> }
  | { kind: 'reject'; status: Status };

export interface FilterPlugin {
  readonly name: string;
  preFilter(cycle: Cycle): PreFilterResult;
}

/** Raw scores for the feasible nodes, then their normalisation to [0, 100]. */
export interface Scorer {
  score(info: NodeInfo): number;
  normalize?(scores: number[], nodes: readonly NodeInfo[]): number[];
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** null when the plugin has nothing to say about this pod (PreScore's Skip). */
  preScore(cycle: Cycle, feasible: readonly NodeInfo[]): Scorer | null;
}

export const MAX_NODE_SCORE = 100;

/** pluginhelper.DefaultNormalizeScore: scale to [0, max] by the highest score, optionally reversed. */
export function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/** The resources a node offers to pods. */
export function allocatable(info: NodeInfo): Resources {
  return nodeAllocatable(info.node);
}
