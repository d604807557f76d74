// The taint-eviction controller (pkg/controller/tainteviction): pods on a node with NoExecute
// taints they do not all tolerate are deleted at once; pods whose tolerations of those taints
// carry tolerationSeconds are deleted when the shortest runs out (a timer on the cluster clock),
// unless the taint goes first. Deletion marks the pod DisruptionTarget, then deletes it gracefully.
import { node as nodeKind } from '../api/kinds/node';
import { pod as podKind } from '../api/kinds/pod';
import { tolerates } from '../api/meta/taints';
import { isPodTerminal } from '../api/pod/status';
import { rfc3339 } from '../api/time';
import { deepEqual } from '../api/meta/equal';
import type { Condition, Node, ObjectKey, Pod, Taint, Toleration } from '../api/types';
import type { WatchEvent } from '../client/client';
import { type Informers, keyOfObject } from '../client/informer';
import type { Controller, ReconcileContext } from '../engine/controller';
import { podViewsOnNode } from '../client/podindex';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

/** A deletion waiting for a toleration to run out. */
interface Scheduled {
  uid: string;
  /** When the eviction was scheduled and when it fires (cluster time, ms). */
  createdAt: number;
  fireAt: number;
}

const keyOf = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * v1helper.GetMatchingTolerations: whether every taint is tolerated, and the toleration that
 * tolerates each one.
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => tolerates(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** getMinTolerationTime: the shortest tolerationSeconds (ms); -1 when the pod tolerates forever. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (!used.length) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

function cancel(ctx: ReconcileContext, pod: Pod): void {
  if (!ctx.memory.get<Scheduled>(keyOf(pod))) return;
  ctx.memory.set(keyOf(pod), undefined);
  ctx.events.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${keyOf(pod)}`);
}

function evict(ctx: ReconcileContext, pod: Pod): void {
  ctx.memory.set(keyOf(pod), undefined);
  ctx.events.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${keyOf(pod)}`);
  const condition: Condition = {
    lastProbeTime: null,
    lastTransitionTime: rfc3339(ctx.clock.now()),
    message: 'Taint manager: deleting due to NoExecute taint',
    reason: 'DeletionByTaintManager',
    status: 'True',
    type: 'DisruptionTarget',
  };
  const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  ctx.client.updateStatus(podKind.type, { ...pod, status: { ...pod.status, conditions: [...others, condition] } });
  ctx.client.delete(podKind.type, pod.metadata.namespace, pod.metadata.name!, { preconditions: { uid: pod.metadata.uid } });
}

/** A node whose NoExecute taints changed: every pod on it is looked at. */
function podsOfRetaintedNode(e: WatchEvent, informers: Informers): ObjectKey[] {
  const before = noExecuteTaints(e.oldObject as Node | undefined);
  const after = e.type === 'DELETED' ? [] : noExecuteTaints(e.object as Node);
  if (deepEqual(before, after)) return [];
  return podViewsOnNode(informers, e.object.metadata.name!).map(keyOfObject);
}

/**
 * A pod change the controller acts on (its podUpdated): a bound pod added, any pod gone, or a
 * change of node, tolerations, deletion or ending; a pending pod's status writes are not its
 * business (a change of its node's taints comes through the node).
 */
function podChanged(e: WatchEvent): ObjectKey[] {
  const pod = e.object as Pod;
  const old = e.oldObject as Pod | undefined;
  if (e.type === 'DELETED') return [keyOfObject(pod)];
  if (!old) return pod.spec.nodeName ? [keyOfObject(pod)] : [];
  const changed =
    old.spec.nodeName !== pod.spec.nodeName ||
    !deepEqual(old.spec.tolerations, pod.spec.tolerations) ||
    !old.metadata.deletionTimestamp !== !pod.metadata.deletionTimestamp ||
    isPodTerminal(old) !== isPodTerminal(pod);
  return changed ? [keyOfObject(pod)] : [];
}

export const taintEvictionController: Controller = {
  name: TAINT_EVICTION_CONTROLLER,

  watches: [{ type: podKind.type, keys: podChanged }, { type: nodeKind.type, keys: podsOfRetaintedNode }],

  resync(ctx) {
    const keys: ObjectKey[] = ctx.memory.keys().map((k) => {
      const [namespace, name] = k.split('/');
      return { namespace, name };
    });
    for (const node of ctx.client.list<Node>(nodeKind.type)) if (noExecuteTaints(node).length) keys.push(...podViewsOnNode(ctx.informers, node.metadata.name!).map(keyOfObject));
    return keys;
  },

  reconcile(ctx, key) {
    const pod = ctx.client.tryGet<Pod>(podKind.type, key.namespace, key.name);
    // What is remembered of a pod that is gone, finished or replaced is forgotten quietly.
    const remembered = ctx.memory.get<Scheduled>(`${key.namespace}/${key.name}`);
    if (remembered && (!pod?.spec.nodeName || isPodTerminal(pod) || pod.metadata.uid !== remembered.uid)) ctx.memory.set(`${key.namespace}/${key.name}`, undefined);
    if (!pod?.spec.nodeName || isPodTerminal(pod)) return;
    // A pod already on its way out is left to finish.
    if (pod.metadata.deletionTimestamp) return;
    const taints = noExecuteTaints(ctx.informers.for<Node>(nodeKind.type).get(undefined, pod.spec.nodeName));
    if (!taints.length) return cancel(ctx, pod);
    const { all, used } = matchingTolerations(taints, pod.spec.tolerations);
    if (!all) {
      cancel(ctx, pod);
      return evict(ctx, pod);
    }
    const min = minTolerationMs(used);
    if (min < 0) return cancel(ctx, pod);
    const now = ctx.clock.now();
    const existing = ctx.memory.get<Scheduled>(keyOf(pod));
    // A deletion already scheduled keeps its time (as the real controller keeps its work item).
    const scheduled = existing && existing.uid === pod.metadata.uid ? existing : { uid: pod.metadata.uid!, createdAt: now, fireAt: now + min };
    if (scheduled !== existing) ctx.memory.set(keyOf(pod), scheduled);
    if (scheduled.fireAt <= now) return evict(ctx, pod);
    return { requeueAfterMs: scheduled.fireAt - now };
  },
};
