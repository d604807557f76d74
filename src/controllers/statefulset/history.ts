// A StatefulSet's history (getStatefulSetRevisions, truncateHistory): one ControllerRevision per
// template it has run, named `<set>-<hash>` and numbered in order. The update revision records the
// current template (an older equal revision is renumbered, as a rollback does); the current
// revision is the one status.currentRevision names.
import { revisionMatches, templatePatch, templatePatchText } from '../../api/apps/revisions';
import { REVISION_HASH_LABEL, revisionHash } from '../../api/apps/statefulsets';
import { controllerrevision as crKind } from '../../api/kinds/controllerrevision';
import { statefulset as stsKind } from '../../api/kinds/statefulset';
import { newControllerRef } from '../../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../../api/meta/selector';
import type { ControllerRevision, StatefulSet } from '../../api/types';
import { INDEX } from '../../client/informer';
import type { ReconcileContext } from '../../engine/controller';

const byRevision = (a: ControllerRevision, b: ControllerRevision) => a.revision - b.revision || (a.metadata.name! < b.metadata.name! ? -1 : 1);

export interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  all: ControllerRevision[];
}

export class CollisionError extends Error {}

/** ClaimRevisions: orphaned revisions the selector matches are adopted first (a set made again after an orphaning delete). */
function adoptRevisions(ctx: ReconcileContext, sts: StatefulSet): void {
  const selector = fromLabelSelector(sts.spec.selector) ?? [];
  if (!selector.length) return;
  for (const orphan of ctx.informers.for<ControllerRevision>(crKind.type).byIndex(INDEX.orphan, sts.metadata.namespace!)) {
    if (!matches(selector, orphan.metadata.labels)) continue;
    ctx.client.patch(crKind.type, orphan.metadata.namespace, orphan.metadata.name!, 'merge', {
      metadata: { ownerReferences: [...(orphan.metadata.ownerReferences ?? []), newControllerRef(sts)], uid: orphan.metadata.uid },
    });
  }
}

export function statefulSetRevisions(ctx: ReconcileContext, sts: StatefulSet): Revisions {
  adoptRevisions(ctx, sts);
  const all = ctx.informers.for<ControllerRevision>(crKind.type).byIndex(INDEX.controller, sts.metadata.uid!).sort(byRevision);
  const next = (all.length ? all[all.length - 1]!.revision : 0) + 1;
  const equal = all.filter((cr) => revisionMatches(sts, cr));
  let update: ControllerRevision;
  if (equal.length) {
    const last = equal[equal.length - 1]!;
    // The newest revision already records the template; an older one (a rollback) takes the next number.
    update = last === all[all.length - 1] ? last : ctx.client.update(crKind.type, { ...last, revision: next });
  } else update = snapshot(ctx, sts, next);
  const byName = new Map(all.map((cr) => [cr.metadata.name!, cr]));
  byName.set(update.metadata.name!, update);
  const current = (sts.status?.currentRevision && byName.get(sts.status.currentRevision)) || update;
  return { current, update, all: [...byName.values()].sort(byRevision) };
}

/** A new revision of the current template; a name another template holds is a hash collision, tried again with the next count. */
function snapshot(ctx: ReconcileContext, sts: StatefulSet, revision: number): ControllerRevision {
  const collisionCount = sts.status?.collisionCount ?? 0;
  const hash = revisionHash(templatePatchText(sts), collisionCount);
  const name = `${sts.metadata.name}-${hash}`;
  const existing = ctx.client.tryGet<ControllerRevision>(crKind.type, sts.metadata.namespace, name);
  if (existing) {
    if (existing.metadata.ownerReferences?.some((r) => r.uid === sts.metadata.uid) && revisionMatches(sts, existing)) return existing;
    ctx.client.updateStatus(stsKind.type, { ...sts, status: { ...sts.status!, collisionCount: collisionCount + 1 } });
    throw new CollisionError(`found a stale collision count (${collisionCount}) for ${name}`);
  }
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: sts.metadata.namespace,
      labels: { ...(sts.spec.template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(sts)],
    },
    data: templatePatch(sts),
    revision,
  };
  if (sts.metadata.annotations) cr.metadata.annotations = { ...sts.metadata.annotations };
  return ctx.client.create(crKind.type, cr);
}

/** truncateHistory: revisions no pod runs, beyond revisionHistoryLimit, go oldest first. */
export function truncateHistory(ctx: ReconcileContext, sts: StatefulSet, revs: Revisions, podRevisions: ReadonlySet<string>): void {
  const live = new Set([revs.current.metadata.name!, revs.update.metadata.name!, ...podRevisions]);
  const dead = revs.all.filter((cr) => !live.has(cr.metadata.name!));
  for (const cr of dead.slice(0, Math.max(0, dead.length - (sts.spec.revisionHistoryLimit ?? 10))))
    ctx.client.delete(crKind.type, cr.metadata.namespace, cr.metadata.name!);
}
