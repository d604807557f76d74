// NodeResourcesFit: the pod's requests must fit what the node has left of every resource it
// offers (cpu, memory, ephemeral-storage, pods, extended resources); scoring prefers the node
// with the most left (LeastAllocated over cpu and memory, equal weights).
import { type FilterPlugin, MAX_NODE_SCORE, type NodeInfo, type ScorePlugin, allocatable, unschedulable } from '../framework';
import { podRequests, requestedScalars } from '../resources';

/** The reasons a node cannot hold the pod, in the order the real plugin lists them. */
export function insufficientResources(pod: Parameters<typeof podRequests>[0], info: NodeInfo): string[] {
  const alloc = allocatable(info);
  const req = podRequests(pod);
  const used = info.requested;
  const reasons: string[] = [];
  if (info.pods.length + 1 > alloc.allowedPods) reasons.push('Too many pods');
  const scalars = requestedScalars(req);
  if (!req.milliCPU && !req.memory && !req.ephemeralStorage && !scalars.length) return reasons;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) reasons.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) reasons.push('Insufficient memory');
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) reasons.push('Insufficient ephemeral-storage');
  for (const name of scalars) if (req.scalar[name] > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  return reasons;
}

/** leastRequestedScore: the share left free, 0 when over-committed. */
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  preFilter(cycle) {
    return {
      kind: 'filter',
      filter(info) {
        const reasons = insufficientResources(cycle.pod, info);
        return reasons.length ? unschedulable(...reasons) : null;
      },
    };
  },
  preScore(cycle) {
    const req = podRequests(cycle.pod, true);
    return {
      score(info) {
        const alloc = allocatable(info);
        const pairs: [number, number][] = [
          [info.nonZeroRequested.milliCPU + req.milliCPU, alloc.milliCPU],
          [info.nonZeroRequested.memory + req.memory, alloc.memory],
        ];
        const counted = pairs.filter(([, cap]) => cap !== 0);
        if (!counted.length) return 0;
        return Math.trunc(counted.reduce((sum, [r, cap]) => sum + leastRequested(r, cap), 0) / counted.length);
      },
    };
  },
};
