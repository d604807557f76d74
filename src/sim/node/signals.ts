// The eviction manager's signals and hard thresholds (pkg/kubelet/eviction): what it observes on
// a node, which of the kubelet's default thresholds are met, and how an eviction is worded.
import { Quantity, tryParseQuantity } from '../../api/meta/quantity';
import type { Node, Pod } from '../../api/types';
import type { MachineFacts } from '../kubelet/nodestate';
import type { PodUsage, UsageResource } from './usage';

export type Signal = 'memory.available' | 'nodefs.available';
export type PressureCondition = 'MemoryPressure' | 'DiskPressure';

export interface Observation {
  /** Bytes. */
  available: number;
  capacity: number;
}

export type Observations = Partial<Record<Signal, Observation>>;

export interface Threshold {
  signal: Signal;
  resource: UsageResource;
  condition: PressureCondition;
  /** GetThresholdQuantity: the threshold in bytes for an observed capacity. */
  quantity(capacity: number): number;
}

const Mi = 1024 * 1024;

/**
 * The kubelet's default hard thresholds on Linux, memory first (byEvictionPriority ranks memory
 * before every other resource). A percentage is a Go float32, widened when multiplied.
 */
export const HARD_THRESHOLDS: readonly Threshold[] = [
  { signal: 'memory.available', resource: 'memory', condition: 'MemoryPressure', quantity: () => 100 * Mi },
  { signal: 'nodefs.available', resource: 'ephemeral-storage', condition: 'DiskPressure', quantity: (capacity) => Math.trunc(capacity * Math.fround(0.1)) },
];

/** `pocketkube node pressure --memory=on` / `--disk=on`: what the machine then has left. */
export const FORCED_MEMORY_AVAILABLE = '50Mi';
export const FORCED_DISK_AVAILABLE = '4Gi';

function bytes(text: string | undefined): number {
  const q = text === undefined ? null : tryParseQuantity(String(text));
  return q ? q.value() : 0;
}

/** resource.NewQuantity(n, BinarySI).String(): how the kubelet prints byte counts. */
export function binarySI(n: number): string {
  return Quantity.fromValue(n, 'BinarySI').toString();
}

/** What the node has available: measured as capacity minus what its pods use, unless forced. */
export function observe(node: Node, usages: readonly PodUsage[], facts: MachineFacts): Observations {
  const capacity = node.status?.capacity ?? {};
  const signal = (total: number, used: number, forced: string | undefined): Observation => {
    if (forced !== undefined) return { available: bytes(forced), capacity: total };
    return { available: Math.max(0, total - used), capacity: total };
  };
  return {
    'memory.available': signal(bytes(capacity.memory), usages.reduce((n, u) => n + u.memory, 0), facts.memoryAvailable),
    'nodefs.available': signal(bytes(capacity['ephemeral-storage']), usages.reduce((n, u) => n + u.disk, 0), facts.diskAvailable),
  };
}

/** The thresholds an observation crosses (available below the threshold quantity). */
export function thresholdsMet(observations: Observations): Threshold[] {
  return HARD_THRESHOLDS.filter((t) => {
    const o = observations[t.signal];
    return !!o && t.quantity(o.capacity) > o.available;
  });
}

/** The request a container states for a resource, as its Quantity prints ("0" when none). */
function requestText(pod: Pod, container: string, resource: UsageResource): { text: string; bytes: number } {
  const c = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find((x) => x.name === container);
  const raw = c?.resources?.requests?.[resource];
  const q = raw === undefined ? null : tryParseQuantity(String(raw));
  return q ? { text: q.toString(), bytes: q.value() } : { text: '0', bytes: 0 };
}

/** evictionMessage: the node's shortage, then each container using more than it requested. */
export function evictionMessage(resource: UsageResource, pod: Pod, usage: PodUsage, met: readonly Threshold[], observations: Observations): string {
  let message = `The node was low on resource: ${resource}. `;
  const threshold = met.find((t) => t.resource === resource);
  const observed = threshold && observations[threshold.signal];
  if (threshold && observed) message += `Threshold quantity: ${binarySI(threshold.quantity(observed.capacity))}, available: ${binarySI(observed.available)}. `;
  for (const c of usage.containers) {
    const used = resource === 'memory' ? c.memory : c.disk;
    const request = requestText(pod, c.name, resource);
    if (used > request.bytes) message += `Container ${c.name} was using ${binarySI(used)}, request is ${request.text}, has larger consumption of ${resource}. `;
  }
  return message;
}
