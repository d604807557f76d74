// Controllers that keep one object in every active namespace (the "default" ServiceAccount,
// the kube-root-ca.crt ConfigMap): the same keys and the same create-if-missing step.
import { isStatusError } from '../api/errors';
import { namespace as nsKind } from '../api/kinds/namespace';
import type { ResourceType } from '../api/kinds/kind';
import type { KubeObject, Namespace } from '../api/types';
import type { Controller } from '../engine/controller';

/** A namespace's key; the object's own key is its namespace's (deleting it brings it back). */
const namespaceKey = (obj: KubeObject) => [{ name: obj.metadata.namespace ?? obj.metadata.name! }];

export interface PerNamespaceObject {
  /** The controller's name as kube-controller-manager calls it. */
  controller: string;
  type: ResourceType;
  name: string;
  /** The object to create in `namespace`; called only when it is missing. */
  build(namespace: string): KubeObject;
}

export function perNamespaceObject(spec: PerNamespaceObject): Controller {
  return {
    name: spec.controller,

    watches: [
      { type: nsKind.type, keys: (e) => (e.type === 'DELETED' ? [] : namespaceKey(e.object)) },
      { type: spec.type, keys: (e) => (e.type === 'DELETED' && e.object.metadata.name === spec.name ? namespaceKey(e.object) : []) },
    ],

    resync(ctx) {
      return ctx.client
        .list<Namespace>(nsKind.type)
        .filter((ns) => ns.status?.phase === 'Active')
        .map((ns) => ({ name: ns.metadata.name! }));
    },

    reconcile(ctx, key) {
      if (ctx.informers.for<Namespace>(nsKind.type).get(undefined, key.name)?.status?.phase !== 'Active') return;
      if (ctx.client.tryGet(spec.type, key.name, spec.name)) return;
      try {
        ctx.client.create(spec.type, spec.build(key.name));
      } catch (e) {
        // The namespace began terminating (Forbidden) or went away (NotFound) meanwhile.
        if (!isStatusError(e, 'AlreadyExists') && !isStatusError(e, 'Forbidden') && !isStatusError(e, 'NotFound')) throw e;
      }
    },
  };
}
