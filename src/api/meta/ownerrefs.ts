// Ownership is data: ownerReferences, with at most one controller.
import type { KubeObject, OwnerReference } from '../types';

export function controllerRef<R extends Pick<OwnerReference, 'controller'> = OwnerReference>(obj: { metadata: { ownerReferences?: R[] } }): R | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
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
