// How a DaemonSet relates to its pods and ControllerRevisions: the labels that tie a pod to a
// revision and its template generation (the revisions' data is apps/revisions.ts). Shared by the
// controller, describe and rollout.
import { TEMPLATE_GENERATION } from '../kinds/daemonset';
import type { DaemonSet, KubeObject } from '../types';

export { TEMPLATE_GENERATION } from '../kinds/daemonset';
/** The revision hash on a DaemonSet's pods and revisions (apps.DefaultDaemonSetUniqueLabelKey). */
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
/** The template generation a pod was made from (extensions.DaemonSetTemplateGenerationKey). */
export const POD_TEMPLATE_GENERATION = 'pod-template-generation';

/** util.GetTemplateGeneration: the generation of the DaemonSet's template, if it has one. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION];
  return v === undefined ? undefined : Number(v);
}

/**
 * util.IsPodUpdated: made from the current revision. Kubernetes also compares the pod's
 * pod-template-generation label, but with the generation's pointer printed, which never equals
 * it: only the hash counts.
 */
export function isPodUpdated(pod: Pick<KubeObject, 'metadata'>, hash: string): boolean {
  return hash !== '' && pod.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash;
}
