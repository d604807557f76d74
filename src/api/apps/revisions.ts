// ControllerRevisions of the controllers that keep their history so (DaemonSets, StatefulSets):
// the revision's data is a patch replacing the pod template, matched against the owner's current
// template, and read back for rollout history and undo.
import { canonicalJson } from '../meta/canonical';
import { clone } from '../meta/equal';
import type { ControllerRevision, KubeObject, PodTemplateSpec } from '../types';

export type TemplateOwner = KubeObject & { spec: { template: PodTemplateSpec } };

/**
 * getPatch: what a revision records, `{"spec":{"template":{…,"$patch":"replace"}}}`, the template
 * as the API server encodes it (its Go type's zero values included, `creationTimestamp: null`).
 */
export function templatePatch(owner: TemplateOwner): Record<string, unknown> {
  const template = clone(owner.spec.template) as unknown as Record<string, unknown>;
  const { goTypedRoundTrip } = require('../schema/typed') as typeof import('../schema/typed');
  goTypedRoundTrip(template, 'PodTemplateSpec');
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** The patch's text per owner, for the version last asked about: a sync compares it with every revision. */
const patchTexts = new Map<string, { version: string; text: string }>();

/** The patch as JSON with sorted keys (Go's json.Marshal of its map), memoised per owner and version. */
export function templatePatchText(owner: TemplateOwner): string {
  const uid = owner.metadata.uid ?? '';
  const version = owner.metadata.resourceVersion ?? '';
  let known = patchTexts.get(uid);
  if (!known || known.version !== version || !version) patchTexts.set(uid, (known = { version, text: canonicalJson(templatePatch(owner)) }));
  return known.text;
}

/** history.Match / EqualRevision: the revision records the owner's current template. */
export function revisionMatches(owner: TemplateOwner, cr: ControllerRevision): boolean {
  return templatePatchText(owner) === canonicalJson(cr.data ?? null);
}

/** The template a revision records (its patch applied to the owner). */
export function revisionTemplate(cr: ControllerRevision): PodTemplateSpec {
  const data = cr.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const { $patch: _replace, ...template } = clone(data?.spec?.template ?? {});
  return template as unknown as PodTemplateSpec;
}
