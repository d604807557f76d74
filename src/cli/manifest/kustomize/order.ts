// kustomize's legacy output order: Namespaces and the kinds others depend on first, webhook
// configurations last, everything else between, ties broken by group/version/kind and id.
import { type Resource, groupVersion, kindOf, nameOf, namespaceOf } from './resource';

export const FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume',
  'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget',
];
export const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string, first: readonly string[], last: readonly string[]): number {
  const f = first.indexOf(kind);
  if (f >= 0) return f - first.length;
  const l = last.indexOf(kind);
  return l >= 0 ? l + 1 : 0;
}

function gvkText(r: Resource): string {
  const { group, version } = groupVersion(r.obj);
  return `${group || '~G'}_${version || '~V'}_${kindOf(r.obj) || '~K'}`;
}

const idText = (r: Resource) => `${gvkText(r)}|${namespaceOf(r.obj) || '~X'}|${nameOf(r.obj) || '~N'}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The legacy order, with kustomize's default kind lists or a kustomization's own (sortOptions). */
export function legacyOrder(resources: readonly Resource[], first: readonly string[] = FIRST, last: readonly string[] = LAST): Resource[] {
  return [...resources].sort((a, b) => {
    if (gvkText(a) !== gvkText(b)) return rank(kindOf(a.obj), first, last) - rank(kindOf(b.obj), first, last) || cmp(gvkText(a), gvkText(b));
    return cmp(idText(a), idText(b));
  });
}
