// The scheduler's plugin contract (after pkg/scheduler/framework): for one pod, a filter plugin
// first looks at the whole cluster (PreFilter) and then says why a node cannot run the pod
// (Filter); a score plugin ranks the feasible nodes (PreScore, Score, NormalizeScore).
import type { Selector } from '../../api/meta/selector';
import type { Node, Pod } from '../../api/types';
import { type Resources, addResources, nodeAllocatable, podRequests, zeroResources } from './resources';

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

/** One node as the scheduler's cache sees it: the node and the pods bound to it. */
export interface NodeInfo {
  node: Node;
  pods: Pod[];
  /** Sum of the pods' requests. */
  requested: Resources;
  /** The same with the scheduler's defaults for containers that request no cpu or memory (scoring). */
  nonZeroRequested: Resources;
  /** Counts of matching pods by selector, remembered until a pod is added (the replicas of one template ask alike). */
  matching?: Map<string, number>;
}

export function nodeName(info: NodeInfo): string {
  return info.node.metadata.name!;
}

export function newNodeInfo(node: Node): NodeInfo {
  return { node, pods: [], requested: zeroResources(), nonZeroRequested: zeroResources() };
}

export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  info.matching = undefined;
  addResources(info.requested, podRequests(pod));
  addResources(info.nonZeroRequested, podRequests(pod, true));
}

/** The node's view without some of its pods (preemption asks what removing victims would free). */
export function withoutPods(info: NodeInfo, gone: ReadonlySet<string>): NodeInfo {
  const copy = newNodeInfo(info.node);
  for (const p of info.pods) if (!gone.has(p.metadata.uid!)) addPod(copy, p);
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
