// How many pods a PodDisruptionBudget expects and wants healthy (getExpectedPodCount and
// getExpectedScale of the disruption controller): a count of minAvailable is judged against the
// pods it selects; a percentage, or maxUnavailable, against the replicas of the pods' controllers.
import { deployment as deploymentKind } from '../../api/kinds/deployment';
import { replicaset as replicasetKind } from '../../api/kinds/replicaset';
import { controllerRef } from '../../api/meta/ownerrefs';
import type { PodView } from '../../api/pod/view';
import { kindDef, typeForKind } from '../../api/registry';
import type { Deployment, KubeObject, OwnerReference, PodDisruptionBudget, ReplicaSet } from '../../api/types';
import type { Informers } from '../../client/informer';
import type { PodIndex } from '../../client/podindex';
import { scaledValue } from '../deployment/replicas';

export class ExpectedCountError extends Error {}

export interface Expected {
  expectedCount: number;
  desiredHealthy: number;
  /** Selected pods no controller owns: their budget cannot be judged against a scale. */
  unmanaged: string[];
}

type Scaled = KubeObject & { spec: { replicas?: number } };

/** The replicas of a pod's controller, or undefined when it is gone (or another object took its name). */
function controllerScale(informers: Informers, namespace: string | undefined, ref: OwnerReference): number | undefined {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  const version = ref.apiVersion.split('/').pop()!;
  if (ref.kind === 'ReplicaSet' && group === 'apps') {
    const rs = informers.for<ReplicaSet>(replicasetKind.type).get(namespace, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    // A Deployment's ReplicaSet counts as the Deployment.
    const owner = controllerRef(rs);
    if (owner?.kind === 'Deployment') {
      const d = informers.for<Deployment>(deploymentKind.type).get(namespace, owner.name);
      if (d && d.metadata.uid === owner.uid) return d.spec.replicas ?? 1;
    }
    return rs.spec.replicas ?? 1;
  }
  // Any other controller through its scale subresource.
  const type = typeForKind(ref.apiVersion, ref.kind);
  if (!type) throw new ExpectedCountError(`no matches for kind ${JSON.stringify(ref.kind)} in version ${JSON.stringify(`${group ? `${group}/` : ''}${version}`)}`);
  if (!kindDef(type).type.subresources?.some((s) => s.name === 'scale'))
    throw new ExpectedCountError(`${type.group ? `${type.resource}.${type.group}` : type.resource} does not implement the scale subresource`);
  const obj = informers.for<Scaled>(type).get(namespace, ref.name);
  return obj && obj.metadata.uid === ref.uid ? (obj.spec.replicas ?? 1) : undefined;
}

/** getExpectedScale: the sum of the replicas of the selected pods' controllers, each counted once. */
function expectedScale(informers: Informers, pods: readonly PodView[], podIndex: PodIndex): { count: number; unmanaged: string[] } {
  const seen = new Set<string>();
  const unmanaged: string[] = [];
  let count = 0;
  for (const view of pods) {
    const uid = view.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    if (!uid) {
      unmanaged.push(view.metadata.name!);
      continue;
    }
    if (seen.has(uid)) continue;
    // The view keeps owners' uids only: the pod itself names its controller.
    const ref = controllerRef(podIndex.whole(view) ?? { metadata: {} });
    const replicas = ref && controllerScale(informers, view.metadata.namespace, ref);
    if (replicas === undefined) throw new ExpectedCountError(`found no controllers for pod ${JSON.stringify(view.metadata.name)}`);
    seen.add(uid);
    count += replicas;
  }
  return { count, unmanaged };
}

export function expectedPodCount(pdb: PodDisruptionBudget, pods: readonly PodView[], informers: Informers, podIndex: PodIndex): Expected {
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined) {
    const { count, unmanaged } = expectedScale(informers, pods, podIndex);
    return { expectedCount: count, desiredHealthy: Math.max(0, count - scaledValue(maxUnavailable, count, true)), unmanaged };
  }
  if (minAvailable !== undefined) {
    if (typeof minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: minAvailable, unmanaged: [] };
    const { count, unmanaged } = expectedScale(informers, pods, podIndex);
    return { expectedCount: count, desiredHealthy: scaledValue(minAvailable, count, true), unmanaged };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanaged: [] };
}
