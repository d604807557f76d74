// The transformers that change ids: namespace (namespaced kinds, Namespace names, the subjects
// named "default" of role bindings, APIService's service) and namePrefix / nameSuffix (every
// kind but CustomResourceDefinition, APIService and Namespace).
import { type JsonMap, type Resource, groupVersion, isClusterScoped, isMap, kindOf, meta, nameOf, noteId } from './resource';

export function setNamespace(resources: readonly Resource[], namespace: string): void {
  if (!namespace) return;
  for (const r of resources) {
    const obj = r.obj;
    const kind = kindOf(obj);
    if (!isClusterScoped(obj)) meta(obj).namespace = namespace;
    if (kind === 'Namespace') meta(obj).name = namespace;
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && Array.isArray(obj.subjects))
      for (const s of obj.subjects) if (isMap(s) && s.name === 'default') s.namespace = namespace;
    if (kind === 'APIService' && groupVersion(obj).group === 'apiregistration.k8s.io') {
      const spec = isMap(obj.spec) ? obj.spec : (obj.spec = {} as JsonMap);
      const service = isMap(spec.service) ? spec.service : (spec.service = {} as JsonMap);
      service.namespace = namespace;
    }
    noteId(r);
  }
}

function keepsName(r: Resource): boolean {
  const kind = kindOf(r.obj);
  if (kind === 'CustomResourceDefinition' || kind === 'Namespace') return true;
  return kind === 'APIService' && groupVersion(r.obj).group === 'apiregistration.k8s.io';
}

export function addPrefixSuffix(resources: readonly Resource[], prefix: string, suffix: string): void {
  for (const r of resources) {
    if (keepsName(r)) continue;
    if (prefix) {
      meta(r.obj).name = prefix + nameOf(r.obj);
      r.prefixes.push(prefix);
    }
    if (suffix) {
      meta(r.obj).name = nameOf(r.obj) + suffix;
      r.suffixes.push(suffix);
    }
    noteId(r);
  }
}
