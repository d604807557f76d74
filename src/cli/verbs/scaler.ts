// Which kinds scale (kubectl scale's scale-subresource users); the replica count itself is read
// and written through the API server's scale subresource.
import { noSuchResource } from '../../api/errors';
import type { ResourceType } from '../../api/registry';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** Refuses a kind without a scale subresource, with the error kubectl's scale client gets. */
export function scalable(type: ResourceType): void {
  if (!SCALABLE.has(type.kind))
    throw noSuchResource();
}
