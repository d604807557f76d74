// A per-pass view of all pods, grouped the way controllers look them up.
import { controllerRef } from '../api/meta/ownerrefs';
import type { Pod } from '../api/types';

export interface PodIndex {
  all: readonly Pod[];
  byController(uid: string): Pod[];
  /** Pods with no controller, in one namespace. */
  orphansIn(namespace: string): Pod[];
}

export function indexPods(pods: readonly Pod[]): PodIndex {
  const owned = new Map<string, Pod[]>();
  const orphans = new Map<string, Pod[]>();
  for (const p of pods) {
    const ref = controllerRef(p);
    if (ref) {
      const list = owned.get(ref.uid);
      if (list) list.push(p);
      else owned.set(ref.uid, [p]);
    } else {
      const ns = p.metadata.namespace ?? '';
      const list = orphans.get(ns);
      if (list) list.push(p);
      else orphans.set(ns, [p]);
    }
  }
  return {
    all: pods,
    byController: (uid) => owned.get(uid) ?? [],
    orphansIn: (ns) => orphans.get(ns) ?? [],
  };
}
