// The pods controllers look up, through the shared pod informer's indexes: by controller, the
// orphans of a namespace, the pods bound to a node. Lookups that may return many pods (a
// ReplicaSet's replicas) return their cache views (api/pod/view.ts); those of one node, few, the
// pods themselves.
import { pod as podKind } from '../api/kinds/pod';
import type { PodView } from '../api/pod/view';
import type { Pod } from '../api/types';
import { INDEX, type Informer, type Informers } from './informer';

const NODE_INDEX = 'spec.nodeName';

export interface PodIndex {
  /** A controller's pods, in no particular order (a ReplicaSet counts thousands; it sorts what it acts on). */
  byController(uid: string): PodView[];
  /** Pods with no controller, in one namespace. */
  orphansIn(namespace: string): PodView[];
  /** The whole pod a view is of (to write it); undefined if it is gone, or another pod took its name. */
  whole(view: PodView): Pod | undefined;
}

export function podInformer(informers: Informers): Informer<Pod, PodView> {
  const inf = informers.for<Pod, PodView>(podKind.type);
  inf.addIndex(NODE_INDEX, (p) => p.spec.nodeName || undefined);
  return inf;
}

export function podIndex(informers: Informers): PodIndex {
  const inf = podInformer(informers);
  return {
    byController: (uid) => inf.unordered(INDEX.controller, uid),
    orphansIn: (ns) => inf.viewsByIndex(INDEX.orphan, ns),
    whole: (view) => {
      const pod = inf.get(view.metadata.namespace, view.metadata.name!);
      return pod?.metadata.uid === view.metadata.uid ? pod : undefined;
    },
  };
}

/** The pods bound to `node`, in namespace/name order. */
export function podsOnNode(informers: Informers, node: string): Pod[] {
  return podInformer(informers).byIndex(NODE_INDEX, node);
}

/** The cache views of the pods bound to `node`, in namespace/name order (no pod is fetched). */
export function podViewsOnNode(informers: Informers, node: string): PodView[] {
  return podInformer(informers).viewsByIndex(NODE_INDEX, node);
}
