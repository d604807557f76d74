// Ownership is data: ownerReferences, with at most one controller.
import type { KubeObject, OwnerReference } from '../types';

/** The controller's reference (a loop, not find: this runs several times for every write of every pod). */
export function controllerRef<R extends Pick<OwnerReference, 'controller'> = OwnerReference>(obj: { metadata: { ownerReferences?: R[] } }): R | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i];
  return undefined;
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerRef(obj)?.uid === owner.metadata.uid;
}

export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}
