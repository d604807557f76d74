// kube-scheduler's scheduling queue, as the writes that feed it: a pending pod that is new or
// changed (beyond its status) goes to the active queue; one that did not fit stays out
// (unschedulablePods) until a cluster event that could help it, as the plugins' EventsToRegister
// say: a node added, or changed where it may have become more schedulable (NodeResourcesFit,
// NodeAffinity, TaintToleration, NodeUnschedulable…: v1.32's NodeSchedulingPropertiesChange),
// a bound pod going away or finishing (its resources, ports and spread
// counts freed), a pod bound that pods with required pod affinity or hard spread constraints
// may be waiting for (InterPodAffinity, PodTopologySpread), namespace labels changing.
// The cluster clock does not run while a command converges, so there is no backoffQ: a pod an
// event moves is tried in the same convergence (kube-scheduler's backoff of 1s doubling to 10s
// would leave it Pending until the clock is next advanced).
import { deepEqual, deepEqualExcept } from '../../api/meta/equal';
import { namespace as nsKind } from '../../api/kinds/namespace';
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { isPodTerminal } from '../../api/pod/status';
import type { PodView } from '../../api/pod/view';
import type { Node, ObjectKey, Pod } from '../../api/types';
import type { WatchEvent } from '../../client/client';
import { type Informers, keyOfObject } from '../../client/informer';
import type { Watch } from '../../engine/controller';
import { podInformer } from '../../client/podindex';
import { awaitsScheduling } from './snapshot';

const PENDING_INDEX = 'scheduling';
/** Index values: every pod waiting, and those of them a newly bound pod may help. */
const ALL = 'all';
const WAITING_FOR_PODS = 'waiting-for-pods';
const BOTH: readonly string[] = [ALL, WAITING_FOR_PODS];

function pendingIndex(informers: Informers) {
  const pods = podInformer(informers);
  pods.addIndex(PENDING_INDEX, (p) => {
    if (!awaitsScheduling(p)) return undefined;
    // Required pod affinity, hard topology spread: a newly bound pod may help it.
    return p.scheduling?.waitsForPods ? BOTH : ALL;
  });
  return pods;
}

/** The pods waiting for this scheduler (their cache views), in no particular order (the queue sorts them). */
export function pendingPods(informers: Informers, which: typeof ALL | typeof WAITING_FOR_PODS = ALL): PodView[] {
  return pendingIndex(informers).unordered(PENDING_INDEX, which);
}

/** isPodUpdated: a change other than status, resourceVersion, generation, managedFields or finalizers. */
function podUpdated(old: Pod, pod: Pod): boolean {
  return !deepEqual(old.spec, pod.spec) || !deepEqualExcept(old.metadata as Record<string, unknown>, pod.metadata as Record<string, unknown>, NOT_UPDATES);
}

const NOT_UPDATES: ReadonlySet<string> = new Set(['resourceVersion', 'generation', 'managedFields', 'finalizers']);

/** Holds resources on a node: bound and not finished. */
const holdsNode = (p: Pod | undefined) => !!p?.spec.nodeName && !isPodTerminal(p);

function podKeys(e: WatchEvent, informers: Informers): ObjectKey[] {
  const pod = e.object as Pod;
  const old = e.oldObject as Pod | undefined;
  if (e.type !== 'DELETED' && awaitsScheduling(pod)) return !old || !awaitsScheduling(old) || podUpdated(old, pod) ? [keyOfObject(pod)] : [];
  const held = holdsNode(old);
  const holds = e.type !== 'DELETED' && holdsNode(pod);
  if (held && !holds) return pendingPods(informers).map(keyOfObject);
  if (holds && (!held || !deepEqual(old?.metadata.labels, pod.metadata.labels))) return pendingPods(informers, WAITING_FOR_PODS).map(keyOfObject);
  return [];
}

function nodeKeys(e: WatchEvent, informers: Informers): ObjectKey[] {
  if (e.type === 'DELETED') return [];
  if (e.type === 'MODIFIED' && e.oldObject && !schedulingPropertiesChanged(e.oldObject as Node, e.object as Node)) return [];
  return pendingPods(informers).map(keyOfObject);
}

/**
 * NodeSchedulingPropertiesChange: an update moves pods only when it may make the node more
 * schedulable: it became schedulable, or its allocatable resources, labels, taints, annotations
 * or the statuses of its conditions changed (a heartbeat or a new image list moves nobody).
 */
function schedulingPropertiesChanged(old: Node, node: Node): boolean {
  const statuses = (n: Node) => Object.fromEntries((n.status?.conditions ?? []).map((c) => [c.type, c.status]));
  // Semantic equality: an empty map or list is no map or list.
  const same = (a: object | undefined, b: object | undefined) => deepEqual(a && Object.keys(a).length ? a : undefined, b && Object.keys(b).length ? b : undefined);
  return (
    (!!old.spec?.unschedulable !== !!node.spec?.unschedulable && !node.spec?.unschedulable) ||
    !same(old.status?.allocatable, node.status?.allocatable) ||
    !same(old.metadata.labels, node.metadata.labels) ||
    !same(old.spec?.taints, node.spec?.taints) ||
    !same(old.metadata.annotations, node.metadata.annotations) ||
    !deepEqual(statuses(old), statuses(node))
  );
}

function namespaceKeys(e: WatchEvent, informers: Informers): ObjectKey[] {
  return e.type === 'MODIFIED' && !deepEqual(e.oldObject?.metadata.labels, e.object.metadata.labels) ? pendingPods(informers).map(keyOfObject) : [];
}

export const schedulingQueueWatches: Watch[] = [
  { type: podKind.type, keys: podKeys },
  { type: nodeKind.type, keys: nodeKeys },
  { type: nsKind.type, keys: namespaceKeys },
];
