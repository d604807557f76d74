// APIServices (apiregistration.k8s.io/v1): the aggregator's registrations. An APIService naming a
// service makes its group/version part of the API (discovery and requests); pocketkube serves
// the one group it can answer itself, metrics.k8s.io, for the metrics-server add-on.
import { type FieldError, invalid } from '../field';
import { isValidPathSegmentName } from '../validation/names';
import type { KubeObject } from '../types';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

export interface APIService extends KubeObject {
  spec: {
    group?: string;
    version?: string;
    service?: { namespace?: string; name?: string; port?: number };
    groupPriorityMinimum?: number;
    versionPriority?: number;
    insecureSkipTLSVerify?: boolean;
    caBundle?: string;
  };
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
}

/** SetDefaults_ServiceReference: a service is reached on 443 unless told otherwise. */
function defaults(obj: APIService): void {
  const svc = obj.spec?.service;
  if (svc && svc.port === undefined) svc.port = 443;
}

/** The aggregator's rule: an APIService is named after what it serves, `<version>.<group>`. */
function validate(obj: APIService): FieldError[] {
  const required = `${obj.spec?.version ?? ''}.${obj.spec?.group ?? ''}`;
  const name = obj.metadata.name ?? '';
  if (name === required || isValidPathSegmentName(name).length) return [];
  return [invalid('metadata.name', name, `must be \`spec.version+"."+spec.group\`: ${JSON.stringify(required)}`)];
}

export const apiservice = defineKind<APIService>({
  type: {
    group: 'apiregistration.k8s.io',
    version: 'v1',
    kind: 'APIService',
    resource: 'apiservices',
    singular: 'apiservice',
    shortNames: [],
    namespaced: false,
    categories: ['api-extensions'],
    verbs: STANDARD_VERBS,
    subresources: [statusOf('APIService')],
  },
  strategy: { schemaType: 'APIService', statusSubresource: true, tracksGeneration: false, validateName: isValidPathSegmentName, defaults, validate },
});

/**
 * The pods behind an APIService's service. pocketkube has no Services yet: a service is taken to
 * select the pods of its namespace labelled `k8s-app=<its name>`, as metrics-server's Service
 * does. Undefined for a Local APIService (served by kube-apiserver itself).
 */
export function serviceBackend(obj: APIService): { namespace: string; labelSelector: string; service: string } | undefined {
  const svc = obj.spec?.service;
  if (!svc) return undefined;
  return { namespace: svc.namespace ?? '', labelSelector: `k8s-app=${svc.name ?? ''}`, service: svc.name ?? '' };
}

/** A pod that is an endpoint with an address: ready and not being deleted. */
export function isReadyEndpoint(p: { metadata: { deletionTimestamp?: string | null }; status?: { conditions?: { type: string; status: string }[] } }): boolean {
  return !p.metadata.deletionTimestamp && !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}
