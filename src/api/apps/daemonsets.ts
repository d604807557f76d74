// How a DaemonSet relates to its pods and ControllerRevisions: the labels that tie a pod to a
// revision, the revision's data (a patch that replaces the template) and reading a template back
// from a revision. Shared by the controller, describe and rollout.
import { clone } from '../meta/equal';
import { canonicalJson } from '../meta/canonical';
import { controllerRef } from '../meta/ownerrefs';
import { TEMPLATE_GENERATION } from '../kinds/daemonset';
import type { ControllerRevision, DaemonSet, KubeObject, PodTemplateSpec } from '../types';

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

/**
 * getPatch: what a revision records, `{"spec":{"template":{…,"$patch":"replace"}}}`, the template
 * as the API server encodes it (its Go type's zero values included, `creationTimestamp: null`).
 */
export function daemonSetPatch(ds: DaemonSet): Record<string, unknown> {
  const template = clone(ds.spec.template) as unknown as Record<string, unknown>;
  const { goTypedRoundTrip } = require('../schema/typed') as typeof import('../schema/typed');
  goTypedRoundTrip(template, 'PodTemplateSpec');
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** The patch's text per DaemonSet, for the version last asked about: a sync compares it with every revision. */
const patchTexts = new Map<string, { version: string; text: string }>();

/** history.Match: the revision records the DaemonSet's current template. */
export function revisionMatches(ds: DaemonSet, cr: ControllerRevision): boolean {
  const uid = ds.metadata.uid ?? '';
  const version = ds.metadata.resourceVersion ?? '';
  let known = patchTexts.get(uid);
  if (!known || known.version !== version || !version) patchTexts.set(uid, (known = { version, text: canonicalJson(daemonSetPatch(ds)) }));
  return known.text === canonicalJson(cr.data ?? null);
}

/** The template a revision records (applyDaemonSetHistory: its patch applied to the DaemonSet). */
export function revisionTemplate(cr: ControllerRevision): PodTemplateSpec {
  const data = cr.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const { $patch: _replace, ...template } = clone(data?.spec?.template ?? {});
  return template as unknown as PodTemplateSpec;
}

/** The ControllerRevisions a DaemonSet controls, of those given. */
export function ownedRevisions(ds: DaemonSet, all: readonly ControllerRevision[]): ControllerRevision[] {
  return all.filter((cr) => controllerRef(cr)?.uid === ds.metadata.uid);
}

