// NodeResourcesFit: requests must fit the node's allocatable cpu, memory and pod count; scoring
// prefers the least allocated node, which spreads pods.
import { type FilterPlugin, type ScorePlugin, allocatable, podRequests } from '../framework';

export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(pod, info) {
    const alloc = allocatable(info);
    const req = podRequests(pod);
    const reasons: string[] = [];
    if (info.pods.length + 1 > alloc.pods) reasons.push('Too many pods');
    if (req.cpuMilli > 0 && info.requested.cpuMilli + req.cpuMilli > alloc.cpuMilli) reasons.push('Insufficient cpu');
    if (req.memory > 0 && info.requested.memory + req.memory > alloc.memory) reasons.push('Insufficient memory');
    return reasons.length ? { reasons, resolvable: true } : null;
  },
  score(pod, info) {
    const alloc = allocatable(info);
    const req = podRequests(pod, true);
    const free = (used: number, cap: number) => (cap <= 0 ? 0 : Math.max(0, ((cap - used) * 100) / cap));
    const cpu = free(info.nonZeroRequested.cpuMilli + req.cpuMilli, alloc.cpuMilli);
    const mem = free(info.nonZeroRequested.memory + req.memory, alloc.memory);
    return Math.floor((cpu + mem) / 2);
  },
};
