// pocketkube's own limit, not a Kubernetes admission plugin: a cluster holds at most as many pods
// as Kubernetes supports in one cluster (its scalability thresholds: 150,000 pods). Every pod
// lives in this process's memory; a valid but huge replica count (0x7fffffff) would otherwise
// have one command build pods until it runs out of memory. A pod beyond the limit is refused as
// a quota refuses one, so the ReplicaSet controller reports it as it reports a quota: a
// FailedCreate event and the ReplicaFailure condition.
import { forbidden } from '../../api/errors';
import type { AdmissionPlugin } from './plugin';

/** The most pods Kubernetes v1.32 supports in one cluster ("Considerations for large clusters"). */
export const MAX_PODS = 150_000;

export const podLimit: AdmissionPlugin = {
  name: 'PocketkubePodLimit',
  validate(req, ctx) {
    if (req.type.kind !== 'Pod' || req.operation !== 'CREATE' || req.subresource) return;
    const limit = ctx.maxPods ?? MAX_PODS;
    if (ctx.count(req.type) >= limit)
      throw forbidden({ group: '', resource: 'pods' }, req.name, `pocketkube holds at most ${limit} pods in a cluster (Kubernetes supports up to 150000)`);
  },
};
