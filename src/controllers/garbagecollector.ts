// The garbage collector: dependents of deleted owners are deleted (background), dependents of an
// owner deleted in the foreground are deleted before it, and an orphaning delete strips the
// ownerReferences from dependents before the owner goes.
import { isStatusError } from '../api/errors';
import { type ResourceType, allTypes, typeForKind } from '../api/registry';
import type { KubeObject, ObjectKey, OwnerReference } from '../api/types';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from '../api/meta/finalizers';
import type { Controller, ReconcileContext } from '../engine/controller';

interface Item {
  type: ResourceType;
  obj: KubeObject;
}

interface Graph {
  items: Map<string, Item>;
  /** owner uid -> dependents */
  dependents: Map<string, Item[]>;
}

function uidKey(key: ObjectKey): string {
  return key.name;
}

function build(ctx: ReconcileContext): Graph {
  const items = new Map<string, Item>();
  const dependents = new Map<string, Item[]>();
  for (const type of allTypes()) {
    if (type.kind === 'Event') continue;
    for (const obj of ctx.client.list(type)) {
      const item = { type, obj };
      items.set(obj.metadata.uid!, item);
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const list = dependents.get(ref.uid);
        if (list) list.push(item);
        else dependents.set(ref.uid, [item]);
      }
    }
  }
  return { items, dependents };
}

function isOwnerWaiting(obj: KubeObject, finalizer: string): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(finalizer);
}

/** An owner reference still points at a live object of that identity. */
function ownerExists(ctx: ReconcileContext, dependent: KubeObject, ref: OwnerReference, graph: Graph): boolean | undefined {
  if (graph.items.has(ref.uid)) return true;
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

function deleteIgnoringMissing(ctx: ReconcileContext, item: Item, propagation: 'Background' | 'Foreground'): void {
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
  const deps = graph.dependents.get(owner.obj.metadata.uid!) ?? [];
  if (isOwnerWaiting(owner.obj, FINALIZER_ORPHAN)) {
    for (const d of deps) {
      const refs = (d.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.obj.metadata.uid);
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

  prepare: build,

  keys(_ctx, graph) {
    const keys: ObjectKey[] = [];
    for (const [uid, item] of graph.items) {
      const waiting = isOwnerWaiting(item.obj, FINALIZER_ORPHAN) || isOwnerWaiting(item.obj, FINALIZER_FOREGROUND);
      if (waiting || item.obj.metadata.ownerReferences?.length) keys.push({ name: uid });
    }
    return keys;
  },

  reconcile(ctx, key, graph) {
    const item = graph.items.get(uidKey(key));
    if (!item) return;
    const fresh = ctx.client.tryGet(item.type, item.obj.metadata.namespace, item.obj.metadata.name!);
    if (!fresh || fresh.metadata.uid !== item.obj.metadata.uid) return;
    const current = { type: item.type, obj: fresh };
    processOwner(ctx, current, graph);
    processDependent(ctx, current, graph);
  },
};
