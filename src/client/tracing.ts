// A client that reports each call as the REST request kubectl would send for it (method, path,
// query, bodies) and the answer's status, for `-v=6`..`-v=9`. The calls go to the inner client
// unchanged; in-process helpers (views, write marks) are not requests and are not reported.
import { isStatusError } from '../api/errors';
import type { KubeObject } from '../api/types';
import type { RawResponse } from '../apiserver/rest';
import type { ResourceType } from '../api/registry';
import type {
  AttachStream,
  Client,
  DeleteOptions,
  EvictOptions,
  ExecResult,
  ListOptions,
  PatchType,
  PodAttachOptions,
  PodExecOptions,
  PodLogOptions,
  RawRequest,
  Scale,
  UpdateOptions,
  UserInfo,
  WatchHandler,
  WriteOptions,
} from './client';

export interface TracedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, as sent ("/api/v1/namespaces/default/pods?limit=500"). */
  url: string;
  requestBody?: unknown;
  contentType?: string;
  code: number;
  responseBody?: unknown;
}

/** The path of a resource, as the API serves it: /api/v1 for the core group, /apis/GROUP/VERSION else. */
export function resourcePath(type: ResourceType, namespace: string | undefined, name?: string, subresource?: string): string {
  let p = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  if (type.namespaced && namespace) p += `/namespaces/${namespace}`;
  p += `/${type.resource}`;
  if (name !== undefined) p += `/${name}`;
  if (subresource) p += `/${subresource}`;
  return p;
}

/** Go's url.Values.Encode: keys sorted, values escaped as a query escapes them. */
function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${encodeURIComponent(v!).replace(/%20/g, '+')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

const PATCH_CONTENT: Record<string, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

export class TracingClient implements Client {
  constructor(
    private readonly inner: Client,
    private readonly report: (r: TracedRequest) => void,
    /** kubectl's field manager for this verb ("kubectl-create", "kubectl-client-side-apply"). */
    private readonly fieldManager: string,
  ) {}

  get user(): UserInfo {
    return this.inner.user;
  }

  private call<T>(method: TracedRequest['method'], url: string, run: () => T, body?: unknown, contentType?: string, okCode = 200, answer?: (r: T) => unknown): T {
    try {
      const r = run();
      this.report({ method, url, requestBody: body, contentType, code: okCode, responseBody: answer ? answer(r) : r });
      return r;
    } catch (e) {
      if (isStatusError(e)) this.report({ method, url, requestBody: body, contentType, code: e.code, responseBody: e.status });
      throw e;
    }
  }

  private writeQuery(opts: WriteOptions | undefined): string {
    return query({ dryRun: opts?.dryRun ? 'All' : undefined, fieldManager: this.fieldManager, fieldValidation: opts?.fieldValidation ?? 'Strict' });
  }

  get<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T {
    return this.call('GET', resourcePath(type, namespace, name), () => this.inner.get<T>(type, namespace, name));
  }

  tryGet<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined {
    try {
      return this.get<T>(type, namespace, name);
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return undefined;
      throw e;
    }
  }

  private listUrl(type: ResourceType, namespace: string | undefined, opts?: ListOptions): string {
    return resourcePath(type, namespace) + query({ labelSelector: opts?.labelSelector, fieldSelector: opts?.fieldSelector, limit: '500' });
  }

  list<T extends KubeObject>(type: ResourceType, namespace?: string, opts?: ListOptions): T[] {
    return this.call('GET', this.listUrl(type, namespace, opts), () => this.inner.list<T>(type, namespace, opts), undefined, undefined, 200, (items) => listBody(type, items));
  }

  each<T extends KubeObject>(type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: T) => void): void {
    const items: T[] = [];
    this.call('GET', this.listUrl(type, namespace, opts), () => this.inner.each<T>(type, namespace, opts, (o) => (items.push(o), visit(o))), undefined, undefined, 200, () => listBody(type, items));
  }

  /** The objects whole: -v=8 shows the list's body as the server sends it. */
  eachForTable(type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: KubeObject) => void): void {
    this.each(type, namespace, opts, visit);
  }

  views(type: ResourceType, visit: (key: string, view: unknown) => void): void {
    this.inner.views(type, visit);
  }

  create<T extends KubeObject>(type: ResourceType, obj: T, opts?: WriteOptions): T {
    const url = resourcePath(type, obj.metadata?.namespace) + this.writeQuery(opts);
    return this.call('POST', url, () => this.inner.create(type, obj, opts), obj, 'application/json', 201);
  }

  update<T extends KubeObject>(type: ResourceType, obj: T, opts?: UpdateOptions): T {
    const url = resourcePath(type, obj.metadata?.namespace, obj.metadata?.name, opts?.subresource) + this.writeQuery(opts);
    return this.call('PUT', url, () => this.inner.update(type, obj, opts), obj, 'application/json');
  }

  updateStatus<T extends KubeObject>(type: ResourceType, obj: T): T {
    return this.call('PUT', resourcePath(type, obj.metadata?.namespace, obj.metadata?.name, 'status'), () => this.inner.updateStatus(type, obj), obj, 'application/json');
  }

  patch<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, opts?: UpdateOptions): T {
    const url = resourcePath(type, namespace, name, opts?.subresource) + this.writeQuery(opts);
    return this.call('PATCH', url, () => this.inner.patch<T>(type, namespace, name, patchType, patch, opts), patch, PATCH_CONTENT[patchType] ?? 'application/json');
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject {
    const body = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: opts?.propagationPolicy, gracePeriodSeconds: opts?.gracePeriodSeconds };
    return this.call('DELETE', resourcePath(type, namespace, name) + query({ dryRun: opts?.dryRun ? 'All' : undefined }), () => this.inner.delete(type, namespace, name, opts), body, 'application/json');
  }

  getScale(type: ResourceType, namespace: string | undefined, name: string): Scale {
    return this.call('GET', resourcePath(type, namespace, name, 'scale'), () => this.inner.getScale(type, namespace, name));
  }

  updateScale(type: ResourceType, scale: Scale, opts?: UpdateOptions): KubeObject {
    const url = resourcePath(type, scale.metadata.namespace, scale.metadata.name, 'scale') + this.writeQuery(opts);
    return this.call('PUT', url, () => this.inner.updateScale(type, scale, opts), scale, 'application/json');
  }

  patchScale(type: ResourceType, namespace: string | undefined, name: string, patch: unknown, opts?: UpdateOptions, patchType: PatchType = 'merge'): KubeObject {
    const url = resourcePath(type, namespace, name, 'scale') + this.writeQuery(opts);
    return this.call('PATCH', url, () => this.inner.patchScale(type, namespace, name, patch, opts, patchType), patch, PATCH_CONTENT[patchType]);
  }

  watch(type: ResourceType, namespace: string | undefined, opts: ListOptions, handler: WatchHandler): () => void {
    const url = resourcePath(type, namespace) + query({ labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, watch: 'true' });
    return this.call('GET', url, () => this.inner.watch(type, namespace, opts, handler), undefined, undefined, 200, () => undefined);
  }

  bind(type: ResourceType, namespace: string, name: string, nodeName: string): KubeObject {
    const body = { kind: 'Binding', apiVersion: 'v1', metadata: { name }, target: { kind: 'Node', name: nodeName } };
    return this.call('POST', resourcePath(type, namespace, name, 'binding'), () => this.inner.bind(type, namespace, name, nodeName), body, 'application/json', 201);
  }

  evict(namespace: string, name: string, opts?: EvictOptions): void {
    const url = `/api/v1/namespaces/${namespace}/pods/${name}/eviction`;
    const body = { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name, namespace } };
    this.call('POST', url, () => this.inner.evict(namespace, name, opts), body, 'application/json', 201, () => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }));
  }

  logs(namespace: string, name: string, opts: PodLogOptions): string {
    const url = `/api/v1/namespaces/${namespace}/pods/${name}/log` + query({ container: opts.container });
    return this.call('GET', url, () => this.inner.logs(namespace, name, opts), undefined, undefined, 200, (text) => text);
  }

  exec(namespace: string, name: string, opts: PodExecOptions): ExecResult {
    const url = `/api/v1/namespaces/${namespace}/pods/${name}/exec` + query({ container: opts.container });
    return this.call('POST', url, () => this.inner.exec(namespace, name, opts), undefined, undefined, 101, () => undefined);
  }

  attach(namespace: string, name: string, opts: PodAttachOptions): AttachStream {
    const url = `/api/v1/namespaces/${namespace}/pods/${name}/attach` + query({ container: opts.container });
    return this.call('POST', url, () => this.inner.attach(namespace, name, opts), undefined, undefined, 101, () => undefined);
  }

  raw(request: RawRequest, advertiseAddress: string): RawResponse {
    const r = this.inner.raw(request, advertiseAddress);
    this.report({ method: request.method ?? 'GET', url: request.uri, requestBody: request.body, code: r.code, responseBody: r.body });
    return r;
  }

  writeMark(): number {
    return this.inner.writeMark();
  }

  createdAt(uid: string): number | undefined {
    return this.inner.createdAt(uid);
  }

  as(user: UserInfo): Client {
    return new TracingClient(this.inner.as(user), this.report, this.fieldManager);
  }

  takeWarnings(): string[] {
    return this.inner.takeWarnings();
  }
}

function listBody(type: ResourceType, items: readonly KubeObject[]): unknown {
  return { kind: `${type.kind}List`, apiVersion: type.group ? `${type.group}/${type.version}` : type.version, metadata: {}, items };
}
