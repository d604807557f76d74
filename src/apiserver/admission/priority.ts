// Priority admission: a pod's priority comes from its PriorityClass (the system classes built in).
import { forbidden } from '../../api/errors';
import type { Pod } from '../../api/types';
import type { AdmissionPlugin } from './plugin';

const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(req) {
    if (req.type.kind !== 'Pod' || req.operation !== 'CREATE' || req.subresource) return;
    const spec = (req.object as Pod).spec;
    const cls = spec.priorityClassName;
    if (cls) {
      const value = SYSTEM_CLASSES[cls];
      if (value === undefined)
        throw forbidden({ group: '', resource: 'pods' }, req.name, `no PriorityClass with name ${cls} was found`);
      spec.priority = value;
    } else {
      spec.priority ??= 0;
    }
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  },
};
