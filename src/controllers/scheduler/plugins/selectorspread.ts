// Default topology spreading: pods of the same controller prefer nodes that run fewer of them.
import { controllerRef } from '../../../api/meta/ownerrefs';
import type { ScorePlugin } from '../framework';

export const selectorSpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  score(pod, info, all) {
    const owner = controllerRef(pod)?.uid;
    if (!owner) return 100;
    const count = (n: typeof info) => n.pods.filter((p) => controllerRef(p)?.uid === owner).length;
    const max = Math.max(0, ...all.map(count));
    return max === 0 ? 100 : Math.round(100 * (1 - count(info) / max));
  },
};
