// The write pipeline over the store, for everyone (CLI verbs, controllers, the kubelet):
// authorize -> decode -> admission -> strategy -> validation -> persist. It enforces uid,
// resourceVersion, generation, timestamps, deletionTimestamp + finalizers, and suppresses writes
// that change nothing, so that controllers converge.
import {
  STALE_OBJECT,
  alreadyExists,
  badRequest,
  conflict,
  generateNameConflict,
  invalid as invalidError,
  notFound,
  type StatusError,
} from '../api/errors';
import { type FieldError, invalid, required } from '../api/field';
import { clone, deepEqual } from '../api/meta/equal';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from '../api/meta/finalizers';
import { FieldSelectorParseError, parseFieldSelector } from '../api/meta/fieldselector';
import { type Selector, SelectorParseError, matches, parseSelector } from '../api/meta/selector';
import type { Random } from '../api/random';
import { type KindDef, type ResourceType, apiVersionOf, kindDef } from '../api/registry';
import { decode, fillZeroFields } from '../api/schema';
import { type Clock, rfc3339 } from '../api/time';
import type { MetricsScraper } from '../api/metrics';
import type { AttachOptions, AttachStream, ExecOptions, ExecResult, LogOptions, NodeProxy } from '../api/nodeproxy';
import type { KubeObject, ObjectMeta, Pod } from '../api/types';
import { validateObjectMeta } from '../api/validation/meta';
import type { Store } from '../store/store';
import { type AdmissionContext, type AdmissionRequest, admit, validateAdmission } from './admission';
import { type UserInfo, type Verb, authorize } from './auth';
import { viewsPay } from './tableviews';
import { type FieldValidation, decodeObject, strictPatchError } from './decode';
import { type EvictOptions, evictPod } from './eviction';
import { type FieldRequirement, checkFieldLabels, fieldsMatch } from './fieldselector';
import { deepFreeze } from './freeze';
import { type PatchType, applyPatchBody, decodePatch, patchDecodeError } from './patch';
import { podAttach, podExec, podLogs } from './podproxy';
import type { EncryptionAtRest } from './encryption';
import { type Scale, scaleOf, scaled, validateScale } from './scale';
import { ObjectStorage } from './storage';
import { type WatchHandler, Watchers } from './watch';

export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
}

/** Subresources written through update, and the part of the object each one may change. */
const SUBRESOURCE_FIELDS = { status: 'status', finalize: 'spec' } as const;
export type UpdateSubresource = keyof typeof SUBRESOURCE_FIELDS;

export interface UpdateOptions extends WriteOptions {
  subresource?: UpdateSubresource;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** A list request's selectors, in the query-string syntax (`app=web,tier in (a,b)`). */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * Only objects whose name starts with this, in one namespace: not part of the Kubernetes API but
   * an in-process lookup by key range, for callers that know how the names they want begin (the
   * event correlator: client-go names an object's events `<object>.<nanoseconds>`).
   */
  namePrefix?: string;
}

/** Parses a list request's selectors; bad ones are a BadRequest, as the API server reports them. */
function listSelectors(type: ResourceType, opts: ListOptions): { labels?: Selector; fields?: FieldRequirement[] } {
  try {
    const labels = opts.labelSelector ? parseSelector(opts.labelSelector) : undefined;
    const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
    if (fields) checkFieldLabels(type, fields);
    return { labels, fields };
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.inRequirement ? `unable to parse requirement: ${e.message}` : e.message);
    if (e instanceof FieldSelectorParseError) throw badRequest(e.message);
    throw e;
  }
}

export type { PatchType } from './patch';
export type { Scale } from './scale';


const NAME_SUFFIX_LENGTH = 5;
const MAX_GENERATE_NAME_BASE = 58;
/** How many names a create with generateName tries before it fails (the API server's maxNameGenerationCreateAttempts). */
const GENERATE_NAME_ATTEMPTS = 8;

export class ApiServer {
  private readonly storage: ObjectStorage;
  private readonly watchers = new Watchers();
  private writes = 0;
  /** uid -> the write count when this server created it. */
  private readonly born = new Map<string, number>();
  /** Warnings produced by the last request (kubectl prints them on stderr). */
  readonly warnings: string[] = [];

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly random: Random,
    /**
     * Freeze what reads hand out, so a reader that forgets to copy fails loudly. Tests keep it
     * on; an ordinary invocation skips the walk over every object a list returns (what a write
     * stores is frozen either way).
     */
    private readonly freezeReads = true,
    /** Encryption at rest of the resources an EncryptionConfiguration names (none: all in the clear). */
    encryption?: EncryptionAtRest,
    /** pocketkube's limit of pods in a cluster, when not the default (admission/podlimit.ts). */
    private readonly maxPods?: number,
  ) {
    this.storage = new ObjectStorage(store, encryption);
  }

  /** Encrypts at rest as `encryption` says from now on (the configuration changed). */
  setEncryption(encryption: EncryptionAtRest | undefined): void {
    this.storage.setEncryption(encryption);
  }

  /**
   * Stores again, encrypted as configured and unchanged otherwise, what is stored otherwise: for a
   * cluster made from the template in the clear, before it is first saved. Returns how many.
   */
  encryptStored(): number {
    return this.storage.rewriteStale();
  }

  private handOut(obj: KubeObject): KubeObject {
    return this.freezeReads ? deepFreeze(obj) : obj;
  }

  /** Number of persisted writes so far: the engine converges when a pass adds none. */
  get writeCount(): number {
    return this.writes;
  }

  /**
   * In process only: the write count at which this server created the object of `uid`, if it
   * did (an object created since a given count has no history older than that count).
   */
  createdAt(uid: string): number | undefined {
    return this.born.get(uid);
  }

  get revision(): number {
    return this.storage.revision;
  }

  // ---- reads ---------------------------------------------------------------------------------

  get(user: UserInfo, type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    this.authorize(user, 'get', type, namespace, name);
    return this.mustRead(type, namespace, name);
  }

  list(user: UserInfo, type: ResourceType, namespace: string | undefined, opts: ListOptions = {}): KubeObject[] {
    const out: KubeObject[] = [];
    this.visit(user, type, namespace, opts, (obj) => out.push(obj), true);
    return out;
  }

  /**
   * list(), one object at a time and without the store keeping what it parsed: for a reader that
   * looks at each object once and keeps none (a table printed from ten thousand pods).
   */
  each(user: UserInfo, type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: KubeObject) => void): void {
    this.visit(user, type, namespace, opts, visit, false);
  }

  private visit(user: UserInfo, type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: KubeObject) => void, keep: boolean): void {
    this.authorize(user, 'list', type, namespace);
    const { labels, fields } = listSelectors(type, opts);
    const ns = type.namespaced ? namespace : undefined;
    if (opts.namePrefix !== undefined && type.namespaced && ns === undefined) throw new Error('a list by name prefix needs a namespace');
    this.storage.readAll(type, ns, opts.namePrefix, keep, (obj) => {
      if (labels && !matches(labels, obj.metadata.labels)) return;
      if (fields && !fieldsMatch(type, obj, fields)) return;
      visit(this.handOut(obj));
    });
  }

  /**
   * each(), for a table printer: a kind whose cache view holds every field its table prints
   * (CacheView.table) hands out its objects' views, as kube-apiserver answers kubectl's Table
   * request from the objects without sending them, so a table of ten thousand pods reads their
   * views alone. A field selector may name a field no view holds, a few objects cost less than
   * the whole views line, and views not stored (an older build's, an encrypted kind's) would be
   * made from the objects: then the objects are read.
   */
  eachForTable(user: UserInfo, type: ResourceType, namespace: string | undefined, opts: ListOptions, visit: (obj: KubeObject) => void): void {
    const ns = type.namespaced ? namespace : undefined;
    const pays = () => viewsPay(this.storage.countIn(type, ns), this.storage.count(type));
    const useViews = kindDef(type).view?.table && !opts.fieldSelector && opts.namePrefix === undefined && pays() && this.storage.viewsCurrent(type);
    if (!useViews) return this.each(user, type, namespace, opts, visit);
    this.authorize(user, 'list', type, namespace);
    const { labels } = listSelectors(type, opts);
    this.storage.readViewsInOrder(type, ns, (view) => {
      const obj = view as KubeObject;
      if (labels && !matches(labels, obj.metadata.labels)) return;
      visit(this.freezeReads ? deepFreeze(obj) : obj);
    });
  }

  /**
   * Every object of a type as its kind's cache view (what the control plane's informers keep of
   * it), keyed "<namespace>/<name>": in process only, for the informers; not part of the API.
   */
  views(user: UserInfo, type: ResourceType, visit: (key: string, view: unknown) => void): void {
    this.authorize(user, 'list', type, undefined);
    this.storage.readViews(type, (key, view) => visit(key, this.freezeReads ? deepFreeze(view) : view));
  }

  /**
   * Subscribes to the changes of `type` (in `namespace`, if given) that match the selectors, from
   * now on. Returns the function that stops the watch.
   */
  watch(user: UserInfo, type: ResourceType, namespace: string | undefined, opts: ListOptions, handler: WatchHandler): () => void {
    this.authorize(user, 'watch', type, namespace);
    const { labels, fields } = listSelectors(type, opts);
    return this.watchers.add({ type, namespace: type.namespaced ? namespace : undefined, labels, fields, handler });
  }

  // ---- create --------------------------------------------------------------------------------

  create(user: UserInfo, type: ResourceType, namespace: string | undefined, input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const def = kindDef(type);
    const obj = clone(input);
    const meta = (obj.metadata ??= {});
    this.checkNamespace(type, meta, namespace);
    this.authorize(user, 'create', type, meta.namespace, meta.name);
    this.decode(def, obj, opts.fieldValidation);
    if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');

    // Admission sees a generated name's prefix, as in the real API server ("web-6d5f8c7b9-").
    const req: AdmissionRequest = { operation: 'CREATE', type, namespace: meta.namespace, name: meta.name || meta.generateName || '', object: obj, user };
    admit(req, this.admissionContext());

    // BeforeCreate: system fields belong to the server.
    const generated = !meta.name && !!meta.generateName;
    if (generated) meta.name = this.generateName(meta.generateName!);
    meta.uid = this.random.uuid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (def.strategy.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    if (def.strategy.statusSubresource && !def.strategy.keepStatusOnCreate) obj.status = {};
    def.strategy.prepareForCreate?.(obj);
    this.fillZero(def, obj);

    this.validate(def, obj, [...validateObjectMeta(meta, type.namespaced, def.strategy.validateName), ...this.validateOwnerRefs(meta), ...(def.strategy.validate?.(obj) ?? [])]);
    validateAdmission(req, this.admissionContext());

    if (this.storage.read(type, meta.namespace, meta.name!)) {
      if (!generated) throw alreadyExists(type, meta.name!);
      // v1.32 (RetryGenerateName, GA): a generated name that is taken is generated again, up to
      // eight attempts in all, before the request fails.
      for (let attempt = 1; this.storage.read(type, meta.namespace, meta.name!); attempt++) {
        if (attempt === GENERATE_NAME_ATTEMPTS) throw generateNameConflict(type, meta.name!);
        meta.name = this.generateName(meta.generateName!);
      }
    }
    if (opts.dryRun) return deepFreeze(obj);
    const stored = this.persist(type, obj);
    this.born.set(meta.uid, this.writes);
    return stored;
  }

  // ---- update --------------------------------------------------------------------------------

  update(user: UserInfo, type: ResourceType, input: KubeObject, opts: UpdateOptions = {}): KubeObject {
    const def = kindDef(type);
    // A subresource write keeps only its own part of the body (and the metadata that names it),
    // so only that part is copied and decoded.
    const obj = opts.subresource ? subresourceBody(input, SUBRESOURCE_FIELDS[opts.subresource]) : clone(input);
    const meta = (obj.metadata ??= {});
    this.authorize(user, 'update', type, meta.namespace, meta.name, opts.subresource);
    if (!meta.name) throw this.invalid(def, '', [required('metadata.name', 'name is required')]);
    const old = this.mustRead(type, meta.namespace, meta.name);
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) throw conflict(type, meta.name, STALE_OBJECT);
    if (meta.uid && meta.uid !== old.metadata.uid)
      throw conflict(type, meta.name, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`);
    this.decode(def, obj, opts.fieldValidation);
    return this.updateFrom(def, old, obj, user, opts);
  }

  /** Shared tail of update and patch: `obj` is decoded and targets the stored `old`. */
  private updateFrom(def: KindDef, old: KubeObject, obj: KubeObject, user: UserInfo, opts: UpdateOptions): KubeObject {
    const type = def.type;
    const meta = obj.metadata;
    const oldMeta = old.metadata;

    let next: KubeObject;
    if (opts.subresource) {
      // A subresource write changes only its own part of the object; the rest is the stored
      // object's own (never written to: only the metadata is copied to be filled in).
      const field = SUBRESOURCE_FIELDS[opts.subresource];
      next = { ...old, metadata: clone(old.metadata), [field]: clone(obj[field]) };
    } else {
      next = obj;
      if (def.strategy.statusSubresource) next.status = clone(old.status);
      def.strategy.prepareForUpdate?.(next, old);
    }
    const nextMeta = next.metadata;
    // Fields only the server sets.
    nextMeta.uid = oldMeta.uid;
    nextMeta.creationTimestamp = oldMeta.creationTimestamp;
    nextMeta.namespace = oldMeta.namespace;
    nextMeta.name = oldMeta.name;
    if (oldMeta.deletionTimestamp) {
      nextMeta.deletionTimestamp = oldMeta.deletionTimestamp;
      if (oldMeta.deletionGracePeriodSeconds !== undefined) nextMeta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    } else {
      delete nextMeta.deletionTimestamp;
      delete nextMeta.deletionGracePeriodSeconds;
    }
    if (def.strategy.tracksGeneration) {
      nextMeta.generation = oldMeta.generation ?? 1;
      if (!opts.subresource && specChanged(next, old)) nextMeta.generation += 1;
    } else delete nextMeta.generation;
    this.fillZero(def, next);

    const req: AdmissionRequest = {
      operation: 'UPDATE',
      type,
      namespace: meta.namespace,
      name: meta.name!,
      object: next,
      oldObject: old,
      user,
      subresource: opts.subresource,
    };
    admit(req, this.admissionContext());
    const errs = [...validateObjectMeta(nextMeta, type.namespaced, def.strategy.validateName), ...this.validateOwnerRefs(nextMeta)];
    if (!opts.subresource) errs.push(...(def.strategy.validateUpdate?.(next, old) ?? def.strategy.validate?.(next) ?? []));
    this.validate(def, next, errs);
    validateAdmission(req, this.admissionContext());

    // Finalization complete: the object goes away.
    if (nextMeta.deletionTimestamp && !(nextMeta.finalizers ?? []).length && !opts.dryRun && !def.strategy.pendingFinalizers?.(next)) {
      this.remove(type, old, next);
      return next;
    }
    nextMeta.resourceVersion = oldMeta.resourceVersion;
    // Unchanged, the write is suppressed, unless the stored bytes are stale (another key or
    // provider than the configuration writes with): then it rewrites them, as etcd3 does.
    if (deepEqual(next, old) && !this.storage.stale(type, oldMeta.namespace, oldMeta.name!)) return deepFreeze(old);
    if (opts.dryRun) return deepFreeze(next);
    return this.persist(type, next, old);
  }

  // ---- patch ---------------------------------------------------------------------------------

  patch(
    user: UserInfo,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    opts: UpdateOptions = {},
  ): KubeObject {
    const def = kindDef(type);
    this.authorize(user, 'patch', type, namespace, name, opts.subresource);
    const old = this.mustRead(type, namespace, name);
    const decoded = decodePatch(patchType, patch);
    const patched = applyPatchBody(old, patchType, decoded, def.strategy.schemaType);
    if (!patched || typeof patched !== 'object' || !patched.metadata) throw badRequest('the patch removed metadata');
    const undecodable = patchDecodeError(patchType, decoded, patched, def.strategy.schemaType);
    if (undecodable) throw undecodable;
    const pm = patched.metadata;
    if (pm.resourceVersion && pm.resourceVersion !== old.metadata.resourceVersion) throw conflict(type, name, STALE_OBJECT);
    const validation = opts.fieldValidation ?? 'Warn';
    const probe = clone(patched);
    const result = decodeForPatch(def, probe);
    if (result.length && validation === 'Strict') throw strictPatchError(decoded, result);
    this.decode(def, patched, validation === 'Strict' ? 'Ignore' : validation);
    patched.metadata.name = name;
    return this.updateFrom(def, old, patched, user, opts);
  }

  // ---- scale subresource ---------------------------------------------------------------------

  /** The object's scale subresource (an autoscaling/v1 Scale). */
  getScale(user: UserInfo, type: ResourceType, namespace: string | undefined, name: string): Scale {
    this.authorize(user, 'get', type, namespace, name, 'scale');
    return scaleOf(type, this.mustRead(type, namespace, name));
  }

  /**
   * Writes a Scale: its replicas become the object's. Returns the updated object (the API
   * answers with the Scale; in process the caller wants what it scaled).
   */
  updateScale(user: UserInfo, type: ResourceType, scale: Scale, opts: UpdateOptions = {}): KubeObject {
    const { namespace, name = '' } = scale.metadata ?? {};
    this.authorize(user, 'update', type, namespace, name, 'scale');
    const input = clone(scale);
    const result = decode(input as Record<string, unknown>, 'Scale');
    if (result.typeError) throw badRequest(`Scale in version "v1" cannot be handled as a Scale: ${result.typeError}`);
    return this.writeScale(user, type, this.mustRead(type, namespace, name), input, opts);
  }

  /**
   * Patches the Scale (kubectl scale sends a merge patch; patch --subresource=scale any type); a
   * Scale the patch breaks is refused as any patch is.
   */
  patchScale(user: UserInfo, type: ResourceType, namespace: string | undefined, name: string, patch: unknown, opts: UpdateOptions = {}, patchType: PatchType = 'merge'): KubeObject {
    this.authorize(user, 'patch', type, namespace, name, 'scale');
    const obj = this.mustRead(type, namespace, name);
    const decoded = decodePatch(patchType, patch);
    const patched = applyPatchBody(scaleOf(type, obj), patchType, decoded, 'Scale') as Scale;
    const undecodable = patchDecodeError(patchType, decoded, patched, 'Scale');
    if (undecodable) throw undecodable;
    return this.writeScale(user, type, obj, patched, opts);
  }

  private writeScale(user: UserInfo, type: ResourceType, obj: KubeObject, scale: Scale, opts: UpdateOptions): KubeObject {
    const errs = validateScale(scale);
    if (errs.length) throw invalidError({ group: 'autoscaling', kind: 'Scale' }, obj.metadata.name ?? '', errs);
    const rv = scale.metadata?.resourceVersion;
    if (rv && rv !== obj.metadata.resourceVersion) throw conflict(type, obj.metadata.name!, STALE_OBJECT);
    // The API server answers a write of /scale with the Scale, as written (or as a dry run would write it).
    return scaleOf(type, this.updateFrom(kindDef(type), obj, scaled(clone(obj), scale), user, { ...opts, subresource: undefined }));
  }

  // ---- pods/binding --------------------------------------------------------------------------

  /** Binds a pod to a node (pods/binding): sets spec.nodeName and PodScheduled=True. */
  bind(user: UserInfo, type: ResourceType, namespace: string, name: string, nodeName: string): KubeObject {
    this.authorize(user, 'create', type, namespace, name, 'binding');
    const old = this.mustRead(type, namespace, name) as KubeObject & { spec: { nodeName?: string }; status?: any };
    if (old.spec.nodeName) throw conflict(type, name, `pod ${name} is already assigned to node ${JSON.stringify(old.spec.nodeName)}`);
    const next = clone(old);
    next.spec.nodeName = nodeName;
    const status = (next.status ??= {});
    const conditions = (status.conditions ??= []).filter((c: { type: string }) => c.type !== 'PodScheduled');
    conditions.push({ lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()), status: 'True', type: 'PodScheduled' });
    status.conditions = conditions;
    return this.persist(type, next, old);
  }

  // ---- pods/eviction -------------------------------------------------------------------------

  /** Evicts a pod (pods/eviction), as its disruption budget allows. */
  evict(user: UserInfo, namespace: string, name: string, opts: EvictOptions = {}): void {
    evictPod(this, this.clock, user, namespace, name, opts);
  }

  // ---- pods/log, pods/exec -------------------------------------------------------------------

  /** The node agent that serves pods/log and pods/exec (the simulation connects it). */
  nodeProxy?: NodeProxy;

  /** What an APIService for metrics.k8s.io reaches: the simulated metrics-server (apiserver/metrics.ts). */
  metricsScraper?: MetricsScraper;

  podLogs(user: UserInfo, type: ResourceType, namespace: string, name: string, opts: Omit<LogOptions, 'container'> & { container?: string }): string {
    this.authorize(user, 'get', type, namespace, name, 'log');
    return podLogs(this.mustRead(type, namespace, name) as Pod, this.nodeProxy, opts);
  }

  podExec(user: UserInfo, type: ResourceType, namespace: string, name: string, opts: Omit<ExecOptions, 'container'> & { container?: string }): ExecResult {
    this.authorize(user, 'create', type, namespace, name, 'exec');
    return podExec(this.mustRead(type, namespace, name) as Pod, this.nodeProxy, opts);
  }

  podAttach(user: UserInfo, type: ResourceType, namespace: string, name: string, opts: Omit<AttachOptions, 'container'> & { container?: string }): AttachStream {
    this.authorize(user, 'create', type, namespace, name, 'attach');
    return podAttach(this.mustRead(type, namespace, name) as Pod, this.nodeProxy, opts);
  }

  // ---- delete --------------------------------------------------------------------------------

  delete(user: UserInfo, type: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const def = kindDef(type);
    this.authorize(user, 'delete', type, namespace, name);
    const old = this.mustRead(type, namespace, name);
    const pre = opts.preconditions ?? {};
    if (pre.uid && pre.uid !== old.metadata.uid)
      throw conflict(type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    if (pre.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw conflict(type, name, STALE_OBJECT);
    validateAdmission({ operation: 'DELETE', type, namespace, name, oldObject: old, user }, this.admissionContext());

    const next = clone(old);
    const meta = next.metadata;
    const finalizers = new Set(meta.finalizers ?? []);
    if (opts.propagationPolicy === 'Orphan') finalizers.add(FINALIZER_ORPHAN);
    if (opts.propagationPolicy === 'Foreground') finalizers.add(FINALIZER_FOREGROUND);
    if (opts.propagationPolicy === 'Background') {
      finalizers.delete(FINALIZER_ORPHAN);
      finalizers.delete(FINALIZER_FOREGROUND);
    }
    meta.finalizers = [...finalizers];
    if (!meta.finalizers.length) delete meta.finalizers;

    const grace = def.strategy.gracePeriod?.(old, opts.gracePeriodSeconds) ?? 0;
    const now = this.clock.now();
    const mustWait = grace > 0 || finalizers.size > 0 || !!def.strategy.pendingFinalizers?.(next);
    if (!mustWait) {
      if (opts.dryRun) return deepFreeze(next);
      this.remove(type, old, next);
      return next;
    }
    // Graceful or finalized deletion: mark it and let the kubelet or controllers finish.
    const deadline = now + grace * 1000;
    const existing = meta.deletionTimestamp ? Date.parse(meta.deletionTimestamp) : undefined;
    if (existing === undefined || deadline < existing) {
      meta.deletionTimestamp = rfc3339(deadline);
      meta.deletionGracePeriodSeconds = grace;
    }
    def.strategy.prepareForDelete?.(next);
    if (opts.dryRun || deepEqual(next, old)) return deepFreeze(next);
    return this.persist(type, next, old);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private authorize(user: UserInfo, verb: Verb, type: ResourceType, namespace?: string, name?: string, subresource?: string) {
    authorize({ user, verb, type, namespace: type.namespaced ? namespace : undefined, name, subresource });
  }

  private mustRead(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.storage.read(type, type.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(type, name);
    return this.handOut(obj);
  }

  private checkNamespace(type: ResourceType, meta: ObjectMeta, namespace: string | undefined): void {
    if (!type.namespaced) {
      delete meta.namespace;
      return;
    }
    if (meta.namespace && namespace && meta.namespace !== namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    meta.namespace = meta.namespace || namespace || 'default';
  }

  private generateName(base: string): string {
    return base.slice(0, MAX_GENERATE_NAME_BASE) + this.random.string(NAME_SUFFIX_LENGTH);
  }

  private decode(def: KindDef, obj: KubeObject, validation: FieldValidation | undefined): void {
    const apiVersion = apiVersionOf(def.type);
    obj.apiVersion ??= apiVersion;
    obj.kind ??= def.type.kind;
    if (obj.apiVersion !== apiVersion || obj.kind !== def.type.kind)
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
    this.warnings.push(...decodeObject(def, obj, validation));
    def.strategy.defaults?.(obj);
  }

  private fillZero(def: KindDef, obj: KubeObject): void {
    fillZeroFields(obj as Record<string, unknown>, def.strategy.schemaType);
  }

  private validateOwnerRefs(meta: ObjectMeta): FieldError[] {
    const errs: FieldError[] = [];
    const refs = meta.ownerReferences ?? [];
    for (const r of refs) {
      if (!r.apiVersion) errs.push(invalid('metadata.ownerReferences.apiVersion', r.apiVersion ?? '', 'version must not be empty'));
      if (!r.kind) errs.push(invalid('metadata.ownerReferences.kind', r.kind ?? '', 'kind must not be empty'));
      if (!r.name) errs.push(invalid('metadata.ownerReferences.name', r.name ?? '', 'name must not be empty'));
      if (!r.uid) errs.push(invalid('metadata.ownerReferences.uid', r.uid ?? '', 'uid must not be empty'));
    }
    if (refs.filter((r) => r.controller).length > 1)
      errs.push(invalid('metadata.ownerReferences', null, 'Only one reference can have Controller set to true'));
    return errs;
  }

  private validate(def: KindDef, obj: KubeObject, errs: FieldError[]): void {
    if (errs.length) throw this.invalid(def, obj.metadata.name ?? '', errs);
  }

  private invalid(def: KindDef, name: string, errs: FieldError[]): StatusError {
    return invalidError({ group: def.type.group, kind: def.type.kind }, name, errs);
  }

  /** Stores `obj`, new or replacing `old` (which watchers are handed beside it). */
  private persist(type: ResourceType, obj: KubeObject, old?: KubeObject): KubeObject {
    this.writes++;
    const stored = deepFreeze(this.storage.write(type, obj));
    this.watchers.notify(type, old ? { type: 'MODIFIED', object: stored, oldObject: old } : { type: 'ADDED', object: stored });
    return stored;
  }

  private remove(type: ResourceType, old: KubeObject, last: KubeObject): void {
    this.storage.remove(type, old);
    this.writes++;
    this.watchers.notify(type, { type: 'DELETED', object: deepFreeze(last), oldObject: old });
  }

  /** What admission plugins may read, made once: every write passes it twice. */
  private admissionContextMade?: AdmissionContext;

  private admissionContext(): AdmissionContext {
    return (this.admissionContextMade ??= {
      read: (t, ns, n) => this.storage.read(t, t.namespaced ? ns : undefined, n),
      count: (t) => this.storage.count(t),
      random: this.random,
      maxPods: this.maxPods,
    });
  }
}

function subresourceBody(input: KubeObject, field: string): KubeObject {
  const body: KubeObject = { apiVersion: input.apiVersion, kind: input.kind, metadata: clone(input.metadata ?? {}) } as KubeObject;
  if (input[field] !== undefined) body[field] = clone(input[field]);
  return body;
}

/** Everything but metadata and status: what `generation` tracks. */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = ({ metadata: _m, status: _s, ...rest }: KubeObject) => rest;
  return !deepEqual(strip(a), strip(b));
}


/** Unknown fields of a patched object (checked on a copy). */
function decodeForPatch(def: KindDef, obj: KubeObject): string[] {
  return decode(obj as Record<string, unknown>, def.strategy.schemaType).unknownFields;
}
