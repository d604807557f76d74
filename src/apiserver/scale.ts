// The scale subresource: a scalable object seen as an autoscaling/v1 Scale (its replicas and the
// selector of its pods), as the registry's ScaleREST serves it. kubectl scale patches it, or
// reads and updates it when it has a precondition; a replica count the Scale cannot hold fails
// there, before the object is touched.
import { notFound } from '../api/errors';
import { type FieldError, invalid } from '../api/field';
import { formatLabelSelector } from '../api/meta/selector';
import type { ResourceType } from '../api/registry';
import type { KubeObject, LabelSelector } from '../api/types';

export interface Scale extends KubeObject {
  spec?: { replicas?: number };
  status?: { replicas: number; selector?: string };
}

interface Scalable extends KubeObject {
  spec: { replicas?: number; selector?: LabelSelector };
  status?: { replicas?: number };
}

/** The kinds served with a scale subresource, each with its pods' selector as the Scale shows it. */
const SELECTORS: Record<string, (obj: Scalable) => string> = {
  Deployment: (d) => labelSelectorText(d.spec.selector),
  ReplicaSet: (rs) => labelSelectorText(rs.spec.selector),
  StatefulSet: (sts) => labelSelectorText(sts.spec.selector),
};

/** metav1.LabelSelectorAsSelector(...).String(): empty for a selector that selects everything. */
function labelSelectorText(sel: LabelSelector | undefined): string {
  const text = formatLabelSelector(sel);
  return text === '<none>' ? '' : text;
}

/** The Scale of `obj` (scaleFromDeployment and its kin): name and versions from the object, omitempty as Go writes it. */
export function scaleOf(type: ResourceType, obj: KubeObject): Scale {
  const selector = SELECTORS[type.kind];
  if (!selector) throw notFound({ group: type.group, resource: `${type.resource}/scale` }, obj.metadata.name ?? '');
  const o = obj as Scalable;
  const { name, namespace, uid, resourceVersion, creationTimestamp } = o.metadata;
  const replicas = o.spec.replicas ?? 1;
  const text = selector(o);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: replicas ? { replicas } : {},
    status: { replicas: o.status?.replicas ?? 0, ...(text ? { selector: text } : {}) },
  };
}

/** ValidateScale: the replica count may not be negative. */
export function validateScale(scale: Scale): FieldError[] {
  const replicas = scale.spec?.replicas ?? 0;
  return replicas < 0 ? [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')] : [];
}

/** The object with the Scale's replicas: what ScaleREST.Update writes. */
export function scaled(obj: KubeObject, scale: Scale): KubeObject {
  return { ...obj, spec: { ...(obj.spec as object), replicas: scale.spec?.replicas ?? 0 } } as KubeObject;
}
