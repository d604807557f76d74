// The pods controllers look up, through the shared pod informer's indexes: by controller, the
// orphans of a namespace, the pods bound to a node.
import { pod as podKind } from '../api/kinds/pod';
import type { Pod } from '../api/types';
import { INDEX, type Informer, type Informers } from './informer';

const NODE_INDEX = 'spec.nodeName';

export interface PodIndex {
  byController(uid: string): Pod[];
  /** Pods with no controller, in one namespace. */
  orphansIn(namespace: string): Pod[];
}

export function podInformer(informers: Informers): Informer<Pod> {
  const inf = informers.for<Pod>(podKind.type);
  inf.addIndex(NODE_INDEX, (p) => ((p as Pod).spec?.nodeName ? [(p as Pod).spec.nodeName!] : []));
  return inf;
}

export function podIndex(informers: Informers): PodIndex {
  const inf = podInformer(informers);
  return {
    byController: (uid) => inf.byIndex(INDEX.controller, uid),
    orphansIn: (ns) => inf.byIndex(INDEX.orphan, ns),
  };
}

/** The pods bound to `node`, in namespace/name order. */
export function podsOnNode(informers: Informers, node: string): Pod[] {
  return podInformer(informers).byIndex(NODE_INDEX, node);
}
