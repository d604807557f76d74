// Name references: once names have their prefixes, suffixes and hashes, every field that names
// a ConfigMap, Secret, Service, ServiceAccount, ... of the build (volumes, envFrom, roleRef,
// subjects, scaleTargetRef and the rest of kustomize's list) is rewritten to the new name.
import { NAME_REFERENCES, type NameReference } from './config';
import { pathFields, selects, visitPath } from './fieldspec';
import { type JsonMap, type Resource, isClusterScoped, isMap, nameOf, namespaceOf } from './resource';

const ns = (s: string) => s || 'default';
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The build's resource that `name` (and, when given, `namespace`) referred to, seen from `referrer`. */
function referral(candidates: readonly Resource[], referrer: Resource, name: string, namespace?: string): Resource | undefined {
  const matching = candidates.filter((c) => {
    if (!c.ids.some((id) => id.name === name)) return false;
    if (isClusterScoped(c.obj)) return true;
    if (namespace !== undefined) return c.ids.some((id) => ns(id.namespace) === ns(namespace));
    if (isClusterScoped(referrer.obj)) return true;
    return ns(namespaceOf(c.obj)) === ns(namespaceOf(referrer.obj));
  });
  if (matching.length <= 1) return matching[0];
  const sameAffixes = matching.filter((c) => sameList(c.prefixes, referrer.prefixes) && sameList(c.suffixes, referrer.suffixes));
  return sameAffixes[0] ?? matching[0];
}

function fixField(container: JsonMap, field: string, candidates: readonly Resource[], referrer: Resource): void {
  const v = container[field];
  const renamed = (name: string, namespace?: string) => {
    const r = referral(candidates, referrer, name, namespace);
    return r ? nameOf(r.obj) : name;
  };
  if (typeof v === 'string') container[field] = renamed(v);
  else if (Array.isArray(v)) {
    container[field] = v.map((item) => {
      if (typeof item === 'string') return renamed(item);
      // subjects: kustomize matches every entry by name, whatever its kind (a User named like a
      // ServiceAccount of the build is renamed too).
      if (isMap(item) && typeof item.name === 'string') {
        const namespace = typeof item.namespace === 'string' ? item.namespace : undefined;
        const r = referral(candidates, referrer, item.name, namespace);
        if (!r) return item;
        // A subject names its service account's namespace too.
        const out: JsonMap = { ...item, name: nameOf(r.obj) };
        if (namespaceOf(r.obj)) out.namespace = namespaceOf(r.obj);
        return out;
      }
      return item;
    });
  } else if (isMap(v) && typeof v.name === 'string') {
    const namespace = typeof v.namespace === 'string' ? v.namespace : undefined;
    v.name = renamed(v.name, namespace);
  }
}

function fixReference(nr: NameReference, resources: readonly Resource[]): void {
  const candidates = resources.filter((r) => selects(nr, r.obj));
  if (!candidates.length) return;
  for (const referrer of resources)
    for (const spec of nr.referrers)
      if (selects(spec, referrer.obj)) visitPath(referrer.obj, pathFields(spec.path), false, (c, f) => fixField(c, f, candidates, referrer));
}

export function fixNameReferences(resources: readonly Resource[]): void {
  for (const nr of NAME_REFERENCES) fixReference(nr, resources);
}
