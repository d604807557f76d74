// replicas: spec.replicas of the Deployments, ReplicationControllers, ReplicaSets and
// StatefulSets with the given name (their original or current one).
import { REPLICAS } from './config';
import { visitSpecs } from './fieldspec';
import { KustomizeError, type Resource } from './resource';

export interface ReplicaArgs {
  name?: string;
  count?: number;
}

export function setReplicas(resources: readonly Resource[], replicas: readonly ReplicaArgs[]): void {
  for (const { name = '', count = 0 } of replicas) {
    let found = false;
    for (const r of resources) {
      if (!r.ids.some((id) => id.name === name)) continue;
      visitSpecs(r.obj, REPLICAS, (container, field) => {
        container[field] = count;
        found = true;
      });
    }
    if (!found)
      throw new KustomizeError(
        `resource with name ${name} does not match a config with the following GVK [${REPLICAS.map((s) => `${s.kind}.[noVer].[noGrp]`).join(' ')}]`,
      );
  }
}
