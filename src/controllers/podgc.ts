// The pod garbage collector's orphan pass (pkg/controller/podgc gcOrphaned): a pod bound to a node
// that no longer exists — still missing after a 40s quarantine — is marked Failed with a
// DisruptionTarget condition (no kubelet is left to end it) and deleted at once. Its other passes
// (terminated pods beyond a threshold, pods on out-of-service nodes) are not simulated.
import { node as nodeKind } from '../api/kinds/node';
import { pod as podKind } from '../api/kinds/pod';
import { isPodTerminal } from '../api/pod/status';
import { rfc3339 } from '../api/time';
import type { Condition, Node, ObjectKey, Pod } from '../api/types';
import { type Informers, keyOfObject } from '../client/informer';
import { podViewsOnNode } from '../client/podindex';
import type { WatchEvent } from '../client/client';
import type { Controller } from '../engine/controller';

/** quarantineTime: how long a node must be missing before its pods are orphans. */
export const QUARANTINE_MS = 40_000;

/** A node gone: its pods; a pod bound or re-bound: the pod. */
function podsOfGoneNode(e: WatchEvent, informers: Informers): ObjectKey[] {
  return e.type === 'DELETED' ? podViewsOnNode(informers, e.object.metadata.name!).map(keyOfObject) : [];
}

function boundPod(e: WatchEvent): ObjectKey[] {
  const pod = e.object as Pod;
  const old = e.oldObject as Pod | undefined;
  return e.type !== 'DELETED' && pod.spec.nodeName && pod.spec.nodeName !== old?.spec.nodeName ? [keyOfObject(pod)] : [];
}

export const podGarbageCollector: Controller = {
  name: 'pod-garbage-collector',

  watches: [
    { type: nodeKind.type, keys: podsOfGoneNode },
    { type: podKind.type, keys: boundPod },
  ],

  resync(ctx) {
    const nodes = ctx.informers.for<Node>(nodeKind.type);
    return ctx.client
      .list<Pod>(podKind.type)
      .filter((p) => p.spec.nodeName && !nodes.get(undefined, p.spec.nodeName))
      .map(keyOfObject);
  },

  reconcile(ctx, key) {
    const pod = ctx.client.tryGet<Pod>(podKind.type, key.namespace, key.name);
    const nodeName = pod?.spec.nodeName;
    if (!pod || !nodeName) return;
    // When this pod was first found without its node (per pod: a node of that name may come back).
    const missingKey = `missing/${pod.metadata.uid}`;
    if (ctx.informers.for<Node>(nodeKind.type).get(undefined, nodeName)) {
      ctx.memory.set(missingKey, undefined);
      return;
    }
    const now = ctx.clock.now();
    let since = ctx.memory.get<number>(missingKey);
    if (since === undefined) ctx.memory.set(missingKey, (since = now));
    if (now < since + QUARANTINE_MS) return { requeueAfterMs: since + QUARANTINE_MS - now };
    if (!isPodTerminal(pod)) {
      const condition: Condition = {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByPodGC',
        message: 'PodGC: node no longer exists',
        lastTransitionTime: rfc3339(now),
      };
      const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      ctx.client.updateStatus(podKind.type, { ...pod, status: { ...pod.status, phase: 'Failed', conditions: [...others, condition] } });
    }
    ctx.client.delete(podKind.type, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    ctx.memory.set(missingKey, undefined);
    return undefined;
  },
};
