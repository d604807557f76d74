// The scheduler's view of the cluster for one pass (its cache): nodes with the pods bound to them,
// namespaces with their labels, and the objects that select pods for default spreading. Pods
// that finished (Succeeded, Failed) hold nothing; pods being deleted still do until they go.
import { node as nodeKind } from '../../api/kinds/node';
import { namespace as nsKind } from '../../api/kinds/namespace';
import { type Selector, fromLabelSelector, matches } from '../../api/meta/selector';
import { isPodTerminal } from '../../api/pod/status';
import type { PodView } from '../../api/pod/view';
import { typeForKind } from '../../api/registry';
import { compareCodePoints } from '../../api/meta/codepoint';
import type { KubeObject, LabelSelector, Labels, Namespace, Node, Pod } from '../../api/types';
import type { Client } from '../../client/client';
import type { Informers } from '../../client/informer';
import { podInformer, podViewsOnNode } from '../../client/podindex';
import { type Cycle, type NodeInfo, addPodInfo, newNodeInfo, podInfoOfView } from './framework';

export const SCHEDULER_NAME = 'default-scheduler';

export interface Snapshot {
  nodes: NodeInfo[];
  byName: Map<string, NodeInfo>;
  namespaces: { name: string; labels: Labels }[];
  client: Client;
}

/** A pod this scheduler has to place: unbound, not gated, not going away, not finished (a pod or its cache view). */
export function awaitsScheduling(p: Pod | PodView): boolean {
  return (
    !p.spec.nodeName &&
    !isPodTerminal(p) &&
    (p.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !p.metadata.deletionTimestamp &&
    !(p.spec.schedulingGates as unknown[] | undefined)?.length
  );
}

/** The scheduler's cache at the start of a drain: nodes with the pods bound to them. */
export function takeSnapshot(client: Client, informers: Informers): Snapshot {
  const nodes = informers
    .for<Node>(nodeKind.type)
    .list()
    .map(newNodeInfo)
    .sort((a, b) => compareCodePoints(a.node.metadata.name!, b.node.metadata.name!));
  const byName = new Map(nodes.map((n) => [n.node.metadata.name!, n]));
  // From the bound pods' views, which keep what each takes of its node: a cluster of ten thousand
  // running pods is not read whole for every scheduling pass.
  const pods = podInformer(informers);
  for (const info of nodes)
    for (const view of podViewsOnNode(informers, info.node.metadata.name!))
      if (!isPodTerminal(view)) addPodInfo(info, podInfoOfView(view, () => pods.get(view.metadata.namespace, view.metadata.name!)!));
  const namespaces = informers
    .for<Namespace>(nsKind.type)
    .list()
    .map((n) => ({ name: n.metadata.name!, labels: n.metadata.labels ?? {} }));
  return { nodes, byName, namespaces, client };
}

/** Lists a kind that may not be served (yet); nothing when it is not. */
function listIfServed<T extends KubeObject>(client: Client, apiVersion: string, kind: string, namespace: string): T[] {
  const type = typeForKind(apiVersion, kind);
  return type ? client.list<T>(type, namespace) : [];
}

function getIfServed<T extends KubeObject>(client: Client, apiVersion: string, kind: string, namespace: string, name: string): T | undefined {
  const type = typeForKind(apiVersion, kind);
  return type ? client.tryGet<T>(type, namespace, name) : undefined;
}

/**
 * helper.DefaultSelector: the Services selecting the pod (their selectors merged), narrowed by
 * the selector of the ReplicationController, ReplicaSet or StatefulSet that controls it.
 */
function defaultSelector(client: Client, pod: Pod): Selector {
  const ns = pod.metadata.namespace ?? 'default';
  const set: Labels = {};
  for (const svc of listIfServed<KubeObject & { spec?: { selector?: Labels } }>(client, 'v1', 'Service', ns)) {
    const sel = svc.spec?.selector;
    if (sel && Object.keys(sel).length && matches(fromLabelSelector({ matchLabels: sel })!, pod.metadata.labels)) Object.assign(set, sel);
  }
  let selector: Selector = Object.keys(set)
    .sort()
    .map((key) => ({ key, op: '=' as const, values: [set[key]] }));
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (!owner) return selector;
  if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
    const rc = getIfServed<KubeObject & { spec?: { selector?: Labels } }>(client, 'v1', 'ReplicationController', ns, owner.name);
    if (rc?.spec?.selector) {
      Object.assign(set, rc.spec.selector);
      selector = Object.keys(set)
        .sort()
        .map((key) => ({ key, op: '=' as const, values: [set[key]] }));
    }
  } else if (owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet')) {
    const ctl = getIfServed<KubeObject & { spec?: { selector?: LabelSelector } }>(client, 'apps/v1', owner.kind, ns, owner.name);
    const own = ctl?.spec?.selector ? fromLabelSelector(ctl.spec.selector) : null;
    if (own) selector = [...selector, ...own];
  }
  return selector;
}

/** The view one pod's scheduling attempt works with. `nodes` may be a modified copy (preemption). */
export function cycleFor(snap: Snapshot, pod: Pod, nodes: readonly NodeInfo[] = snap.nodes): Cycle {
  let spread: Selector | undefined;
  const nsLabels = new Map(snap.namespaces.map((n) => [n.name, n.labels]));
  return {
    pod,
    nodes,
    namespaceLabels: (ns) => nsLabels.get(ns),
    namespaces: () => snap.namespaces,
    defaultSpreadSelector: () => (spread ??= defaultSelector(snap.client, pod)),
  };
}
