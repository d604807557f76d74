// A DaemonSet's history (daemon/update.go constructHistory, snapshot, cleanupHistory): one
// ControllerRevision per template it has run, named `<ds>-<hash>`, numbered in order; the one
// recording the current template is the current revision and takes the highest number.
import { CONTROLLER_REVISION_HASH } from '../../api/apps/daemonsets';
import { revisionMatches, templatePatch } from '../../api/apps/revisions';
import { controllerrevision as crKind } from '../../api/kinds/controllerrevision';
import { daemonset as dsKind } from '../../api/kinds/daemonset';
import { newControllerRef } from '../../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../../api/meta/selector';
import type { ControllerRevision, DaemonSet } from '../../api/types';
import { INDEX } from '../../client/informer';
import type { ReconcileContext } from '../../engine/controller';
import { podTemplateHash } from '../deployment/hash';

const byRevision = (a: ControllerRevision, b: ControllerRevision) => a.revision - b.revision || (a.metadata.name! < b.metadata.name! ? -1 : 1);

/** controlledHistories: the revisions it controls, orphans matching its selector adopted first. */
function controlledRevisions(ctx: ReconcileContext, ds: DaemonSet): ControllerRevision[] {
  const informer = ctx.informers.for<ControllerRevision>(crKind.type);
  const selector = fromLabelSelector(ds.spec.selector) ?? [];
  if (!ds.metadata.deletionTimestamp && selector.length)
    for (const orphan of informer.byIndex(INDEX.orphan, ds.metadata.namespace!)) {
      if (!matches(selector, orphan.metadata.labels)) continue;
      ctx.client.patch(crKind.type, orphan.metadata.namespace, orphan.metadata.name!, 'merge', {
        metadata: { ownerReferences: [...(orphan.metadata.ownerReferences ?? []), newControllerRef(ds)], uid: orphan.metadata.uid },
      });
    }
  return informer.byIndex(INDEX.controller, ds.metadata.uid!);
}

export interface History {
  current: ControllerRevision;
  old: ControllerRevision[];
}

/** constructHistory: the current revision (made or renumbered if need be) and the others. */
export function constructHistory(ctx: ReconcileContext, ds: DaemonSet): History {
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let cr of controlledRevisions(ctx, ds)) {
    // Revisions made before the label was kept are labelled with their name.
    if (!cr.metadata.labels?.[CONTROLLER_REVISION_HASH])
      cr = ctx.client.update(crKind.type, { ...cr, metadata: { ...cr.metadata, labels: { ...cr.metadata.labels, [CONTROLLER_REVISION_HASH]: cr.metadata.name! } } });
    (revisionMatches(ds, cr) ? current : old).push(cr);
  }
  const next = Math.max(0, ...old.map((cr) => cr.revision)) + 1;
  if (!current.length) return { current: snapshot(ctx, ds, next), old };
  const cur = dedupe(ctx, ds, current);
  if (cur.revision >= next) return { current: cur, old };
  return { current: ctx.client.update(crKind.type, { ...cur, revision: next }), old };
}

/** dedupCurHistories: of several revisions of the current template, the highest stays; its pods are relabelled. */
function dedupe(ctx: ReconcileContext, ds: DaemonSet, current: ControllerRevision[]): ControllerRevision {
  if (current.length === 1) return current[0];
  const sorted = [...current].sort(byRevision);
  const keep = sorted[sorted.length - 1];
  for (const dup of sorted.slice(0, -1)) ctx.client.delete(crKind.type, dup.metadata.namespace, dup.metadata.name!);
  return keep;
}

/** snapshot: a new revision of the current template; a name taken by another template is a hash collision. */
function snapshot(ctx: ReconcileContext, ds: DaemonSet, revision: number): ControllerRevision {
  const hash = podTemplateHash(ds.spec.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const existing = ctx.client.tryGet<ControllerRevision>(crKind.type, ds.metadata.namespace, name);
  if (existing) {
    if (existing.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid) && revisionMatches(ds, existing)) return existing;
    // A collision: the next hash is tried at the next sync, as the controller does.
    const collisionCount = (ds.status?.collisionCount ?? 0) + 1;
    ctx.client.updateStatus(dsKind.type, { ...ds, status: { ...ds.status!, collisionCount } });
    throw new Error(`found a stale collision count (${collisionCount - 1}) for ${name}`);
  }
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ds.metadata.namespace,
      labels: { ...(ds.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash },
      ownerReferences: [newControllerRef(ds)],
    },
    data: templatePatch(ds),
    revision,
  };
  if (ds.metadata.annotations) cr.metadata.annotations = { ...ds.metadata.annotations };
  return ctx.client.create(crKind.type, cr);
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit go, oldest first, unless a pod still runs them. */
export function cleanupHistory(ctx: ReconcileContext, ds: DaemonSet, old: ControllerRevision[], liveHashes: ReadonlySet<string>): void {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
  for (const cr of [...old].sort(byRevision)) {
    if (toKill <= 0) break;
    if (liveHashes.has(cr.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '')) continue;
    ctx.client.delete(crKind.type, cr.metadata.namespace, cr.metadata.name!);
    toKill--;
  }
}
