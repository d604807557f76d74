// The aggregation layer's part for metrics.k8s.io: the group exists while an APIService
// registers it, and is reachable while the service behind it has a ready pod (pocketkube has no
// Services: see `serviceBackend` in api/kinds/apiservice.ts). Requests are then answered as
// metrics-server answers them (pkg/api/node.go, pod.go): the nodes or pods the lists select, with
// the metrics the simulated server holds for them (`ApiServer.metricsScraper`), sorted by
// namespace and name; a named one without metrics is NotFound.
import { type APIService, apiservice as apiserviceKind, isReadyEndpoint, serviceBackend } from '../api/kinds/apiservice';
import { node as nodeKind } from '../api/kinds/node';
import { pod as podKind } from '../api/kinds/pod';
import type { ResourceType } from '../api/kinds/kind';
import { badRequest, notFound } from '../api/errors';
import { type FieldRequirement, FieldSelectorParseError, parseFieldSelector } from '../api/meta/fieldselector';
import { METRICS_API_VERSION, METRICS_APISERVICE, METRICS_GROUP, METRICS_VERSION, type NodeMetrics, type PodMetrics } from '../api/metrics';
import type { Node, Pod } from '../api/types';
import { authorize, type UserInfo } from './auth';
import type { ApiServer } from './server';

/** The aggregator reads registrations and endpoints with its own rights. */
const AGGREGATOR: UserInfo = { name: 'system:kube-aggregator', groups: ['system:masters'] };

const resourceType = (resource: string, kind: string, namespaced: boolean): ResourceType => ({
  group: METRICS_GROUP,
  version: METRICS_VERSION,
  kind,
  resource,
  singular: '',
  shortNames: [],
  namespaced,
  verbs: ['get', 'list'],
});

export const NODE_METRICS = resourceType('nodes', 'NodeMetrics', false);
export const POD_METRICS = resourceType('pods', 'PodMetrics', true);

/** The group's APIResourceList as metrics-server serves it. */
export function metricsResourceList(): unknown {
  const entry = (t: ResourceType) => ({ name: t.resource, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: [...t.verbs] });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: METRICS_API_VERSION, resources: [entry(NODE_METRICS), entry(POD_METRICS)] };
}

export type MetricsBackend = { state: 'unregistered' } | { state: 'unavailable' } | { state: 'available'; server: Pod };

/** Whether metrics.k8s.io is registered, and the ready pod that serves it. */
export function metricsBackend(server: ApiServer): MetricsBackend {
  const registered = server.list(AGGREGATOR, apiserviceKind.type, undefined, { fieldSelector: `metadata.name=${METRICS_APISERVICE}` })[0] as APIService | undefined;
  if (!registered) return { state: 'unregistered' };
  const backend = serviceBackend(registered);
  if (!backend || !server.metricsScraper) return { state: 'unavailable' };
  const pods = server.list(AGGREGATOR, podKind.type, backend.namespace, { labelSelector: backend.labelSelector }) as Pod[];
  const ready = pods.find(isReadyEndpoint);
  return ready ? { state: 'available', server: ready } : { state: 'unavailable' };
}

/** fields.Selector.Matches over the object-meta fields metrics-server filters by (a missing field is ""). */
function fieldsMatch(reqs: readonly FieldRequirement[], obj: Node | Pod, namespaced: boolean): boolean {
  const fields: Record<string, string> = { 'metadata.name': obj.metadata.name ?? '' };
  if (namespaced) fields['metadata.namespace'] = obj.metadata.namespace ?? '';
  return reqs.every((r) => ((fields[r.field] ?? '') === r.value) === (r.op === '='));
}

export interface MetricsRequest {
  resource: 'nodes' | 'pods';
  namespace?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

type Item = NodeMetrics | PodMetrics;

const withType = (kind: string, m: Item) => ({ kind, apiVersion: METRICS_API_VERSION, ...m });

/** A NodeMetricsList/PodMetricsList or one object, as metrics-server writes them (its types' field order). */
export function serveMetrics(server: ApiServer, user: UserInfo, backend: Extract<MetricsBackend, { state: 'available' }>, req: MetricsRequest): unknown {
  const nodes = req.resource === 'nodes';
  const type = nodes ? NODE_METRICS : POD_METRICS;
  const namespace = nodes ? undefined : req.namespace;
  authorize({ user, verb: req.name === undefined ? 'list' : 'get', type, namespace, name: req.name });
  const scraper = server.metricsScraper!;
  const measure = (objs: (Node | Pod)[]): Item[] => (nodes ? scraper.nodes(objs as Node[], backend.server) : scraper.pods(objs as Pod[], backend.server));
  const kind = nodes ? 'NodeMetrics' : 'PodMetrics';
  if (req.name !== undefined) {
    // The object first (its own NotFound), then its metrics (the metrics resource's NotFound).
    const obj = server.get(AGGREGATOR, nodes ? nodeKind.type : podKind.type, namespace, req.name) as Node | Pod;
    const [m] = measure([obj]);
    if (!m) throw notFound({ group: METRICS_GROUP, resource: nodes ? 'nodemetrics' : 'podmetrics' }, nodes ? req.name : `${namespace}/${req.name}`);
    return withType(kind, m);
  }
  let fields: FieldRequirement[] = [];
  try {
    if (req.fieldSelector) fields = parseFieldSelector(req.fieldSelector);
  } catch (e) {
    throw e instanceof FieldSelectorParseError ? badRequest(e.message) : e;
  }
  const objs = (server.list(AGGREGATOR, nodes ? nodeKind.type : podKind.type, namespace, { labelSelector: req.labelSelector ?? '' }) as (Node | Pod)[]).filter((o) =>
    fieldsMatch(fields, o, !nodes),
  );
  const items = measure(objs);
  const cmp = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
  items.sort((a, b) => cmp(a.metadata.namespace, b.metadata.namespace) || cmp(a.metadata.name, b.metadata.name));
  return { kind: `${kind}List`, apiVersion: METRICS_API_VERSION, metadata: {}, items };
}
