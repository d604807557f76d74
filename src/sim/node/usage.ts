// What a pod's running containers use, as the kubelet's stats summary would report it: CPU,
// memory (working set) and disk (writable layer plus logs). A container uses its request by
// default, or, without one, a small figure (1m of CPU; memory and disk derived from its image);
// `pocketkube.io/cpu-usage`, `pocketkube.io/memory-usage` and `pocketkube.io/disk-usage` on the
// pod override it ("300Mi" for the first container, or "app=300Mi,sidecar=20Mi" per container).
// Containers that are not running use nothing.
import { tryParseQuantity } from '../../api/meta/quantity';
import type { Container, Pod } from '../../api/types';
import { imageSize, parseImage } from '../runtime/images';

export const MEMORY_USAGE_ANNOTATION = 'pocketkube.io/memory-usage';
export const DISK_USAGE_ANNOTATION = 'pocketkube.io/disk-usage';
export const CPU_USAGE_ANNOTATION = 'pocketkube.io/cpu-usage';

/** What a container without a CPU request or annotation uses: an idle process's millicore. */
const IDLE_CPU_MILLI = 1;

const Ki = 1024;
const Mi = 1024 * Ki;

export type UsageResource = 'memory' | 'ephemeral-storage';

export interface ContainerUsage {
  name: string;
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
  disk: number;
}

export interface PodUsage {
  containers: ContainerUsage[];
  cpu: number;
  memory: number;
  disk: number;
}

function bytes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const q = tryParseQuantity(String(text));
  return q && q.nano >= 0n ? q.value() : undefined;
}

function millicores(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const q = tryParseQuantity(String(text));
  return q && q.nano >= 0n ? q.milli() : undefined;
}

/** The annotation's figure for a container: a bare quantity is the first container's. */
function annotated(pod: Pod, key: string, container: string, first: boolean, unit = bytes): number | undefined {
  const text = pod.metadata.annotations?.[key]?.trim();
  if (!text) return undefined;
  if (!text.includes('=')) return first ? unit(text) : undefined;
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (name === container) return unit(value);
  }
  return undefined;
}

const roundUp = (n: number, unit: number) => Math.max(unit, Math.ceil(n / unit) * unit);

/** The image-based default: a sixteenth of the image in memory, a thousandth of it on disk. */
function imageDefault(c: Container, resource: UsageResource): number {
  const size = imageSize(parseImage(c.image ?? ''));
  return resource === 'memory' ? roundUp(size / 16, Mi) : roundUp(size / 1024, Ki);
}

function containerUsage(pod: Pod, c: Container, first: boolean): ContainerUsage {
  const usage = (resource: UsageResource, key: string) =>
    annotated(pod, key, c.name, first) ?? bytes(c.resources?.requests?.[resource]) ?? imageDefault(c, resource);
  const cpu = annotated(pod, CPU_USAGE_ANNOTATION, c.name, first, millicores) ?? millicores(c.resources?.requests?.cpu) ?? IDLE_CPU_MILLI;
  return { name: c.name, cpu, memory: usage('memory', MEMORY_USAGE_ANNOTATION), disk: usage('ephemeral-storage', DISK_USAGE_ANNOTATION) };
}

export function podUsage(pod: Pod): PodUsage {
  const running = new Set(
    [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].filter((s) => s.state?.running).map((s) => s.name),
  );
  const all = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  const containers = all.filter((c) => running.has(c.name)).map((c) => containerUsage(pod, c, c === all[0]));
  return {
    containers,
    cpu: containers.reduce((n, c) => n + c.cpu, 0),
    memory: containers.reduce((n, c) => n + c.memory, 0),
    disk: containers.reduce((n, c) => n + c.disk, 0),
  };
}

/** A container's request of a resource, in bytes (0 when it has none). */
export function containerRequest(c: Container, resource: UsageResource): number {
  return bytes(c.resources?.requests?.[resource]) ?? 0;
}

/** The pod's effective request (GetResourceRequestQuantity): containers summed, init containers' peak, overhead. */
export function podRequest(pod: Pod, resource: UsageResource): number {
  let sum = (pod.spec.containers ?? []).reduce((n, c) => n + containerRequest(c, resource), 0);
  for (const c of pod.spec.initContainers ?? []) sum = Math.max(sum, containerRequest(c, resource));
  return sum + (bytes((pod.spec.overhead as Record<string, string> | undefined)?.[resource]) ?? 0);
}

/** The memory the pod's annotation says a container uses (undefined without one): what the OOM killer judges. */
export function annotatedMemory(pod: Pod, c: Container): number | undefined {
  const first = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])][0];
  return annotated(pod, MEMORY_USAGE_ANNOTATION, c.name, c === first);
}
