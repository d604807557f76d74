// The scheduler's plugin contract and the per-node view its plugins read
// (after pkg/scheduler/framework: filters say why a node cannot run a pod, scores rank the rest).
import { type Quantity, parseQuantity } from '../../api/meta/quantity';
import type { Node, Pod } from '../../api/types';

/** Why a filter rejected a node. `resolvable` says whether preempting pods could help. */
export interface Rejection {
  reasons: string[];
  resolvable: boolean;
}

export interface NodeInfo {
  node: Node;
  pods: Pod[];
  requested: { cpuMilli: number; memory: number };
  /** Requests with the scheduler's non-zero defaults, used for scoring. */
  nonZeroRequested: { cpuMilli: number; memory: number };
  usedPorts: Set<string>;
}

export interface FilterPlugin {
  name: string;
  filter(pod: Pod, node: NodeInfo): Rejection | null;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** A score in [0, 100] for this node. */
  score(pod: Pod, node: NodeInfo, all: readonly NodeInfo[]): number;
}

const DEFAULT_CPU_MILLI = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

function quantity(v: string | undefined): Quantity | undefined {
  return v === undefined ? undefined : parseQuantity(String(v));
}

/** A pod's effective requests: the larger of its containers' sum and any single init container. */
export function podRequests(pod: Pod, nonZero = false): { cpuMilli: number; memory: number } {
  const sum = { cpuMilli: 0, memory: 0 };
  for (const c of pod.spec.containers ?? []) {
    const r = c.resources?.requests ?? {};
    const cpu = quantity(r.cpu);
    const mem = quantity(r.memory);
    sum.cpuMilli += cpu ? cpu.milli() : nonZero ? DEFAULT_CPU_MILLI : 0;
    sum.memory += mem ? mem.value() : nonZero ? DEFAULT_MEMORY : 0;
  }
  for (const c of pod.spec.initContainers ?? []) {
    const r = c.resources?.requests ?? {};
    sum.cpuMilli = Math.max(sum.cpuMilli, quantity(r.cpu)?.milli() ?? 0);
    sum.memory = Math.max(sum.memory, quantity(r.memory)?.value() ?? 0);
  }
  return sum;
}

export function hostPorts(pod: Pod): string[] {
  const ports: string[] = [];
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])])
    for (const p of c.ports ?? []) if (p.hostPort) ports.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
  return ports;
}

export function newNodeInfo(node: Node): NodeInfo {
  return { node, pods: [], requested: { cpuMilli: 0, memory: 0 }, nonZeroRequested: { cpuMilli: 0, memory: 0 }, usedPorts: new Set() };
}

export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  const r = podRequests(pod);
  const nz = podRequests(pod, true);
  info.requested.cpuMilli += r.cpuMilli;
  info.requested.memory += r.memory;
  info.nonZeroRequested.cpuMilli += nz.cpuMilli;
  info.nonZeroRequested.memory += nz.memory;
  for (const p of hostPorts(pod)) info.usedPorts.add(p);
}

export function allocatable(info: NodeInfo): { cpuMilli: number; memory: number; pods: number } {
  const a = info.node.status?.allocatable ?? {};
  return {
    cpuMilli: quantity(a.cpu)?.milli() ?? 0,
    memory: quantity(a.memory)?.value() ?? 0,
    pods: quantity(a.pods)?.value() ?? 0,
  };
}
