// patches, patchesStrategicMerge and patchesJson6902: strategic merge patches (apimachinery's,
// by the kind's schema; a JSON merge patch for kinds without one) and RFC 6902 patches, applied
// to the resources a target selects or, for a strategic patch without one, to the resource the
// patch itself names.
import { applyJsonPatch, JsonPatchError } from '../../../api/patch/json';
import { applyMergePatch } from '../../../api/patch/merge';
import { applyPatch as applyStrategic, StrategicPatchError } from '../../../api/patch/strategic';
import { kindDef, typeForKind } from '../../../api/registry';
import { hasType } from '../../../api/schema';
import { type JsonMap, KustomizeError, type Resource, type Selector, apiVersionOf, groupVersion, isMap, kindOf, matchesKindAndLabels, nameOf, namespaceOf, noteId } from './resource';

/** A patch's target. */
export type Target = Selector;

const fullMatch = (pattern: string, s: string) => {
  try {
    return new RegExp(`^(?:${pattern})$`).test(s);
  } catch {
    return pattern === s;
  }
};

const effectiveNs = (ns: string) => ns || 'default';

/** The resources a target selects: gvk exactly, name and namespace as anchored regular expressions (original or current). */
export function selectTargets(resources: readonly Resource[], t: Target): Resource[] {
  return resources.filter((r) => {
    if (!matchesKindAndLabels(r, t)) return false;
    const org = r.ids[0];
    const cur = r.ids[r.ids.length - 1];
    if (t.namespace && !fullMatch(t.namespace, effectiveNs(org.namespace)) && !fullMatch(t.namespace, effectiveNs(cur.namespace))) return false;
    return !t.name || fullMatch(t.name, org.name) || fullMatch(t.name, cur.name);
  });
}

/** kustomize's id text, "Kind.version.group/name.namespace", for errors. */
export function idText(obj: JsonMap): string {
  const { group, version } = groupVersion(obj);
  return `${kindOf(obj)}.${version || '[noVer]'}.${group || '[noGrp]'}/${nameOf(obj)}.${namespaceOf(obj) || '[noNs]'}`;
}

function strategicMerge(obj: JsonMap, patch: JsonMap): JsonMap {
  const type = typeForKind(apiVersionOf(obj), kindOf(obj));
  const schemaType = type ? kindDef(type).strategy.schemaType : undefined;
  try {
    if (schemaType && hasType(schemaType)) return applyStrategic(obj, patch, schemaType);
    return applyMergePatch(obj, patch) as JsonMap;
  } catch (e) {
    if (e instanceof StrategicPatchError) throw new KustomizeError(e.message);
    throw e;
  }
}

/** patches' options: a patch may rename its target, or change its kind. */
export interface PatchOptions {
  allowNameChange?: boolean;
  allowKindChange?: boolean;
}

/** Applies one strategic merge patch to one resource; `false` when the patch deletes it. */
function patchOne(r: Resource, patch: JsonMap, o: PatchOptions): boolean {
  if (patch.$patch === 'delete') return false;
  const p = structuredClone(patch);
  // The patch speaks for its target: its name, kind and namespace become the target's, unless
  // the options let it change them.
  if (!o.allowKindChange) {
    p.apiVersion = apiVersionOf(r.obj);
    p.kind = kindOf(r.obj);
  }
  const m = isMap(p.metadata) ? p.metadata : (p.metadata = {} as JsonMap);
  if (!o.allowNameChange || !m.name) m.name = nameOf(r.obj);
  if (namespaceOf(r.obj)) m.namespace = namespaceOf(r.obj);
  else delete m.namespace;
  r.obj = strategicMerge(r.obj, p);
  noteId(r);
  return true;
}

/** Applies strategic merge patches (each one document) to the targets or the resources they name. */
export function applyStrategicPatches(resources: Resource[], patches: readonly JsonMap[], target?: Target, options: PatchOptions = {}): void {
  for (const patch of patches) {
    const targets = target ? selectTargets(resources, target) : byOwnId(resources, patch);
    for (const r of targets) if (!patchOne(r, patch, options)) resources.splice(resources.indexOf(r), 1);
  }
}

/** The resource a target-less strategic patch names (its gvk exactly, any of its ids). */
function byOwnId(resources: readonly Resource[], patch: JsonMap): Resource[] {
  const name = nameOf(patch);
  const ns = namespaceOf(patch);
  const found = resources.filter(
    (r) => apiVersionOf(r.obj) === apiVersionOf(patch) && kindOf(r.obj) === kindOf(patch) && r.ids.some((id) => id.name === name && effectiveNs(id.namespace) === effectiveNs(ns)),
  );
  if (found.length !== 1) {
    const id = idText(patch);
    throw new KustomizeError(`no resource matches strategic merge patch "${id}": no matches for Id ${id}; failed to find unique target for patch ${id}`);
  }
  return found;
}

export function applyJsonPatches(resources: readonly Resource[], ops: unknown, target: Target): void {
  for (const r of selectTargets(resources, target)) {
    try {
      r.obj = applyJsonPatch(r.obj, ops) as JsonMap;
    } catch (e) {
      if (e instanceof JsonPatchError) throw new KustomizeError(e.message);
      throw e;
    }
    noteId(r);
  }
}
