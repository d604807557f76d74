// A resource as kustomize carries it through a build: the object, and the ids (name and
// namespace) it has had, the first its original, so references written against any of them
// can be found again once prefixes, suffixes, namespaces and hashes have changed it.
import { matches, parseSelector } from '../../../api/meta/selector';

export type JsonMap = Record<string, unknown>;
export const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ResId {
  name: string;
  namespace: string;
}

export interface Resource {
  obj: JsonMap;
  /** Every id the resource has had, oldest first. */
  ids: ResId[];
  /** A generated ConfigMap or Secret whose name takes the content hash at the end of the build. */
  hashName?: boolean;
  /** Prefixes and suffixes added to the name, innermost first (references prefer a matching set). */
  prefixes: string[];
  suffixes: string[];
}

/** A kustomize failure; kubectl prints its message after "error: " (or logs it, for `kustomize`). */
export class KustomizeError extends Error {
  /** The deprecation warnings of the kustomizations loaded before the failure. */
  warnings: string[] = [];
  /** What the build logged before the failure (BuildResult.logs). */
  logs: string[] = [];
}

export function meta(obj: JsonMap): JsonMap {
  const m = obj.metadata;
  if (m && typeof m === 'object' && !Array.isArray(m)) return m as JsonMap;
  const fresh: JsonMap = {};
  obj.metadata = fresh;
  return fresh;
}

export const nameOf = (obj: JsonMap): string => (typeof meta(obj).name === 'string' ? (meta(obj).name as string) : '');
export const namespaceOf = (obj: JsonMap): string => (typeof meta(obj).namespace === 'string' ? (meta(obj).namespace as string) : '');
export const kindOf = (obj: JsonMap): string => (typeof obj.kind === 'string' ? obj.kind : '');
export const apiVersionOf = (obj: JsonMap): string => (typeof obj.apiVersion === 'string' ? obj.apiVersion : '');

/** apiVersion split as kyaml splits it: "apps/v1" → apps, v1; "v1" → "", v1. */
export function groupVersion(obj: JsonMap): { group: string; version: string } {
  const av = apiVersionOf(obj);
  const i = av.indexOf('/');
  return i < 0 ? { group: '', version: av } : { group: av.slice(0, i), version: av.slice(i + 1) };
}

export function newResource(obj: JsonMap): Resource {
  return { obj, ids: [{ name: nameOf(obj), namespace: namespaceOf(obj) }], prefixes: [], suffixes: [] };
}

/** Records the resource's current id if it changed. */
export function noteId(r: Resource): void {
  const last = r.ids[r.ids.length - 1];
  const name = nameOf(r.obj);
  const namespace = namespaceOf(r.obj);
  if (last.name !== name || last.namespace !== namespace) r.ids.push({ name, namespace });
}

/** Kinds kustomize's OpenAPI data knows to be cluster scoped (no namespace is set on them). */
const CLUSTER_SCOPED: Record<string, string[]> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment'],
  'scheduling.k8s.io': ['PriorityClass'],
  'apiregistration.k8s.io': ['APIService'],
  'admissionregistration.k8s.io': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'networking.k8s.io': ['IngressClass'],
  'node.k8s.io': ['RuntimeClass'],
  'policy': ['PodSecurityPolicy'],
  'certificates.k8s.io': ['CertificateSigningRequest'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'authentication.k8s.io': ['TokenReview'],
  'authorization.k8s.io': ['SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
  'extensions': ['PodSecurityPolicy'],
};

export function isClusterScoped(obj: JsonMap): boolean {
  return CLUSTER_SCOPED[groupVersion(obj).group]?.includes(kindOf(obj)) ?? false;
}

/** kustomize's types.Selector: what a patch targets and a replacement selects. */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/**
 * The part of a selector patches and replacements match alike: group, version and kind exactly,
 * and the label and annotation selectors. (Names and namespaces they match differently.)
 */
export function matchesKindAndLabels(r: Resource, s: Selector): boolean {
  const { group, version } = groupVersion(r.obj);
  if (s.group && s.group !== group) return false;
  if (s.version && s.version !== version) return false;
  if (s.kind && s.kind !== kindOf(r.obj)) return false;
  if (s.labelSelector && !matches(parseSelector(s.labelSelector), meta(r.obj).labels as Record<string, string>)) return false;
  if (s.annotationSelector && !matches(parseSelector(s.annotationSelector), meta(r.obj).annotations as Record<string, string>)) return false;
  return true;
}
