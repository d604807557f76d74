// DefaultTolerationSeconds: pods tolerate a not-ready or unreachable node for 300s before eviction.
import type { Pod, Toleration } from '../../api/types';
import { deepFreeze } from '../freeze';
import type { AdmissionPlugin } from './plugin';

const KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
/** The tolerations it adds: frozen values shared by every pod (a stored object is never changed in place). */
const ADDED = new Map(KEYS.map((key) => [key, deepFreeze<Toleration>({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 })]));

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(req) {
    if (req.type.kind !== 'Pod' || req.operation !== 'CREATE' || req.subresource) return;
    const spec = (req.object as Pod).spec;
    const tolerations: Toleration[] = spec.tolerations ?? [];
    for (const key of KEYS) {
      const covered = tolerations.some(
        (t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'),
      );
      if (!covered) tolerations.push(ADDED.get(key)!);
    }
    spec.tolerations = tolerations;
  },
};
