// The metrics-server add-on (sigs.k8s.io/metrics-server), simulated: it scrapes every kubelet once
// per resolution (15s, the add-on's --metric-resolution) from the moment its container started,
// and reports CPU as the rate between two samples, so a node or container is reported only once
// two samples of it exist — or, for a container started 10s to 15s before a scrape, one sample
// and its start (storage/pod.go). What is scraped is the node model's usage (sim/node/usage.ts):
// a container uses its request, or what the pod's pocketkube.io/ annotations say; a node's memory
// is its capacity less memory.available, the figure its eviction manager observes. All of it is
// a function of the cluster clock and the objects, so the same cluster reports the same numbers.
import { pod as podKind } from '../../api/kinds/pod';
import { formatGoDuration } from '../../api/duration';
import { type MetricsScraper, type MetricsUsage, type NodeMetrics, type PodMetrics } from '../../api/metrics';
import { Quantity } from '../../api/meta/quantity';
import { type Clock, parseTime, rfc3339 } from '../../api/time';
import type { Node, ObjectMeta, Pod } from '../../api/types';
import type { Client } from '../../client/client';
import type { NodeDisk } from '../../engine/controller';
import { machineFacts } from '../kubelet/nodestate';
import { observe } from '../node/signals';
import { type ContainerUsage, podUsage } from '../node/usage';

/** --metric-resolution of the add-on's Deployment. */
export const RESOLUTION_MS = 15_000;
/** freshContainerMinMetricsResolution: a container's start counts as a sample only this long after it. */
const FRESH_MIN_MS = 10_000;

/** When the server's container started (cluster ms), if it runs. */
function serverStart(server: Pod): number | undefined {
  const running = server.status?.containerStatuses?.find((s) => s.state?.running)?.state?.running;
  return parseTime(running?.startedAt as string | undefined);
}

/** The scrapes so far: the last one and the one before it (undefined before the second). */
function scrapes(server: Pod, now: number): { last: number; prev?: number } | undefined {
  const start = serverStart(server);
  if (start === undefined || now < start) return undefined;
  const last = start + Math.floor((now - start) / RESOLUTION_MS) * RESOLUTION_MS;
  return { last, prev: last - RESOLUTION_MS >= start ? last - RESOLUTION_MS : undefined };
}

export function usageOf(cpuMilli: number, memoryBytes: number): MetricsUsage {
  // CPU is reported in nanocores (a DecimalSI quantity scaled by 10^-9), memory in bytes (BinarySI).
  return { cpu: new Quantity(BigInt(Math.round(cpuMilli)) * 1_000_000n, 'DecimalSI').toString(), memory: Quantity.fromValue(memoryBytes, 'BinarySI').toString() };
}

/** The pod's usage as the kubelet reported it at `at`: its containers running by then, with their start. */
function usageAt(pod: Pod, at: number): { containers: (ContainerUsage & { startedAt: number })[]; cpu: number; memory: number; disk: number } {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const started = (c: ContainerUsage) => parseTime(statuses.find((x) => x.name === c.name)?.state?.running?.startedAt as string | undefined) ?? Infinity;
  const containers = podUsage(pod)
    .containers.map((c) => ({ ...c, startedAt: started(c) }))
    .filter((c) => c.startedAt <= at);
  const sum = (k: 'cpu' | 'memory' | 'disk') => containers.reduce((n, c) => n + c[k], 0);
  return { containers, cpu: sum('cpu'), memory: sum('memory'), disk: sum('disk') };
}

function meta(obj: Node | Pod, now: number): ObjectMeta {
  const m: ObjectMeta = { name: obj.metadata.name };
  if (obj.metadata.namespace) m.namespace = obj.metadata.namespace;
  // metrics-server stamps each answer with the time it was made.
  m.creationTimestamp = rfc3339(now);
  if (obj.metadata.labels) m.labels = obj.metadata.labels;
  return m;
}

export class MetricsServer implements MetricsScraper {
  constructor(
    private readonly client: Client,
    private readonly disk: NodeDisk,
    private readonly clock: Clock,
  ) {}

  private reachable(nodeName: string | undefined): boolean {
    return !!nodeName && machineFacts(this.disk, nodeName).kubeletStoppedAt === undefined;
  }

  nodes(nodes: readonly Node[], server: Pod): NodeMetrics[] {
    const now = this.clock.now();
    const s = scrapes(server, now);
    if (s?.prev === undefined) return [];
    const byNode = new Map<string, Pod[]>();
    for (const p of this.client.list<Pod>(podKind.type, undefined)) {
      const n = p.spec.nodeName;
      if (n) byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const out: NodeMetrics[] = [];
    for (const node of nodes) {
      const name = node.metadata.name!;
      if (!this.reachable(name)) continue;
      // What the kubelet reported at the last scrape: the containers running by then.
      const usages = (byNode.get(name) ?? []).map((p) => usageAt(p, s.last));
      const memory = observe(node, usages, machineFacts(this.disk, name))['memory.available']!;
      const cpu = usages.reduce((n, u) => n + u.cpu, 0);
      out.push({ metadata: meta(node, now), timestamp: rfc3339(s.last), window: formatGoDuration(RESOLUTION_MS), usage: usageOf(cpu, memory.capacity - memory.available) });
    }
    return out;
  }

  pods(pods: readonly Pod[], server: Pod): PodMetrics[] {
    const now = this.clock.now();
    const s = scrapes(server, now);
    if (!s) return [];
    const out: PodMetrics[] = [];
    for (const pod of pods) {
      if (!this.reachable(pod.spec.nodeName)) continue;
      const m = this.podSample(pod, s);
      if (m) out.push({ metadata: meta(pod, now), ...m });
    }
    return out;
  }

  /** The pod's containers sampled at the last scrape, if every one of them has its rate. */
  private podSample(pod: Pod, s: { last: number; prev?: number }): Omit<PodMetrics, 'metadata'> | undefined {
    const sampled = usageAt(pod, s.last).containers;
    if (!sampled.length) return undefined;
    const windows: number[] = [];
    for (const c of sampled) {
      const age = s.last - c.startedAt;
      if (age >= FRESH_MIN_MS && age < RESOLUTION_MS) windows.push(age);
      else if (s.prev !== undefined && c.startedAt < s.prev) windows.push(RESOLUTION_MS);
      else return undefined;
    }
    return {
      timestamp: rfc3339(s.last),
      window: formatGoDuration(windows[0]),
      containers: sampled.map((c) => ({ name: c.name, usage: usageOf(c.cpu, c.memory) })),
    };
  }
}
