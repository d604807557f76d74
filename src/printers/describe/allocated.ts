// What a node's pods hold against its allocatable: describeNode's "Non-terminated Pods" and
// "Allocated resources" figures (pkg/describe's getPodsTotalRequestsAndLimits and
// resourcehelper.PodRequestsAndLimits), shared by `describe node` and `pocketkube map`.
import { parseQuantity, Quantity } from '../../api/meta/quantity';
import { isPodTerminal } from '../../api/pod/status';
import type { Container, Node, Pod, ResourceList } from '../../api/types';

export type ResourceTotals = Map<string, Quantity>;

function sumInto(into: ResourceTotals, list: ResourceList | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    const cur = into.get(k);
    into.set(k, cur ? cur.add(q) : q);
  }
}

/** A pod's requests and limits: its containers summed, at least any one init container, plus overhead. */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const c of pod.spec.containers ?? []) {
    sumInto(requests, c.resources?.requests);
    sumInto(limits, c.resources?.limits);
  }
  for (const c of (pod.spec.initContainers ?? []) as Container[]) {
    for (const [target, list] of [
      [requests, c.resources?.requests],
      [limits, c.resources?.limits],
    ] as const) {
      for (const [k, v] of Object.entries(list ?? {})) {
        const q = parseQuantity(v);
        const cur = target.get(k);
        if (!cur || q.cmp(cur) > 0) target.set(k, q);
      }
    }
  }
  sumInto(requests, pod.spec.overhead as ResourceList | undefined);
  sumInto(limits, pod.spec.overhead as ResourceList | undefined);
  return { requests, limits };
}

/** The pods describe counts against a node: bound to it and not finished (terminating ones too). */
export function nonTerminatedPods(pods: readonly Pod[], nodeName: string | undefined): Pod[] {
  return pods.filter((p) => p.spec.nodeName === nodeName && !isPodTerminal(p));
}

/** What the figures are measured against: allocatable, or capacity when a node reports none. */
export function nodeAllocatable(node: Node): ResourceList {
  const status = node.status ?? {};
  return Object.keys(status.allocatable ?? {}).length ? status.allocatable! : status.capacity ?? {};
}

/** The pods' requests and limits summed per resource. */
export function allocatedTotals(pods: readonly Pod[]): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const p of pods) {
    const own = podRequestsAndLimits(p);
    for (const [k, v] of own.requests) requests.set(k, (requests.get(k) ?? Quantity.zero(v.format)).add(v));
    for (const [k, v] of own.limits) limits.set(k, (limits.get(k) ?? Quantity.zero(v.format)).add(v));
  }
  return { requests, limits };
}

/** The whole percent of `whole` that `part` is, truncated as describe's int64 arithmetic does (cpu in millicores). */
export function percentOf(part: Quantity | undefined, whole: Quantity | undefined, milli: boolean): number {
  if (!part || !whole) return 0;
  const w = milli ? whole.milli() : whole.value();
  if (w === 0) return 0;
  return Math.trunc(((milli ? part.milli() : part.value()) / w) * 100);
}

/** describe's "650m (16%)": an amount and its share of the node's allocatable `resource`. */
export function allocatedCell(q: Quantity | undefined, allocatable: ResourceList, resource: string, milli: boolean): string {
  const whole = allocatable[resource] !== undefined ? parseQuantity(allocatable[resource]) : undefined;
  return `${(q ?? Quantity.zero()).toString()} (${percentOf(q, whole, milli)}%)`;
}
