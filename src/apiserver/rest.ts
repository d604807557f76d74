// GET on kube-apiserver's REST paths, answered as v1.32 answers them (`kubectl get --raw`): the
// health checks, /version, discovery (/api, /apis, a group, a group version's resource list) and
// objects (a list or one object, a pod's log). JSON is written as the API server's encoder
// writes it for kubectl: compact, Go struct order, a trailing newline; /version is indented
// without one (its handler marshals it itself); health checks are plain text.
import { isStatusError, notFound } from '../api/errors';
import { sha256 } from '../api/sha256';
import { type ResourceType, allTypes, apiVersionOf } from '../api/registry';
import { goJsonCompact as goJson } from '../api/meta/canonical';
import { inStructOrder } from '../api/schema/structorder';
import type { KubeObject } from '../api/types';
import { METRICS_GROUP, METRICS_VERSION } from '../api/metrics';
import type { UserInfo } from './auth';
import { metricsBackend, metricsResourceList, serveMetrics } from './metrics';
import type { ApiServer } from './server';

export interface RawResponse {
  code: number;
  contentType: string;
  body: string;
}

/** What kube-apiserver says about itself: where it listens (host:port) and its build. */
export interface ServerInfo {
  advertiseAddress: string;
  version: Record<string, string>;
}

const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export const json = (code: number, v: unknown): RawResponse => ({ code, contentType: JSON_TYPE, body: goJson(v) + '\n' });

/** The 404 of a path under a served API prefix (go-restful's), as a Status. */
export const NO_RESOURCE = json(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
/** The 404 of any other path: Go's http.NotFound. */
export const NO_PAGE: RawResponse = { code: 404, contentType: TEXT_TYPE, body: '404 page not found\n' };

/**
 * The checks kube-apiserver v1.32 runs in a kubeadm cluster, in the order it registers them:
 * readyz alone has etcd-readiness, informer-sync and shutdown.
 */
const HOOKS = [
  'start-apiserver-admission-initializer', 'generic-apiserver-start-informers', 'priority-and-fairness-config-consumer', 'priority-and-fairness-filter',
  'storage-object-count-tracker-hook', 'start-apiextensions-informers', 'start-apiextensions-controllers', 'crd-informer-synced',
  'start-system-namespaces-controller', 'start-cluster-authentication-info-controller', 'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector', 'start-legacy-token-tracking-controller', 'start-service-ip-repair-controllers',
  'rbac/bootstrap-roles', 'scheduling/bootstrap-system-priority-classes', 'priority-and-fairness-config-producer', 'bootstrap-controller',
  'aggregator-reload-proxy-client-cert', 'start-kube-aggregator-informers', 'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller', 'apiservice-registration-controller', 'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
].map((h) => `poststarthook/${h}`);

function checksOf(endpoint: string): string[] {
  const ready = endpoint === 'readyz';
  return [
    'ping', 'log', 'etcd', ...(ready ? ['etcd-readiness', 'informer-sync'] : []), ...HOOKS, 'autoregister-completion',
    'poststarthook/apiservice-openapi-controller', 'poststarthook/apiservice-openapiv3-controller', ...(ready ? ['shutdown'] : []),
  ];
}

/** /healthz, /livez, /readyz: "ok", or with ?verbose every check; /readyz/<check> one check. */
function health(endpoint: string, check: string | undefined, query: URLSearchParams): RawResponse {
  const checks = checksOf(endpoint);
  if (check !== undefined) return checks.includes(check) ? { code: 200, contentType: TEXT_TYPE, body: 'ok' } : NO_PAGE;
  if (!query.has('verbose')) return { code: 200, contentType: TEXT_TYPE, body: 'ok' };
  const excluded = new Set(query.getAll('exclude'));
  const lines = checks.map((c) => (excluded.has(c) ? `[+]${c} excluded: ok` : `[+]${c} ok`));
  return { code: 200, contentType: TEXT_TYPE, body: `${lines.join('\n')}\n${endpoint} check passed\n` };
}

/** discovery's StorageVersionHash: the first 8 bytes of SHA-256 of "group/version/Kind", in base64. */
function storageVersionHash(t: ResourceType): string {
  return Buffer.from(sha256(`${t.group}/${t.version}/${t.kind}`).subarray(0, 8)).toString('base64');
}

/** A group version's APIResourceList: resources and subresources in byte order of their paths. */
function resourceList(group: string, version: string): unknown {
  const entries: { path: string; entry: Record<string, unknown> }[] = [];
  for (const t of allTypes().filter((x) => x.group === group && x.version === version)) {
    entries.push({
      path: t.resource,
      entry: {
        name: t.resource,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: [...t.verbs].sort(),
        shortNames: t.shortNames.length ? t.shortNames : undefined,
        categories: t.categories?.length ? t.categories : undefined,
        storageVersionHash: storageVersionHash(t),
      },
    });
    for (const s of t.subresources ?? []) {
      const name = `${t.resource}/${s.name}`;
      entries.push({ path: name, entry: { name, singularName: '', namespaced: t.namespaced, group: s.group, version: s.version, kind: s.kind, verbs: [...s.verbs].sort() } });
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The core group's list has no apiVersion (kube-apiserver strips it for the legacy group).
  return { kind: 'APIResourceList', apiVersion: group ? 'v1' : undefined, groupVersion: group ? `${group}/${version}` : version, resources: entries.map((e) => e.entry) };
}

function groups(): { name: string; versions: string[] }[] {
  const out = new Map<string, string[]>();
  for (const t of allTypes()) if (t.group && !out.get(t.group)?.includes(t.version)) out.set(t.group, [...(out.get(t.group) ?? []), t.version]);
  return [...out].map(([name, versions]) => ({ name, versions }));
}

function apiGroup(g: { name: string; versions: string[] }): Record<string, unknown> {
  const versions = g.versions.map((version) => ({ groupVersion: `${g.name}/${version}`, version }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

/** metrics.k8s.io in discovery. */
const METRICS_DISCOVERY = { name: METRICS_GROUP, versions: [METRICS_VERSION] };

/** The aggregator's answer while an APIService's service has no ready endpoint. */
const SERVICE_UNAVAILABLE = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', details: {}, code: 503 };

/** A list as the API server writes it: items in struct order without kind and apiVersion, the revision as its resourceVersion. */
export function listBody(type: ResourceType, items: readonly KubeObject[], revision: number): unknown {
  const schemaType = schemaTypeOf(type);
  const wireItems = items.map((o) => {
    const { apiVersion: _a, kind: _k, ...rest } = wire(o, schemaType) as Record<string, unknown>;
    return rest;
  });
  return { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion: String(revision) }, items: wireItems };
}

/** An object as the API server writes it: Go struct order. */
export function wire(obj: KubeObject, schemaType: string): unknown {
  return inStructOrder(obj, schemaType);
}

/** What a path under a group version names: a served resource's collection, or one object and perhaps its subresource. */
export interface ObjectPath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  sub?: string;
}

/** The object path `rest` (the segments after the group version) names; undefined when it names none. */
export function objectPath(group: string, version: string, rest: string[]): ObjectPath | undefined {
  const served = (resource: string | undefined) => allTypes().find((t) => t.group === group && t.version === version && t.resource === resource);
  let namespace: string | undefined;
  // namespaces/<ns>/<resource>... (a namespaced resource), not namespaces/<name>/status.
  if (rest[0] === 'namespaces' && rest.length >= 3 && served(rest[2])?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, sub, ...extra] = rest;
  const type = served(resource);
  if (!type || extra.length) return undefined;
  // A namespaced object is named only under its namespace; a cluster-wide one never is.
  if (type.namespaced ? name !== undefined && namespace === undefined : namespace !== undefined) return undefined;
  return { type, namespace, name, sub };
}

/** The group, version and the segments after them of an API path (/api/v1/..., /apis/<group>/<version>/...). */
export function apiPath(pathname: string): { group: string; version: string; rest: string[] } | undefined {
  const segments = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (segments[0] === 'api' && segments[1] === 'v1') return { group: '', version: 'v1', rest: segments.slice(2) };
  if (segments[0] !== 'apis' || segments.length < 3) return undefined;
  const g = groups().find((x) => x.name === segments[1]);
  return g?.versions.includes(segments[2]) ? { group: g.name, version: segments[2], rest: segments.slice(3) } : undefined;
}

function schemaTypeOf(type: ResourceType): string {
  const { kindDef } = require('../api/registry') as typeof import('../api/registry');
  return kindDef(type).strategy.schemaType;
}

export class RestReader {
  constructor(
    private readonly server: ApiServer,
    private readonly info: ServerInfo,
  ) {}

  /** Answers GET `uri` (a path with its query) for `user`. */
  get(user: UserInfo, uri: string): RawResponse {
    const url = new URL(uri, 'https://apiserver');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const segments = path.split('/').slice(1);
    const [first] = segments;
    if ((first === 'healthz' || first === 'livez' || first === 'readyz') && segments.length <= 2) return health(first, segments[1], url.searchParams);
    if (path === '/version') return { code: 200, contentType: JSON_TYPE, body: JSON.stringify(this.info.version, null, 2) };
    if (path === '/api')
      return json(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.info.advertiseAddress }] });
    if (path === '/apis') {
      // An aggregated group is listed while its service answers (a stale one is left out, as
      // kubectl's aggregated discovery leaves it out).
      const aggregated = metricsBackend(this.server).state === 'available' ? [METRICS_DISCOVERY] : [];
      return json(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups(), ...aggregated].map(apiGroup) });
    }
    if (first === 'api' && segments[1] === 'v1') return this.objects(user, '', 'v1', segments.slice(2), url.searchParams) ?? NO_RESOURCE;
    if (first === 'apis' && segments[1] === METRICS_GROUP) return this.metrics(user, segments.slice(2), url.searchParams);
    if (first === 'apis' && segments.length >= 2) {
      const g = groups().find((x) => x.name === segments[1]);
      if (!g) return NO_PAGE;
      if (segments.length === 2) return json(200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g) });
      if (!g.versions.includes(segments[2])) return NO_PAGE;
      return this.objects(user, g.name, segments[2], segments.slice(3), url.searchParams) ?? NO_RESOURCE;
    }
    return NO_PAGE;
  }

  /** metrics.k8s.io, proxied to the metrics-server while it is registered and ready. */
  private metrics(user: UserInfo, rest: string[], query: URLSearchParams): RawResponse {
    const backend = metricsBackend(this.server);
    if (backend.state === 'unregistered') return NO_PAGE;
    if (backend.state === 'unavailable') return json(503, SERVICE_UNAVAILABLE);
    if (!rest.length) return json(200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(METRICS_DISCOVERY) });
    if (rest[0] !== METRICS_VERSION) return NO_PAGE;
    if (rest.length === 1) return json(200, metricsResourceList());
    let namespace: string | undefined;
    let path = rest.slice(1);
    if (path[0] === 'namespaces' && path[2] === 'pods') {
      namespace = path[1];
      path = path.slice(2);
    }
    const [resource, name, ...extra] = path;
    if ((resource !== 'nodes' && resource !== 'pods') || extra.length) return NO_RESOURCE;
    // metrics-server looks a pod up in the request's namespace, here none: it is never found.
    if (resource === 'pods' && name !== undefined && namespace === undefined) return json(404, notFound({ group: '', resource: 'pods' }, name).status);
    try {
      const body = serveMetrics(this.server, user, backend, {
        resource,
        namespace,
        name,
        labelSelector: query.get('labelSelector') ?? undefined,
        fieldSelector: query.get('fieldSelector') ?? undefined,
      });
      return json(200, body);
    } catch (e) {
      if (isStatusError(e)) return json(e.code, e.status);
      throw e;
    }
  }

  /** Under a group version: its resource list, a list of objects, one object, or its log. */
  private objects(user: UserInfo, group: string, version: string, rest: string[], query: URLSearchParams): RawResponse | undefined {
    if (!rest.length) return json(200, resourceList(group, version));
    const target = objectPath(group, version, rest);
    if (!target) return undefined;
    const { type, namespace, name, sub } = target;
    const schemaType = schemaTypeOf(type);
    try {
      if (name === undefined) {
        const items = this.server.list(user, type, namespace, { labelSelector: query.get('labelSelector') ?? '', fieldSelector: query.get('fieldSelector') ?? '' });
        return json(200, listBody(type, items, this.server.revision));
      }
      if (sub === undefined || sub === 'status') return json(200, wire(this.server.get(user, type, namespace, name), schemaType));
      if (sub === 'log' && type.resource === 'pods') {
        const text = this.server.podLogs(user, type, namespace!, name, { container: query.get('container') ?? undefined });
        return { code: 200, contentType: TEXT_TYPE, body: text };
      }
      return undefined;
    } catch (e) {
      if (isStatusError(e)) return json(e.code, e.status);
      throw e;
    }
  }
}
