// controller-runtime's EnqueueRequestForOwner, with adoption: a write of a dependent concerns the
// owner its controller reference names, or, for an orphan, every owner in its namespace whose
// selector matches it (it may adopt it); the state it had before counts too, so an owner a
// dependent left (labels or references changed) looks again.
import { controllerRef } from '../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../api/meta/selector';
import { type ResourceType, apiVersionOf } from '../api/registry';
import type { KubeObject, LabelSelector, ObjectKey } from '../api/types';
import { INDEX, type Informers, keyOfObject } from '../client/informer';
import type { Watch } from '../engine/controller';

type Selecting = KubeObject & { spec: { selector?: LabelSelector } };

function ownerKeys(dependent: KubeObject, owner: ResourceType, informers: Informers): ObjectKey[] {
  const ref = controllerRef(dependent);
  if (ref) return ref.kind === owner.kind && ref.apiVersion === apiVersionOf(owner) ? [{ namespace: dependent.metadata.namespace, name: ref.name }] : [];
  return informers
    .for<Selecting>(owner)
    .byIndex(INDEX.namespace, dependent.metadata.namespace!)
    .filter((o) => matches(fromLabelSelector(o.spec.selector) ?? [], dependent.metadata.labels))
    .map(keyOfObject);
}

/** Watches `dependent` for the controller of kind `owner`. */
export function ownedBy(dependent: ResourceType, owner: ResourceType): Watch {
  return {
    type: dependent,
    keys: (e, informers) => {
      const keys = ownerKeys(e.object, owner, informers);
      return e.oldObject ? keys.concat(ownerKeys(e.oldObject, owner, informers)) : keys;
    },
  };
}
