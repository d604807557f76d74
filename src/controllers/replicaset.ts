// The ReplicaSet controller: keeps `spec.replicas` pods of the template alive, adopts matching
// orphans, releases pods that stopped matching, and reports status.
import { pod as podKind } from '../api/kinds/pod';
import { replicaset as rsKind } from '../api/kinds/replicaset';
import { findCondition } from '../api/meta/conditions';
import { newControllerRef } from '../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../api/meta/selector';
import { isPodActive, isPodAvailable, isPodReady, podCondition } from '../api/pod/status';
import { parseTime, rfc3339 } from '../api/time';
import type { PodView } from '../api/pod/view';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../api/types';
import { type PodIndex, podIndex } from '../client/podindex';
import type { Controller, ReconcileContext, ReconcileResult } from '../engine/controller';
import { podsToDelete } from './deletionrank';
import { claimPods, perLabels } from './claim';
import { ownedBy } from './ownerwatch';

/** The most pods one batch creates (the controller's burstReplicas); batches grow 1, 2, 4 … up to it. */
const BURST = 500;

export const replicaSetController: Controller<PodIndex> = {
  name: 'replicaset-controller',

  watches: [{ type: rsKind.type }, ownedBy(podKind.type, rsKind.type)],

  resync(ctx) {
    return ctx.client.list<ReplicaSet>(rsKind.type).map((rs) => ({ namespace: rs.metadata.namespace, name: rs.metadata.name! }));
  },

  prepare: (ctx) => podIndex(ctx.informers),

  reconcile(ctx, key, pods) {
    const rs = ctx.client.tryGet<ReplicaSet>(rsKind.type, key.namespace, key.name);
    if (!rs) return;
    const selector = fromLabelSelector(rs.spec.selector) ?? [];
    const selected = perLabels((labels) => matches(selector, labels));
    // One pass over the owned pods serves the claim and the count; only an adoption changes them.
    let owned = pods.byController(rs.metadata.uid!);
    // An empty selector claims nothing.
    if (selector.length && claimPods(ctx, rs, pods, owned, selected)) owned = pods.byController(rs.metadata.uid!);
    // Pods just released do not match the selector: they drop out here.
    const active = owned.filter((p) => selected(p.metadata.labels) && isPodActive(p));
    let failure: string | undefined;
    if (!rs.metadata.deletionTimestamp) failure = manageReplicas(ctx, rs, active);
    return writeStatus(ctx, rs, active, failure);
  },
};

function newPod(rs: ReplicaSet): Pod {
  const t = rs.spec.template;
  const metadata: Pod['metadata'] = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}) },
    ownerReferences: [newControllerRef(rs)],
  };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
  // The template's own spec: the API server copies what it is given (with JSON's rules), so a
  // copy made here would be a second one per pod.
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec };
}

/** Creates or deletes pods to reach spec.replicas; returns a failure message if creation failed. */
function manageReplicas(ctx: ReconcileContext, rs: ReplicaSet, active: PodView[]): string | undefined {
  const diff = active.length - (rs.spec.replicas ?? 1);
  if (diff < 0) {
    // slowStartBatch: batches of 1, 2, 4 … (at most BURST), all within this sync; the first
    // failure ends it, so a quota or an admission refusal costs one attempt, not N.
    for (let done = 0, batch = 1; done < -diff; done += batch, batch = Math.min(batch * 2, BURST)) {
      for (let i = 0; i < Math.min(batch, -diff - done); i++) {
        try {
          const created = ctx.client.create(podKind.type, newPod(rs));
          ctx.events.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
        } catch (e) {
          // Report a failure once; retries that fail the same way write nothing.
          const msg = (e as Error).message;
          if (findCondition(rs.status?.conditions, 'ReplicaFailure')?.message !== msg)
            ctx.events.event(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`);
          return msg;
        }
      }
    }
  } else if (diff > 0) {
    for (const p of podsToDelete(active, diff)) {
      ctx.client.delete(podKind.type, p.metadata.namespace, p.metadata.name!);
      ctx.events.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    }
  }
  return undefined;
}

function writeStatus(ctx: ReconcileContext, rs: ReplicaSet, active: PodView[], failure: string | undefined): ReconcileResult | void {
  const now = ctx.clock.now();
  const minReady = rs.spec.minReadySeconds ?? 0;
  const templateLabels = Object.entries(rs.spec.template.metadata?.labels ?? {});
  const fully = perLabels((labels) => templateLabels.every(([k, v]) => labels?.[k] === v));
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let nextAvailable: number | undefined;
  for (const p of active) {
    if (fully(p.metadata.labels)) fullyLabeled++;
    if (!isPodReady(p)) continue;
    ready++;
    if (isPodAvailable(p, minReady, now)) available++;
    else {
      const at = (parseTime(podCondition(p, 'Ready')?.lastTransitionTime) ?? now) + minReady * 1000;
      nextAvailable = Math.min(nextAvailable ?? at, at);
    }
  }
  const status: ReplicaSetStatus = { replicas: active.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  const prevFailure = findCondition(rs.status?.conditions, 'ReplicaFailure');
  if (failure) {
    status.conditions = [
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: failure,
        lastTransitionTime: prevFailure?.lastTransitionTime ?? rfc3339(now),
      },
    ];
  }
  ctx.client.updateStatus(rsKind.type, { ...rs, status });
  return nextAvailable !== undefined ? { requeueAfterMs: nextAvailable - now } : undefined;
}

