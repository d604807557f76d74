// Controllers that keep one object in every active namespace (the "default" ServiceAccount,
// the kube-root-ca.crt ConfigMap): the same keys and the same create-if-missing step.
import { isStatusError } from '../api/errors';
import { namespace as nsKind } from '../api/kinds/namespace';
import type { ResourceType } from '../api/kinds/kind';
import type { KubeObject, Namespace } from '../api/types';
import type { Controller } from '../engine/controller';

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

    keys(ctx) {
      return ctx.client
        .list<Namespace>(nsKind.type)
        .filter((ns) => ns.status?.phase === 'Active')
        .map((ns) => ({ name: ns.metadata.name! }));
    },

    reconcile(ctx, key) {
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
