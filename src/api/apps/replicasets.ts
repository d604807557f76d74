// How a Deployment relates to its ReplicaSets: the pod-template-hash label, revisions, and which
// ReplicaSet is the "new" one. Shared by the controller, describe and rollout.
import { deepEqual } from '../meta/equal';
import { LAST_APPLIED } from '../meta/annotations';
import { controllerRef } from '../meta/ownerrefs';
import { labelSelectorMatches } from '../meta/selector';
import { parseTime } from '../time';
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from '../types';

export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const ROLLBACK_TO = 'deprecated.deployment.rollback.to';

/**
 * Deployment annotations that belong to the Deployment alone: never copied to its ReplicaSets,
 * and kept by a rollback that takes the other annotations from the ReplicaSet.
 */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO]);

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

/**
 * deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls (controller reference
 * and selector both), split into the new one and the old ones.
 */
export function deploymentReplicaSets(d: Deployment, all: readonly ReplicaSet[]): { newRS?: ReplicaSet; old: ReplicaSet[] } {
  const owned = all.filter(
    (rs) => rs.metadata.namespace === d.metadata.namespace && controllerRef(rs)?.uid === d.metadata.uid && labelSelectorMatches(d.spec.selector, rs.metadata.labels),
  );
  const newRS = findNewReplicaSet(d.spec.template, owned);
  return { newRS, old: owned.filter((rs) => rs !== newRS) };
}
