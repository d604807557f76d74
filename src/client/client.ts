// The Client every caller uses, the CLI and every controller alike: typed calls into the
// in-process API server on behalf of one user.
import { isStatusError } from '../api/errors';
import { pod as podKind } from '../api/kinds/pod';
import type { AttachOptions, AttachStream, ExecOptions, ExecResult, LogOptions } from '../api/nodeproxy';
import type { ResourceType } from '../api/registry';
import type { KubeObject } from '../api/types';
import type { UserInfo } from '../apiserver/auth';
import type { RawResponse } from '../apiserver/rest';
import type { WriteMethod } from '../apiserver/restwrite';
import { SERVER_VERSION_INFO } from '../api/version';
import type {
  ApiServer,
  DeleteOptions,
  ListOptions,
  PatchType,
  Scale,
  UpdateOptions,
  WriteOptions,
} from '../apiserver/server';
import type { WatchHandler } from '../apiserver/watch';
import type { EvictOptions } from '../apiserver/eviction';

export type { DeleteOptions, ListOptions, PatchType, Scale, UpdateOptions, WriteOptions, PropagationPolicy } from '../apiserver/server';
export type { RawResponse } from '../apiserver/rest';
export type { FieldValidation } from '../apiserver/decode';
export type { EvictOptions } from '../apiserver/eviction';
export type { UserInfo } from '../apiserver/auth';
export type { WatchEvent, WatchEventType, WatchHandler } from '../apiserver/watch';
export type { AttachStream, ExecResult } from '../api/nodeproxy';

/** A request on a REST path: GET unless it says otherwise, with the body of a write. */
export interface RawRequest {
  method?: 'GET' | WriteMethod;
  uri: string;
  body?: string;
}

export type PodLogOptions = Omit<LogOptions, 'container'> & { container?: string };
export type PodExecOptions = Omit<ExecOptions, 'container'> & { container?: string };
export type PodAttachOptions = Omit<AttachOptions, 'container'> & { container?: string };

export interface Client {
  readonly user: UserInfo;
  get<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T;
  /** Like get, but undefined when the object does not exist. */
  tryGet<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined;
  list<T extends KubeObject>(type: ResourceType, namespace?: string, opts?: ListOptions): T[];
  /** list(), handing each object to `visit` in turn without keeping it: for a reader that keeps none (a table). */
  each<T extends KubeObject>(type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: T) => void): void;
  /**
   * each(), for a table printer: where the kind's cache view holds what its table prints, the
   * objects' views (pruned objects), so a table of ten thousand pods never reads them whole.
   */
  eachForTable(type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: KubeObject) => void): void;
  /** Every object of a type as its kind's cache view (KindDef.view), with its "<namespace>/<name>" key: for informers. */
  views(type: ResourceType, visit: (key: string, view: unknown) => void): void;
  create<T extends KubeObject>(type: ResourceType, obj: T, opts?: WriteOptions): T;
  update<T extends KubeObject>(type: ResourceType, obj: T, opts?: UpdateOptions): T;
  updateStatus<T extends KubeObject>(type: ResourceType, obj: T): T;
  patch<T extends KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    opts?: UpdateOptions,
  ): T;
  delete(type: ResourceType, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject;
  /** The scale subresource: a scalable object's replicas as an autoscaling/v1 Scale. */
  getScale(type: ResourceType, namespace: string | undefined, name: string): Scale;
  /** Writes the Scale; returns the object it scaled (in process; the API answers with the Scale). */
  updateScale(type: ResourceType, scale: Scale, opts?: UpdateOptions): KubeObject;
  /** Merge-patches the Scale; returns the object it scaled. */
  patchScale(type: ResourceType, namespace: string | undefined, name: string, patch: unknown, opts?: UpdateOptions, patchType?: PatchType): KubeObject;
  /** Hears of every change to matching objects from now on; returns the function that stops it. */
  watch(type: ResourceType, namespace: string | undefined, opts: ListOptions, handler: WatchHandler): () => void;
  /** pods/binding: assigns a pod to a node. */
  bind(type: ResourceType, namespace: string, name: string, nodeName: string): KubeObject;
  /** pods/eviction: asks the API server to delete a pod gracefully. */
  evict(namespace: string, name: string, opts?: EvictOptions): void;
  /** pods/log: a container's log, through its node. */
  logs(namespace: string, name: string, opts: PodLogOptions): string;
  /** pods/exec: runs a command in a container, through its node. */
  exec(namespace: string, name: string, opts: PodExecOptions): ExecResult;
  /** pods/attach: the container's main process, read as the clock moves on. */
  attach(namespace: string, name: string, opts: PodAttachOptions): AttachStream;
  /** GET on a REST path (`kubectl get --raw`), answered as kube-apiserver answers it; `advertiseAddress` is the server's host:port. */
  /**
   * A request on the API's REST paths, answered as the API server answers it (kubectl's --raw):
   * GET (`advertiseAddress` is the host:port /api reports), POST, PUT or DELETE with a body.
   */
  raw(request: RawRequest, advertiseAddress: string): RawResponse;
  /** In process only: how many writes the API server has persisted so far. */
  writeMark(): number;
  /** In process only: the writeMark at which the API server created the object of `uid`, if this process did. */
  createdAt(uid: string): number | undefined;
  /** The same client acting as another user. */
  as(user: UserInfo): Client;
  /** Warnings the API server returned since the last call to this method. */
  takeWarnings(): string[];
}

export class LocalClient implements Client {
  constructor(
    private readonly server: ApiServer,
    readonly user: UserInfo,
  ) {}

  get<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T {
    return this.server.get(this.user, type, namespace, name) as T;
  }

  tryGet<T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined {
    try {
      return this.get<T>(type, namespace, name);
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return undefined;
      throw e;
    }
  }

  list<T extends KubeObject>(type: ResourceType, namespace?: string, opts?: ListOptions): T[] {
    return this.server.list(this.user, type, namespace, opts) as T[];
  }

  each<T extends KubeObject>(type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: T) => void): void {
    this.server.each(this.user, type, namespace, opts, visit as (obj: KubeObject) => void);
  }

  eachForTable(type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: KubeObject) => void): void {
    this.server.eachForTable(this.user, type, namespace, opts, visit);
  }

  views(type: ResourceType, visit: (key: string, view: unknown) => void): void {
    this.server.views(this.user, type, visit);
  }

  writeMark(): number {
    return this.server.writeCount;
  }

  createdAt(uid: string): number | undefined {
    return this.server.createdAt(uid);
  }

  create<T extends KubeObject>(type: ResourceType, obj: T, opts?: WriteOptions): T {
    return this.server.create(this.user, type, obj.metadata?.namespace, obj, opts) as T;
  }

  update<T extends KubeObject>(type: ResourceType, obj: T, opts?: UpdateOptions): T {
    return this.server.update(this.user, type, obj, opts) as T;
  }

  updateStatus<T extends KubeObject>(type: ResourceType, obj: T): T {
    return this.server.update(this.user, type, obj, { subresource: 'status' }) as T;
  }

  patch<T extends KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    opts?: UpdateOptions,
  ): T {
    return this.server.patch(this.user, type, namespace, name, patchType, patch, opts) as T;
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject {
    return this.server.delete(this.user, type, namespace, name, opts);
  }

  getScale(type: ResourceType, namespace: string | undefined, name: string): Scale {
    return this.server.getScale(this.user, type, namespace, name);
  }

  updateScale(type: ResourceType, scale: Scale, opts?: UpdateOptions): KubeObject {
    return this.server.updateScale(this.user, type, scale, opts);
  }

  patchScale(type: ResourceType, namespace: string | undefined, name: string, patch: unknown, opts?: UpdateOptions, patchType?: PatchType): KubeObject {
    return this.server.patchScale(this.user, type, namespace, name, patch, opts, patchType);
  }

  watch(type: ResourceType, namespace: string | undefined, opts: ListOptions, handler: WatchHandler): () => void {
    return this.server.watch(this.user, type, namespace, opts, handler);
  }

  bind(type: ResourceType, namespace: string, name: string, nodeName: string): KubeObject {
    return this.server.bind(this.user, type, namespace, name, nodeName);
  }

  evict(namespace: string, name: string, opts?: EvictOptions): void {
    this.server.evict(this.user, namespace, name, opts);
  }

  logs(namespace: string, name: string, opts: PodLogOptions): string {
    return this.server.podLogs(this.user, podKind.type, namespace, name, opts);
  }

  raw(request: RawRequest, advertiseAddress: string): RawResponse {
    if (request.method && request.method !== 'GET') {
      const { RestWriter } = require('../apiserver/restwrite') as typeof import('../apiserver/restwrite');
      return new RestWriter(this.server).request(this.user, request.method, request.uri, request.body ?? '');
    }
    const { RestReader } = require('../apiserver/rest') as typeof import('../apiserver/rest');
    return new RestReader(this.server, { advertiseAddress, version: SERVER_VERSION_INFO }).get(this.user, request.uri);
  }

  exec(namespace: string, name: string, opts: PodExecOptions): ExecResult {
    return this.server.podExec(this.user, podKind.type, namespace, name, opts);
  }

  attach(namespace: string, name: string, opts: PodAttachOptions): AttachStream {
    return this.server.podAttach(this.user, podKind.type, namespace, name, opts);
  }

  as(user: UserInfo): Client {
    return new LocalClient(this.server, user);
  }

  takeWarnings(): string[] {
    return this.server.warnings.splice(0);
  }
}

export { COMPONENTS } from '../apiserver/auth';
