// A pod's QoS class, as the API server computes status.qosClass (pkg/apis/core/helper/qos).
import { tryParseQuantity } from '../meta/quantity';
import type { PodSpec } from '../types';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const COMPUTE = ['cpu', 'memory'];

export function qosClass(spec: PodSpec): QOSClass {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of COMPUTE) {
      const req = requests[r] !== undefined ? tryParseQuantity(String(requests[r])) : null;
      const lim = limits[r] !== undefined ? tryParseQuantity(String(limits[r])) : null;
      if ((req && !req.isZero()) || (lim && !lim.isZero())) anySet = true;
      if (!lim || lim.isZero()) guaranteed = false;
      else if (req && req.cmp(lim) !== 0) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
