// The root CA certificate publisher: every active namespace has ConfigMap "kube-root-ca.crt"
// holding the cluster CA, so pods can verify the API server.
import { configmap as cmKind } from '../api/kinds/configmap';
import type { ConfigMap } from '../api/types';
import type { Controller } from '../engine/controller';
import { perNamespaceObject } from './pernamespace';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** `caCert` reads the CA certificate (PEM) only when a namespace needs it. */
export function rootCACertPublisher(caCert: () => string): Controller {
  return perNamespaceObject({
    controller: 'root-ca-cert-publisher',
    type: cmKind.type,
    name: ROOT_CA_CONFIGMAP,
    build: (namespace): ConfigMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP, namespace },
      data: { 'ca.crt': caCert() },
    }),
  });
}
