// The root CA certificate publisher: every active namespace has ConfigMap "kube-root-ca.crt"
// holding the cluster CA, so pods can verify the API server.
import { isStatusError } from '../api/errors';
import { configmap as cmKind } from '../api/kinds/configmap';
import { namespace as nsKind } from '../api/kinds/namespace';
import type { ConfigMap, Namespace } from '../api/types';
import type { Controller } from '../engine/controller';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** `caCert` reads the CA certificate (PEM) only when a namespace needs it. */
export function rootCACertPublisher(caCert: () => string): Controller {
  return {
    name: 'root-ca-cert-publisher',

    keys(ctx) {
      return ctx.client
        .list<Namespace>(nsKind.type)
        .filter((ns) => ns.status?.phase === 'Active')
        .map((ns) => ({ name: ns.metadata.name! }));
    },

    reconcile(ctx, key) {
      if (ctx.client.tryGet<ConfigMap>(cmKind.type, key.name, ROOT_CA_CONFIGMAP)) return;
      try {
        ctx.client.create(cmKind.type, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIGMAP, namespace: key.name },
          data: { 'ca.crt': caCert() },
        });
      } catch (e) {
        if (!isStatusError(e, 'AlreadyExists') && !isStatusError(e, 'Forbidden') && !isStatusError(e, 'NotFound')) throw e;
      }
    },
  };
}
