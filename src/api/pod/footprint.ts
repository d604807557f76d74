// What a pod takes of the node it runs on, as the scheduler counts it (framework.Resource and
// resourcehelper.PodRequests): cpu in millicores, memory and ephemeral storage in bytes, every
// other resource (extended resources such as nvidia.com/gpu, hugepages) as a whole-unit
// "scalar"; and the host ports its containers claim. A bound pod's cache view keeps these
// (api/pod/view.ts), so the scheduler's cache is built from views, not from every bound pod.
import { tryParseQuantity } from '../meta/quantity';
import type { Container, ContainerPort, Pod, ResourceList } from '../types';

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Only `pods` in a node's allocatable; pod requests never carry it. */
  allowedPods: number;
  scalar: Record<string, number>;
}

/** What the scheduler assumes a container without a cpu or memory request uses (scoring only). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function zeroResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPods: 0, scalar: {} };
}

/** Resources other than cpu, memory, ephemeral-storage and pods are tracked by name. */
export function isScalar(name: string): boolean {
  return name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && name !== 'pods';
}

export function fromList(list: ResourceList | undefined): Resources {
  const r = zeroResources();
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(String(text));
    if (!q) continue;
    if (name === 'cpu') r.milliCPU = q.milli();
    else if (name === 'memory') r.memory = q.value();
    else if (name === 'ephemeral-storage') r.ephemeralStorage = q.value();
    else if (name === 'pods') r.allowedPods = q.value();
    else r.scalar[name] = q.value();
  }
  return r;
}

export function addResources(into: Resources, r: Resources): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v;
}

function maxInto(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = Math.max(into.scalar[k] ?? 0, v);
}

function containerRequests(c: Container, nonZero: boolean): Resources {
  const requests = c.resources?.requests ?? {};
  const r = fromList(requests);
  // A request that is absent (not one that is zero) gets the default.
  if (nonZero && !('cpu' in requests)) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
  if (nonZero && !('memory' in requests)) r.memory = DEFAULT_MEMORY_REQUEST;
  return r;
}

/**
 * A pod's effective requests: its containers' sum, or the largest init container if that is
 * more (sidecar init containers run alongside and add up), plus the pod overhead.
 */
export function podRequests(pod: Pod, nonZero = false): Resources {
  const sum = zeroResources();
  for (const c of pod.spec.containers ?? []) addResources(sum, containerRequests(c, nonZero));
  const sidecars = zeroResources();
  const initMax = zeroResources();
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      addResources(sum, r);
      addResources(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      addResources(r, sidecars);
      maxInto(initMax, r);
    }
  }
  maxInto(sum, initMax);
  const overhead = pod.spec.overhead as ResourceList | undefined;
  if (overhead) addResources(sum, fromList(overhead));
  return sum;
}

/** A host port a container claims: (protocol, address, port), 0.0.0.0 meaning every address. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** The host ports a pod's containers ask for. */
export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec.containers ?? [])
    for (const p of (c.ports ?? []) as ContainerPort[])
      if (p.hostPort && p.hostPort > 0) out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  return out;
}
