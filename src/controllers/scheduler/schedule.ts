// One scheduling attempt (schedule_one.go): PreFilter, Filter on every node, then Score the
// feasible ones and pick the best, ties broken at random; or the diagnosis of why none fits.
import type { Random } from '../../api/random';
import { type Cycle, type NodeInfo, type Status, nodeName, unresolvable } from './framework';
import { FILTERS, SCORES } from './plugins';

export interface Feasibility {
  feasible: NodeInfo[];
  /** Why each rejected node was rejected (every node of the cycle that is not feasible). */
  statuses: Map<string, Status>;
  /** Set when a PreFilter rejected the pod outright. */
  preFilterStatus?: Status;
}

type NodeFilter = (info: NodeInfo) => Status | null;

/** Runs the PreFilters; the node filters to apply, or a verdict for all nodes. */
function preFilter(cycle: Cycle): { filters: NodeFilter[]; only?: Set<string>; onlyBy: string[] } | { reject: Status } {
  const filters: NodeFilter[] = [];
  let only: Set<string> | undefined;
  const onlyBy: string[] = [];
  for (const plugin of FILTERS) {
    const res = plugin.preFilter(cycle);
    if (res.kind === 'reject') return { reject: res.status };
    if (res.kind === 'skip') continue;
    filters.push(res.filter);
    if (res.onlyNodes) {
      only = only ? new Set([...only].filter((n) => res.onlyNodes!.has(n))) : new Set(res.onlyNodes);
      onlyBy.push(plugin.name);
    }
  }
  return { filters, only, onlyBy };
}

/** The first filter's rejection of a node, or null when the node can take the pod. */
function runFilters(filters: readonly NodeFilter[], info: NodeInfo): Status | null {
  for (const f of filters) {
    const status = f(info);
    if (status) return status;
  }
  return null;
}

export function findFeasible(cycle: Cycle): Feasibility {
  const statuses = new Map<string, Status>();
  const pre = preFilter(cycle);
  if ('reject' in pre) {
    for (const n of cycle.nodes) statuses.set(nodeName(n), pre.reject);
    return { feasible: [], statuses, preFilterStatus: pre.reject };
  }
  const feasible: NodeInfo[] = [];
  // Nodes a PreFilter ruled out are reported by the plugins' names.
  const absent = unresolvable(`node(s) didn't satisfy plugin(s) [${pre.onlyBy.join(' ')}]`);
  for (const info of cycle.nodes) {
    if (pre.only && !pre.only.has(nodeName(info))) {
      statuses.set(nodeName(info), absent);
      continue;
    }
    const status = runFilters(pre.filters, info);
    if (status) statuses.set(nodeName(info), status);
    else feasible.push(info);
  }
  return { feasible, statuses };
}

/** Whether the pod fits one node of the cycle (the preemption dry run asks this). */
export function fitsNode(cycle: Cycle, info: NodeInfo): Status | null {
  const pre = preFilter(cycle);
  if ('reject' in pre) return pre.reject;
  return runFilters(pre.filters, info);
}

/** Every feasible node's weighted total over the score plugins. */
export function prioritize(cycle: Cycle, feasible: readonly NodeInfo[]): number[] {
  const totals = feasible.map(() => 0);
  for (const plugin of SCORES) {
    const scorer = plugin.preScore(cycle, feasible);
    if (!scorer) continue;
    const raw = feasible.map((n) => scorer.score(n));
    const normalized = scorer.normalize ? scorer.normalize(raw, feasible) : raw;
    normalized.forEach((s, i) => (totals[i] += s * plugin.weight));
  }
  return totals;
}

/** The node to bind to: the only feasible one, else a best-scoring one chosen at random. */
export function selectHost(cycle: Cycle, feasible: readonly NodeInfo[], random: Random): NodeInfo {
  if (feasible.length === 1) return feasible[0];
  const totals = prioritize(cycle, feasible);
  const best = Math.max(...totals);
  const top = feasible.filter((_, i) => totals[i] === best);
  return top.length === 1 ? top[0] : top[random.int(top.length)];
}
