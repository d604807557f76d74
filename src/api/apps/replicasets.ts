// How a Deployment relates to its ReplicaSets: the pod-template-hash label, revisions, and which
// ReplicaSet is the "new" one. Shared by the controller, describe and rollout.
import { deepEqual } from '../meta/equal';
import { parseTime } from '../time';
import type { KubeObject, PodTemplateSpec, ReplicaSet } from '../types';

export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function withoutHash(t: PodTemplateSpec): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** Templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  return ta - tb || (a.metadata.name! < b.metadata.name! ? -1 : 1);
}

/** The ReplicaSet running the Deployment's current template (the oldest if several). */
export function findNewReplicaSet(template: PodTemplateSpec, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, template));
}

export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}
