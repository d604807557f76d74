// The kubelet's node status (pkg/kubelet/nodestatus/setters.go), posted while its kubelet runs:
// MemoryPressure, DiskPressure and PIDPressure as the eviction manager reports them, Ready, and
// the extended resources device plugins advertise in capacity and allocatable. It writes only
// when something changed (every condition's heartbeat is renewed then), recording the setters'
// events on each transition. A kubelet that starts again after `pocketkube node stop` finds its
// conditions Unknown and reports them afresh.
import { node as nodeKind } from '../../api/kinds/node';
import { rfc3339 } from '../../api/time';
import type { Condition, Node, ResourceList } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { NODE_STATUS_REPORTER, nodePressure } from '../kubelet/eviction';
import { kubeletRunning, machineFacts } from '../kubelet/nodestate';

interface Setter {
  type: string;
  /** [status, reason, message, event] when the condition holds and when it does not. */
  whenTrue: readonly [string, string, string, string];
  whenFalse: readonly [string, string, string, string];
}

/** The condition setters in the kubelet's order; Ready is last, as the kubelet keeps it. */
const SETTERS: readonly Setter[] = [
  {
    type: 'MemoryPressure',
    whenTrue: ['True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available', 'NodeHasInsufficientMemory'],
    whenFalse: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', 'NodeHasSufficientMemory'],
  },
  {
    type: 'DiskPressure',
    whenTrue: ['True', 'KubeletHasDiskPressure', 'kubelet has disk pressure', 'NodeHasDiskPressure'],
    whenFalse: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 'NodeHasNoDiskPressure'],
  },
  {
    type: 'PIDPressure',
    whenTrue: ['True', 'KubeletHasInsufficientPID', 'kubelet has insufficient PID available', 'NodeHasInsufficientPID'],
    whenFalse: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 'NodeHasSufficientPID'],
  },
  {
    type: 'Ready',
    whenTrue: ['True', 'KubeletReady', 'kubelet is posting ready status', 'NodeReady'],
    whenFalse: ['False', 'KubeletNotReady', '', 'NodeNotReady'],
  },
];

/** The conditions the kubelet would post now, and the events their transitions record. */
function desiredConditions(current: readonly Condition[], holds: (type: string) => boolean, now: string): { conditions: Condition[]; events: string[] } {
  const conditions = current.map((c) => ({ ...c }));
  const events: string[] = [];
  for (const s of SETTERS) {
    const [status, reason, message, event] = holds(s.type) ? s.whenTrue : s.whenFalse;
    let c = conditions.find((x) => x.type === s.type);
    if (!c) {
      c = { type: s.type, status: 'Unknown' };
      conditions.push(c);
    }
    c.lastHeartbeatTime = now;
    if (c.status !== status) {
      Object.assign(c, { status, reason, message, lastTransitionTime: now });
      events.push(event);
    }
  }
  // Ready last, and the others in the order they had.
  const ready = conditions.findIndex((c) => c.type === 'Ready');
  if (ready >= 0 && ready !== conditions.length - 1) conditions.push(...conditions.splice(ready, 1));
  return { conditions, events };
}

/** Device plugins' resources set into a resource list; undefined when nothing changes. */
function withDevices(list: ResourceList | undefined, devices: Record<string, string>): ResourceList | undefined {
  const changed = Object.entries(devices).filter(([k, v]) => list?.[k] !== v);
  return changed.length ? { ...(list ?? {}), ...Object.fromEntries(changed) } : undefined;
}

/** What is reported, without the heartbeats that every post renews. */
function reported(conditions: readonly Condition[]): string {
  return JSON.stringify(conditions.map((c) => [c.type, c.status, c.reason, c.message]));
}

export function postNodeStatus(ctx: ReconcileContext, node: Node): void {
  const name = node.metadata.name!;
  const now = rfc3339(ctx.clock.now());
  const pressure = nodePressure(ctx, name);
  const current = node.status?.conditions ?? [];
  const { conditions, events } = desiredConditions(current, (type) => type === 'Ready' || (pressure as string[]).includes(type), now);
  const devices = machineFacts(ctx.disk, name).devices ?? {};
  const capacity = withDevices(node.status?.capacity, devices);
  const allocatable = withDevices(node.status?.allocatable, devices);
  if (reported(conditions) === reported(current) && !capacity && !allocatable) return;
  const status = { ...(node.status ?? {}), conditions };
  if (capacity) status.capacity = capacity;
  if (allocatable) status.allocatable = allocatable;
  ctx.client.as(COMPONENTS.node(name)).updateStatus(nodeKind.type, { ...node, status });
  for (const event of events) ctx.events.event(node, 'Normal', event, `Node ${name} status is now: ${event}`, { host: name });
}

export const nodeStatusReporter: Controller = {
  name: NODE_STATUS_REPORTER,

  watches: [{ type: nodeKind.type }],

  resync(ctx) {
    return ctx.client.list<Node>(nodeKind.type).map((n) => ({ name: n.metadata.name! }));
  },

  reconcile(ctx, key) {
    const node = ctx.client.tryGet<Node>(nodeKind.type, undefined, key.name);
    if (node && kubeletRunning(ctx, key.name)) postNodeStatus(ctx, node);
  },
};
