// POST, PUT and DELETE on kube-apiserver's object paths, answered as v1.32 answers them
// (`kubectl create|replace|delete --raw`): a POST to a collection creates, a PUT to an object (or
// its status or scale) replaces, a DELETE removes an object (a body may carry DeleteOptions) or
// a collection. Bodies are JSON, as kubectl's REST client sends them; a request names no field
// validation, so unknown fields are dropped with a warning (the server's default, Warn).
import { badRequest, isStatusError } from '../api/errors';
import { pod as podKind } from '../api/kinds/pod';
import { parseGoJson } from '../api/meta/gojson';
import { typeMetaError } from '../api/schema';
import { type ResourceType, apiVersionOf, kindDef } from '../api/registry';
import type { KubeObject } from '../api/types';
import type { UserInfo } from './auth';
import { NO_PAGE, NO_RESOURCE, type RawResponse, apiPath, json, listBody, objectPath, wire } from './rest';
import type { DeleteOptions, ApiServer, Scale } from './server';

export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

/** The group version a subresource's body defaults to. */
const SUBRESOURCE_VERSIONS: Record<string, string> = { Scale: 'autoscaling/v1', Eviction: 'policy/v1', Binding: 'v1' };

/** go-restful's answer to a method a route does not serve. */
const METHOD_NOT_ALLOWED = json(405, {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server does not allow this method on the requested resource',
  reason: 'MethodNotAllowed',
  details: {},
  code: 405,
});

/** The first bytes of a body an error quotes (apimachinery's summarizeData). */
function summarize(body: string): string {
  const bytes = Buffer.from(body);
  if (!bytes.length) return '<empty>';
  const cut = bytes.length > 30;
  const head = bytes.subarray(0, 30);
  if (body.startsWith('{')) return cut ? `${head.toString()} ...` : head.toString();
  return cut ? `${head.toString('hex')} ...` : head.toString('hex');
}

/** transformDecodeError's words for a body that names no type the handler can read. */
function unrecognized(kind: string, detail: string, body: string): Error {
  return badRequest(`the object provided is unrecognized (must be of type ${kind}): ${detail} (${summarize(body)})`);
}

/** A body as JSON, with Go's syntax errors. */
function parseBody(kind: string, body: string): unknown {
  try {
    return parseGoJson(body);
  } catch (e) {
    throw unrecognized(kind, `couldn't get version/kind; json parse error: ${(e as Error).message}`, body);
  }
}

/** The handler's check that the object is the one the URL names. */
function checkName(given: unknown, name: string): void {
  if (given !== name) throw badRequest(`the name of the object (${String(given ?? '')}) does not match the name on the URL (${name})`);
}

/**
 * A request body decoded as the handler decodes it: JSON, of the resource's kind unless it says
 * otherwise; one without apiVersion or kind takes the request's, and a subresource's body is of
 * its own kind and group (Scale autoscaling/v1, Eviction policy/v1, Binding v1).
 */
function decodeBody(type: ResourceType, kind: string, body: string): Record<string, unknown> {
  const value = parseBody(kind, body);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unrecognized(kind, typeMetaError(value), body);
  const obj = value as Record<string, unknown>;
  const own = kind === type.kind;
  obj.apiVersion ??= SUBRESOURCE_VERSIONS[kind] ?? apiVersionOf(type);
  obj.kind ??= kind;
  if (obj.kind !== kind || (own && obj.apiVersion !== apiVersionOf(type)))
    throw badRequest(`${String(obj.kind)} in version ${JSON.stringify(String(obj.apiVersion).split('/').pop())} cannot be handled as a ${kind}: no kind "${String(obj.kind)}" is registered for version "${String(obj.apiVersion)}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  return obj;
}

export class RestWriter {
  constructor(private readonly server: ApiServer) {}

  /** Answers `method` on `uri` (a path with its query) with `body` for `user`. */
  request(user: UserInfo, method: WriteMethod, uri: string, body: string): RawResponse {
    const url = new URL(uri, 'https://apiserver');
    const api = apiPath(url.pathname);
    if (!api) return NO_PAGE;
    const target = api.rest.length ? objectPath(api.group, api.version, api.rest) : undefined;
    if (!target) return api.rest.length ? NO_RESOURCE : METHOD_NOT_ALLOWED;
    const { type, namespace, name, sub } = target;
    // A namespaced kind's path without a namespace only lists and watches, across namespaces.
    if (type.namespaced && namespace === undefined) return METHOD_NOT_ALLOWED;
    const dryRun = url.searchParams.get('dryRun') === 'All';
    try {
      if (method === 'POST') {
        if (name !== undefined && type.resource === 'pods' && (sub === 'eviction' || sub === 'binding')) return this.postToPod(user, namespace!, name, sub, body, dryRun);
        if (name !== undefined) return METHOD_NOT_ALLOWED;
        const obj = this.inNamespace(decodeBody(type, type.kind, body), type, namespace);
        return json(201, wire(this.server.create(user, type, namespace, obj, { dryRun, fieldValidation: 'Warn' }), kindDef(type).strategy.schemaType));
      }
      if (method === 'PUT') {
        if (name === undefined) return METHOD_NOT_ALLOWED;
        if (sub !== undefined && !type.subresources?.some((s) => s.name === sub)) return NO_RESOURCE;
        if (sub === 'scale') return this.putScale(user, type, namespace, name, body, dryRun);
        if (sub !== undefined && sub !== 'status' && sub !== 'finalize') return METHOD_NOT_ALLOWED;
        const obj = this.inNamespace(decodeBody(type, type.kind, body), type, namespace);
        checkName(obj.metadata?.name, name);
        const updated = this.server.update(user, type, obj, { dryRun, fieldValidation: 'Warn', subresource: sub as 'status' | 'finalize' | undefined });
        return json(200, wire(updated, kindDef(type).strategy.schemaType));
      }
      if (sub !== undefined) return METHOD_NOT_ALLOWED;
      const opts = this.deleteOptions(body, dryRun);
      return name === undefined ? this.deleteCollection(user, type, namespace, url.searchParams, opts) : this.deleteOne(user, type, namespace, name, opts);
    } catch (e) {
      if (isStatusError(e)) return json(e.code, e.status);
      throw e;
    }
  }

  /**
   * pods/NAME/eviction (an Eviction, its DeleteOptions honoured) and pods/NAME/binding (a Binding
   * naming the node): answered, as their REST storage answers, with a Status of success.
   */
  private postToPod(user: UserInfo, namespace: string, name: string, sub: 'eviction' | 'binding', body: string, dryRun: boolean): RawResponse {
    const podType = podKind.type;
    const kind = sub === 'eviction' ? 'Eviction' : 'Binding';
    const obj = decodeBody(podType, kind, body) as { apiVersion: string; deleteOptions?: { gracePeriodSeconds?: number }; target?: { name?: string } };
    if (sub === 'eviction') this.server.evict(user, namespace, name, { dryRun, gracePeriodSeconds: obj.deleteOptions?.gracePeriodSeconds });
    else this.server.bind(user, podType, namespace, name, obj.target?.name ?? '');
    return json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }

  /** A namespaced object takes the request's namespace; one that names another is refused. */
  private inNamespace(obj: Record<string, unknown>, type: ResourceType, namespace: string | undefined): KubeObject {
    const meta = (obj.metadata ??= {}) as Record<string, unknown>;
    if (type.namespaced) {
      if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace)
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      meta.namespace = namespace;
    }
    return obj as unknown as KubeObject;
  }

  private putScale(user: UserInfo, type: ResourceType, namespace: string | undefined, name: string, body: string, dryRun: boolean): RawResponse {
    const scale = decodeBody(type, 'Scale', body) as unknown as Scale;
    checkName(scale.metadata?.name, name);
    this.server.updateScale(user, type, { ...scale, metadata: { ...scale.metadata, namespace } }, { dryRun });
    return json(200, this.server.getScale(user, type, namespace, name));
  }

  /** A DELETE's body: DeleteOptions (grace period, propagation, preconditions), or nothing. */
  private deleteOptions(body: string, dryRun: boolean): DeleteOptions {
    if (!body.trim()) return { dryRun };
    const o = (parseBody('DeleteOptions', body) ?? {}) as { gracePeriodSeconds?: number; propagationPolicy?: DeleteOptions['propagationPolicy']; preconditions?: DeleteOptions['preconditions']; dryRun?: string[] };
    return { dryRun: dryRun || !!o.dryRun?.includes('All'), gracePeriodSeconds: o.gracePeriodSeconds, propagationPolicy: o.propagationPolicy, preconditions: o.preconditions };
  }

  /** The object while it is still there (a grace period, finalizers), else a Status of success with its details. */
  private deleteOne(user: UserInfo, type: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions): RawResponse {
    const deleted = this.server.delete(user, type, namespace, name, opts);
    let still: KubeObject | undefined;
    try {
      still = this.server.get(user, type, namespace, name);
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
    }
    if (still && still.metadata.uid === deleted.metadata.uid) return json(200, wire(still, kindDef(type).strategy.schemaType));
    const details: Record<string, unknown> = { name, ...(type.group ? { group: type.group } : {}), kind: type.resource, uid: deleted.metadata.uid };
    return json(200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
  }

  /** deletecollection: every object the selectors pick, deleted; the answer lists them as they were deleted. */
  private deleteCollection(user: UserInfo, type: ResourceType, namespace: string | undefined, query: URLSearchParams, opts: DeleteOptions): RawResponse {
    const items = this.server.list(user, type, namespace, { labelSelector: query.get('labelSelector') ?? '', fieldSelector: query.get('fieldSelector') ?? '' });
    const deleted = items.map((o) => this.server.delete(user, type, o.metadata.namespace, o.metadata.name!, opts));
    return json(200, listBody(type, deleted, this.server.revision));
  }
}
