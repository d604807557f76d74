// NodeResourcesBalancedAllocation: prefers the node whose cpu and memory would be used in the most
// similar proportion (score = (1 - standard deviation of the fractions) * 100), counting the
// pods' actual requests.
import { MAX_NODE_SCORE, type ScorePlugin, allocatable } from '../framework';
import { podRequests } from '../resources';

export function balancedScore(requested: readonly number[], capacity: readonly number[]): number {
  const fractions: number[] = [];
  for (let i = 0; i < requested.length; i++) {
    if (capacity[i] === 0) continue;
    fractions.push(Math.min(1, requested[i] / capacity[i]));
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) * (f - mean), 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  preScore(cycle) {
    const req = podRequests(cycle.pod);
    return {
      score(info) {
        const alloc = allocatable(info);
        return balancedScore([info.requested.milliCPU + req.milliCPU, info.requested.memory + req.memory], [alloc.milliCPU, alloc.memory]);
      },
    };
  },
};
