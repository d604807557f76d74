// The node lifecycle controller (pkg/controller/nodelifecycle), as kube-controller-manager v1.32
// runs it: a node whose kubelet has not shown a sign of life (its lease) for the node monitor
// grace period (50s) gets its Ready and pressure conditions set Unknown, its pods marked not
// ready, and the unreachable NoExecute taint the taint eviction controller acts on (none while
// every zone is fully disrupted, none added while a small zone is partially disrupted);
// TaintNodesByCondition keeps the NoSchedule taints that mirror the node's conditions. The
// kubelet's last sign of life is given to it, as the Lease it would read.
import { node as nodeKind } from '../api/kinds/node';
import { pod as podKind } from '../api/kinds/pod';
import { rfc3339 } from '../api/time';
import type { Condition, Node, Pod, Taint } from '../api/types';
import type { Controller, ReconcileContext } from '../engine/controller';
import { podsOnNode } from '../client/podindex';

/** The v1.32 default of kube-controller-manager's --node-monitor-grace-period. */
export const NODE_MONITOR_GRACE_MS = 50_000;
/** --unhealthy-zone-threshold and --large-cluster-size-threshold. */
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const LARGE_CLUSTER_THRESHOLD = 50;

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** nodeConditionToTaintKeyStatusMap: which condition status becomes which NoSchedule taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), TAINT_UNSCHEDULABLE]);

/** The conditions set Unknown when the kubelet stops posting (NetworkUnavailable is not its). */
const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** Since when a node's kubelet has not renewed its lease; undefined while it renews it. */
export type Heartbeat = (ctx: ReconcileContext, nodeName: string) => number | undefined;

type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

const readyStatus = (n: Node) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;

/** GetZoneKey: region and zone, "" for a node with neither. */
function zoneKey(n: Node): string {
  const l = n.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\x00:${zone}` : '';
}

/** ComputeZoneState over the Ready conditions of a zone's nodes. */
function zoneState(nodes: readonly Node[]): ZoneState {
  const notReady = nodes.filter((n) => readyStatus(n) !== 'True').length;
  const ready = nodes.length - notReady;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / nodes.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/** tryUpdateNodeHealth past the grace period: the kubelet's conditions become Unknown. */
function unknownConditions(node: Node, now: string): Condition[] {
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  for (const type of KUBELET_CONDITIONS) {
    const c = conditions.find((x) => x.type === type);
    if (!c)
      conditions.push({
        lastHeartbeatTime: node.metadata.creationTimestamp ?? null,
        lastTransitionTime: now,
        message: 'Kubelet never posted node status.',
        reason: 'NodeStatusNeverUpdated',
        status: 'Unknown',
        type,
      });
    else if (c.status !== 'Unknown') Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now });
  }
  return conditions;
}

/** MarkPodsNotReady: each pod's Ready condition set False, with a NodeNotReady event. */
function markPodsNotReady(ctx: ReconcileContext, pods: readonly Pod[], now: string): void {
  for (const pod of pods) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const conditions = pod.status!.conditions!.map((c) => (c === ready ? { ...c, status: 'False' as const, lastTransitionTime: now } : c));
    ctx.client.updateStatus(podKind.type, { ...pod, status: { ...pod.status, conditions } });
    ctx.events.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
}

/** The NoSchedule taints the node's conditions (and spec.unschedulable) call for. */
function conditionTaints(node: Node): string[] {
  const keys = (node.status?.conditions ?? []).flatMap((c) => CONDITION_TAINTS[c.type]?.[c.status] ?? []);
  if (node.spec?.unschedulable) keys.push(TAINT_UNSCHEDULABLE);
  return keys;
}

/** The NoExecute taint the node's Ready condition calls for; null to remove both, undefined to leave them. */
function noExecuteTaint(node: Node, frozen: boolean, allDisrupted: boolean): string | null | undefined {
  if (allDisrupted) return null;
  const ready = readyStatus(node);
  const wanted = ready === 'False' ? TAINT_NOT_READY : ready === 'Unknown' ? TAINT_UNREACHABLE : null;
  if (!wanted) return null;
  const has = (key: string) => (node.spec?.taints ?? []).some((t) => t.key === key && t.effect === 'NoExecute');
  // The opposite taint is swapped at once; a new one waits for the zone's rate limiter, which
  // stands still while a small zone is partially disrupted.
  if (has(wanted)) return wanted;
  const opposite = wanted === TAINT_NOT_READY ? TAINT_UNREACHABLE : TAINT_NOT_READY;
  if (frozen && !has(opposite)) return undefined;
  return wanted;
}

/** The node's taints after both tainting passes; undefined when they do not change. */
function desiredTaints(node: Node, frozen: boolean, allDisrupted: boolean, now: string): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const noSchedule = conditionTaints(node);
  let taints = current.filter((t) => t.effect !== 'NoSchedule' || !CONDITION_TAINT_KEYS.has(t.key) || noSchedule.includes(t.key));
  for (const key of noSchedule) if (!taints.some((t) => t.key === key && t.effect === 'NoSchedule')) taints.push({ effect: 'NoSchedule', key, timeAdded: now });
  const noExecute = noExecuteTaint(node, frozen, allDisrupted);
  if (noExecute !== undefined) {
    taints = taints.filter((t) => t.effect !== 'NoExecute' || ![TAINT_NOT_READY, TAINT_UNREACHABLE].includes(t.key) || t.key === noExecute);
    if (noExecute && !taints.some((t) => t.key === noExecute && t.effect === 'NoExecute')) taints.push({ effect: 'NoExecute', key: noExecute, timeAdded: now });
  }
  const same = taints.length === current.length && taints.every((t, i) => t === current[i]);
  return same ? undefined : taints;
}

const NODES = { name: 'nodes' };

export function nodeLifecycleController(heartbeat: Heartbeat): Controller {
  return {
    name: 'node-lifecycle-controller',

    // monitorNodeHealth looks at every node at once (zone states depend on all of them).
    watches: [{ type: nodeKind.type, keys: () => [NODES] }],
    resync: () => [NODES],

    reconcile(ctx) {
      const nowMs = ctx.clock.now();
      const now = rfc3339(nowMs);
      const podsOn = (name: string) => podsOnNode(ctx.informers, name);
      const waits: number[] = [];
      const nodes = ctx.client.list<Node>(nodeKind.type).map((node) => {
        const name = node.metadata.name!;
        const silentSince = heartbeat(ctx, name);
        if (silentSince === undefined) return node;
        if (nowMs - silentSince < NODE_MONITOR_GRACE_MS) {
          waits.push(silentSince + NODE_MONITOR_GRACE_MS - nowMs);
          return node;
        }
        const observed = readyStatus(node);
        const conditions = unknownConditions(node, now);
        if (conditions.find((c) => c.type === 'Ready')?.status === observed) return node;
        const updated = ctx.client.updateStatus<Node>(nodeKind.type, { ...node, status: { ...node.status, conditions } });
        if (observed === 'True') {
          ctx.events.event(updated, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
          markPodsNotReady(ctx, podsOn(name), now);
        }
        return updated;
      });

      const zones = new Map<string, Node[]>();
      for (const n of nodes) {
        if (n.metadata.labels?.['node.kubernetes.io/exclude-disruption'] !== undefined) continue;
        const k = zoneKey(n);
        zones.set(k, [...(zones.get(k) ?? []), n]);
      }
      const states = new Map([...zones].map(([k, ns]) => [k, zoneState(ns)]));
      const allDisrupted = states.size > 0 && [...states.values()].every((s) => s === 'FullDisruption');
      for (const n of nodes) {
        const k = zoneKey(n);
        // ReducedQPSFunc: a partially disrupted zone of a small cluster taints no more nodes.
        const frozen = states.get(k) === 'PartialDisruption' && (zones.get(k)?.length ?? 0) <= LARGE_CLUSTER_THRESHOLD;
        const taints = desiredTaints(n, frozen, allDisrupted, now);
        if (!taints) continue;
        const { taints: _, ...rest } = n.spec ?? {};
        ctx.client.update(nodeKind.type, { ...n, spec: taints.length ? { ...rest, taints } : rest });
      }
      return waits.length ? { requeueAfterMs: Math.min(...waits) } : undefined;
    },
  };
}
