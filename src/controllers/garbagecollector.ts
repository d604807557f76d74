// The garbage collector: dependents of deleted owners are deleted (background), dependents of an
// owner deleted in the foreground are deleted before it, and an orphaning delete strips the
// ownerReferences from dependents before the owner goes.
import { isStatusError } from '../api/errors';
import { type ResourceType, allTypes, typeForKind } from '../api/registry';
import type { KubeObject, ObjectKey, OwnerReference } from '../api/types';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from '../api/meta/finalizers';
import { deepEqual } from '../api/meta/equal';
import { compareUnits } from '../api/meta/objectkey';
import type { WatchEvent } from '../client/client';
import { type Cached, INDEX, type Informers, cacheKey } from '../client/informer';
import type { Controller, ReconcileContext } from '../engine/controller';

/** An object as the collector's graph knows it: its metadata (a pod's cache view, as kube-controller-manager's metadata informers keep objects). */
interface Node {
  type: ResourceType;
  obj: Cached;
}

/** An object read whole, to be written. */
interface Item extends Node {
  obj: KubeObject;
}

const UID_INDEX = 'uid';

/** The kinds the collector follows: everything but Events, in the registry's order. */
const FOLLOWED: readonly ResourceType[] = allTypes().filter((t) => t.kind !== 'Event');

/** The collector's graph, read through the informers: objects by uid and dependents by owner. */
interface Graph {
  find(uid: string): Node | undefined;
  dependents(uid: string): Node[];
}

/** The informer of `type`, filing its objects by uid too. */
function informerByUid(informers: Informers, type: ResourceType) {
  const inf = informers.for(type);
  inf.addIndex(UID_INDEX, (o) => o.metadata.uid);
  return inf;
}

function graphOf(informers: Informers): Graph {
  const informer = (type: ResourceType) => informerByUid(informers, type);
  let bySize: ResourceType[] | undefined;
  return {
    find(uid) {
      // uids are unique across kinds: the smallest caches are searched first (ranked once per
      // graph), so finding a ReplicaSet among ten thousand pods never files the pods by uid.
      bySize ??= [...FOLLOWED].sort((a, b) => informers.for(a).size - informers.for(b).size);
      for (const type of bySize) {
        const [obj] = informer(type).viewsByIndex(UID_INDEX, uid);
        if (obj) return { type, obj };
      }
      return undefined;
    },
    dependents: (uid) => FOLLOWED.flatMap((type) => informer(type).viewsByIndex(INDEX.owner, uid).map((obj) => ({ type, obj }))),
  };
}

const uidKeys = (uids: readonly string[]): ObjectKey[] => uids.map((name) => ({ name }));
const ownerUids = (obj: Cached | undefined) => (obj?.metadata.ownerReferences ?? []).map((r) => r.uid);

/**
 * The keys (uids) a change concerns: an object with owners or waiting to orphan or delete its
 * dependents; when it goes, its dependents (their owner is gone) and its owners (one may wait
 * for it in the foreground); when its owners change, the owners it had.
 */
function changeKeys(e: WatchEvent, informers: Informers): ObjectKey[] {
  const obj = e.object;
  if (e.type === 'DELETED') return uidKeys([...graphOf(informers).dependents(obj.metadata.uid!).map((d) => d.obj.metadata.uid!), ...ownerUids(obj)]);
  const old = e.oldObject;
  const relevant =
    !old ||
    !deepEqual(old.metadata.ownerReferences, obj.metadata.ownerReferences) ||
    !deepEqual(old.metadata.finalizers, obj.metadata.finalizers) ||
    old.metadata.deletionTimestamp !== obj.metadata.deletionTimestamp;
  if (!relevant) return [];
  const keys: string[] = [];
  if (isOwnerWaiting(obj, FINALIZER_ORPHAN) || isOwnerWaiting(obj, FINALIZER_FOREGROUND) || (obj.metadata.ownerReferences?.length && !ownersCached(obj, informers)))
    keys.push(obj.metadata.uid!);
  if (old) keys.push(...ownerUids(old));
  return uidKeys(keys);
}

/**
 * Every owner the object names is in the cache, as that kind with that uid: then the collector
 * has nothing to do for it (as kube-controller-manager's graph builder queues only dependents of
 * absent owners) — if an owner goes later, its deletion queues its dependents.
 */
function ownersCached(obj: Cached, informers: Informers): boolean {
  for (const ref of (obj as KubeObject).metadata.ownerReferences ?? []) {
    const type = typeForKind(ref.apiVersion, ref.kind);
    if (!type || type.kind === 'Event') return false;
    if (!informerByUid(informers, type).count(UID_INDEX, ref.uid)) return false;
  }
  return true;
}

function isOwnerWaiting(obj: Cached, finalizer: string): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(finalizer);
}

/** An owner reference still points at a live object of that identity. */
function ownerExists(ctx: ReconcileContext, dependent: Cached, ref: OwnerReference, graph: Graph): boolean | undefined {
  if (graph.find(ref.uid)) return true;
  const type = typeForKind(ref.apiVersion, ref.kind);
  if (!type) return undefined; // an owner kind we do not serve: leave the reference alone
  const owner = ctx.client.tryGet(type, type.namespaced ? dependent.metadata.namespace : undefined, ref.name);
  return owner?.metadata.uid === ref.uid;
}

function removeFinalizer(ctx: ReconcileContext, item: Item, finalizer: string): void {
  const obj = item.obj;
  ctx.client.update(item.type, {
    ...obj,
    metadata: { ...obj.metadata, finalizers: (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer) },
  });
}

function deleteIgnoringMissing(ctx: ReconcileContext, item: Node, propagation: 'Background' | 'Foreground'): void {
  try {
    ctx.client.delete(item.type, item.obj.metadata.namespace, item.obj.metadata.name!, {
      propagationPolicy: propagation,
      preconditions: { uid: item.obj.metadata.uid },
    });
  } catch (e) {
    if (!isStatusError(e, 'NotFound') && !isStatusError(e, 'Conflict')) throw e;
  }
}

function processOwner(ctx: ReconcileContext, owner: Item, graph: Graph): void {
  if (!isOwnerWaiting(owner.obj, FINALIZER_ORPHAN) && !isOwnerWaiting(owner.obj, FINALIZER_FOREGROUND)) return;
  const deps = graph.dependents(owner.obj.metadata.uid!);
  if (isOwnerWaiting(owner.obj, FINALIZER_ORPHAN)) {
    for (const d of deps) {
      // The graph keeps owners' uids only: the references written back are read whole.
      const whole = ctx.client.tryGet(d.type, d.obj.metadata.namespace, d.obj.metadata.name!);
      if (!whole || whole.metadata.uid !== d.obj.metadata.uid) continue;
      const refs = (whole.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.obj.metadata.uid);
      ctx.client.patch(d.type, d.obj.metadata.namespace, d.obj.metadata.name!, 'merge', {
        metadata: { ownerReferences: refs.length ? refs : null, uid: d.obj.metadata.uid },
      });
    }
    removeFinalizer(ctx, owner, FINALIZER_ORPHAN);
    return;
  }
  if (isOwnerWaiting(owner.obj, FINALIZER_FOREGROUND)) {
    const blocking = deps.filter((d) =>
      (d.obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.obj.metadata.uid && r.blockOwnerDeletion),
    );
    for (const d of deps) if (!d.obj.metadata.deletionTimestamp) deleteIgnoringMissing(ctx, d, 'Foreground');
    if (blocking.length === 0) removeFinalizer(ctx, owner, FINALIZER_FOREGROUND);
  }
}

function processDependent(ctx: ReconcileContext, item: Item, graph: Graph): void {
  const refs = item.obj.metadata.ownerReferences ?? [];
  if (!refs.length || item.obj.metadata.deletionTimestamp) return;
  const states = refs.map((r) => ({ ref: r, exists: ownerExists(ctx, item.obj, r, graph) }));
  const dangling = states.filter((s) => s.exists === false);
  if (!dangling.length) return;
  if (dangling.length === refs.length) {
    deleteIgnoringMissing(ctx, item, 'Background');
    return;
  }
  const keep = states.filter((s) => s.exists !== false).map((s) => s.ref);
  ctx.client.patch(item.type, item.obj.metadata.namespace, item.obj.metadata.name!, 'merge', {
    metadata: { ownerReferences: keep, uid: item.obj.metadata.uid },
  });
}

export const garbageCollector: Controller<Graph> = {
  name: 'garbage-collector',

  watches: FOLLOWED.map((type) => ({ type, keys: changeKeys })),

  resync(ctx) {
    const keys: string[] = [];
    for (const type of FOLLOWED) {
      for (const obj of ctx.informers.for(type).cached()) {
        const waiting = isOwnerWaiting(obj, FINALIZER_ORPHAN) || isOwnerWaiting(obj, FINALIZER_FOREGROUND);
        if (waiting || obj.metadata.ownerReferences?.length) keys.push(obj.metadata.uid!);
      }
    }
    return uidKeys(keys);
  },

  prepare: (ctx) => graphOf(ctx.informers),

  /** The graph's order: by kind as the registry lists kinds, then namespace and name. */
  order(ctx, keys) {
    const graph = graphOf(ctx.informers);
    const rank = new Map(FOLLOWED.map((t, i) => [t, i]));
    const placed = keys.map((key) => {
      const item = graph.find(key.name);
      return { key, rank: item ? rank.get(item.type)! : rank.size, id: item ? cacheKey(item.obj.metadata.namespace, item.obj.metadata.name!) : '' };
    });
    placed.sort((a, b) => a.rank - b.rank || compareUnits(a.id, b.id));
    return placed.map((p) => p.key);
  },

  reconcile(ctx, key, graph) {
    const item = graph.find(key.name);
    if (!item) return;
    const fresh = ctx.client.tryGet(item.type, item.obj.metadata.namespace, item.obj.metadata.name!);
    if (!fresh || fresh.metadata.uid !== item.obj.metadata.uid) return;
    const current = { type: item.type, obj: fresh };
    processOwner(ctx, current, graph);
    processDependent(ctx, current, graph);
  },
};
