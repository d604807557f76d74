// One sync of one Deployment: its ReplicaSets, the new one (found or created), scaling with
// events, proportional scaling, history cleanup and status writes (pkg/controller/deployment/sync.go).
import { isStatusError } from '../../api/errors';
import { deployment as deploymentKind } from '../../api/kinds/deployment';
import { replicaset as rsKind } from '../../api/kinds/replicaset';
import { deepEqual } from '../../api/meta/equal';
import { newControllerRef } from '../../api/meta/ownerrefs';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/types';
import type { ReconcileContext } from '../../engine/controller';
import { POD_TEMPLATE_HASH, podTemplateHash } from './hash';
import { byCreation, findNewReplicaSet } from '../../api/apps/replicasets';

export { byCreation };
import { REASON, calculateStatus, compactStatus, getCondition, hasProgressDeadline, newCondition, setCondition } from './progress';
import {
  ANNOTATIONS_TO_SKIP,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  isRollingUpdate,
  maxRevision,
  maxSurge,
  newRSNewReplicas,
  replicasOf,
  revisionOf,
  specReplicas,
} from './replicas';

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** The new ReplicaSet runs the full count, as recorded, and all of it is available. */
export function isSaturated(d: Deployment, rs: ReplicaSet): boolean {
  const want = replicasOf(d);
  return (
    (rs.spec.replicas ?? 0) === want &&
    rs.metadata.annotations?.[DESIRED_REPLICAS] === String(want) &&
    (rs.status?.availableReplicas ?? 0) === want
  );
}

/** Working state of one sync; every write replaces the object it returned in `rsList`. */
export class DeploymentSync {
  constructor(
    readonly ctx: ReconcileContext,
    public d: Deployment,
    public rsList: ReplicaSet[],
  ) {}

  get now(): number {
    return this.ctx.clock.now();
  }

  /** The ReplicaSet whose template is the Deployment's (oldest first if several). */
  findNewRS(): ReplicaSet | undefined {
    return findNewReplicaSet(this.d.spec.template, this.rsList);
  }

  oldRSs(newRS: ReplicaSet | undefined): ReplicaSet[] {
    return this.rsList.filter((rs) => rs !== newRS && rs.metadata.uid !== newRS?.metadata.uid);
  }

  private replace(rs: ReplicaSet): ReplicaSet {
    const i = this.rsList.findIndex((r) => r.metadata.uid === rs.metadata.uid);
    if (i >= 0) this.rsList[i] = rs;
    else this.rsList.push(rs);
    return rs;
  }

  /** Copies the Deployment's annotations and bumps the revision (keeping history on re-use). */
  private newRSAnnotations(rs: ReplicaSet, newRevision: number, exists: boolean): Record<string, string> {
    const ann = { ...(rs.metadata.annotations ?? {}) };
    for (const [k, v] of Object.entries(this.d.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) ann[k] = v;
    const old = ann[REVISION];
    const oldRevision = old === undefined ? 0 : parseInt(old, 10) || 0;
    if (oldRevision < newRevision) {
      ann[REVISION] = String(newRevision);
      if (old !== undefined) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${old}` : old;
    }
    if (!exists) {
      ann[DESIRED_REPLICAS] = String(replicasOf(this.d));
      ann[MAX_REPLICAS] = String(replicasOf(this.d) + maxSurge(this.d));
    }
    return ann;
  }

  /**
   * getAllReplicaSetsAndSyncRevision: finds (or, when asked, creates) the new ReplicaSet and keeps
   * the revision annotations of it and of the Deployment in step.
   */
  newReplicaSet(create: boolean): ReplicaSet | undefined {
    const existing = this.findNewRS();
    const newRevision = maxRevision(this.oldRSs(existing)) + 1;
    if (existing) {
      const annotations = this.newRSAnnotations(existing, newRevision, true);
      const minReady = this.d.spec.minReadySeconds;
      if (!deepEqual(annotations, existing.metadata.annotations ?? {}) || existing.spec.minReadySeconds !== minReady) {
        const spec = { ...existing.spec };
        if (minReady === undefined) delete spec.minReadySeconds;
        else spec.minReadySeconds = minReady;
        return this.replace(this.ctx.client.update(rsKind.type, { ...existing, metadata: { ...existing.metadata, annotations }, spec }));
      }
      this.syncDeploymentRevision(String(revisionOf(existing)));
      if (hasProgressDeadline(this.d) && !getCondition(this.d.status, 'Progressing')) {
        const status = { ...(this.d.status ?? {}) };
        setCondition(status, newCondition('Progressing', 'True', REASON.foundNewRS, `Found new replica set ${JSON.stringify(existing.metadata.name)}`, this.now));
        this.writeStatus(status);
      }
      return existing;
    }
    if (!create) return undefined;
    return this.createNewRS(newRevision);
  }

  private createNewRS(newRevision: number): ReplicaSet | undefined {
    const d = this.d;
    const collision = d.status?.collisionCount;
    const hash = podTemplateHash(d.spec.template, collision);
    const template = JSON.parse(JSON.stringify(d.spec.template)) as ReplicaSet['spec']['template'];
    template.metadata = { ...template.metadata, labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const selector = {
      ...d.spec.selector,
      matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash },
    };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels },
        ownerReferences: [newControllerRef(d)],
      },
      spec: { replicas: 0, selector, template },
    };
    if (d.spec.minReadySeconds !== undefined) rs.spec.minReadySeconds = d.spec.minReadySeconds;
    rs.spec.replicas = newRSNewReplicas(d, [...this.rsList, rs], rs);
    rs.metadata.annotations = this.newRSAnnotations(rs, newRevision, false);
    let created: ReplicaSet;
    try {
      created = this.ctx.client.create(rsKind.type, rs);
    } catch (e) {
      if (isStatusError(e, 'AlreadyExists')) {
        // A ReplicaSet of that name with another template: a hash collision. Bump and retry later.
        const status = { ...(d.status ?? {}), collisionCount: (collision ?? 0) + 1 };
        this.writeStatus(status);
        return undefined;
      }
      const msg = `Failed to create new replica set ${JSON.stringify(rs.metadata.name)}: ${(e as Error).message}`;
      if (hasProgressDeadline(d)) {
        const status = { ...(d.status ?? {}) };
        setCondition(status, newCondition('Progressing', 'False', 'ReplicaSetCreateError', msg, this.now));
        this.writeStatus(status);
      }
      this.ctx.events.event(d, 'Warning', 'ReplicaSetCreateError', msg);
      return undefined;
    }
    this.replace(created);
    if ((created.spec.replicas ?? 0) > 0)
      this.ctx.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${created.spec.replicas}`);
    this.syncDeploymentRevision(String(newRevision));
    if (hasProgressDeadline(d)) {
      const status = { ...(this.d.status ?? {}) };
      setCondition(status, newCondition('Progressing', 'True', REASON.newRSCreated, `Created new replica set ${JSON.stringify(created.metadata.name)}`, this.now));
      this.writeStatus(status);
    }
    return created;
  }

  /** The Deployment's revision annotation mirrors its new ReplicaSet's. */
  private syncDeploymentRevision(revision: string): void {
    const ann = this.d.metadata.annotations ?? {};
    if (ann[REVISION] === revision) return;
    this.d = this.ctx.client.update(deploymentKind.type, {
      ...this.d,
      metadata: { ...this.d.metadata, annotations: { ...ann, [REVISION]: revision } },
    });
  }

  writeStatus(status: DeploymentStatus): void {
    this.d = this.ctx.client.updateStatus(deploymentKind.type, { ...this.d, status });
  }

  /** Scales one ReplicaSet, refreshing its replica annotations; records the event. */
  scaleReplicaSet(rs: ReplicaSet, newScale: number): { scaled: boolean; rs: ReplicaSet } {
    const oldScale = rs.spec.replicas ?? 0;
    const desired = String(replicasOf(this.d));
    const max = String(replicasOf(this.d) + maxSurge(this.d));
    const ann = rs.metadata.annotations ?? {};
    const sizeChanges = oldScale !== newScale;
    if (!sizeChanges && ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return { scaled: false, rs };
    const updated = this.replace(
      this.ctx.client.update(rsKind.type, {
        ...rs,
        metadata: { ...rs.metadata, annotations: { ...ann, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max } },
        spec: { ...rs.spec, replicas: newScale },
      }),
    );
    if (sizeChanges) {
      const op = newScale > oldScale ? 'up' : 'down';
      this.ctx.events.event(this.d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeChanges, rs: updated };
  }

  /** A change of spec.replicas shows as a desired-replicas annotation that no longer matches. */
  isScalingEvent(): boolean {
    const newRS = this.newReplicaSet(false);
    const want = String(replicasOf(this.d));
    return [...this.oldRSs(newRS), ...(newRS ? [newRS] : [])]
      .filter((rs) => (rs.spec.replicas ?? 0) > 0)
      .some((rs) => {
        const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
        return v !== undefined && v !== want;
      });
  }

  /** scale(): the active (or newest) ReplicaSet follows spec.replicas; several share it proportionally. */
  scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = this.d;
    const desired = replicasOf(d);
    const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => (rs.spec.replicas ?? 0) > 0);
    if (active.length <= 1) {
      const target = active[0] ?? newRS ?? [...oldRSs].sort(byCreation).pop();
      if (target && (target.spec.replicas ?? 0) !== desired) this.scaleReplicaSet(target, desired);
      return;
    }
    if (newRS && isSaturated(d, newRS)) {
      for (const old of oldRSs.filter((rs) => (rs.spec.replicas ?? 0) > 0)) this.scaleReplicaSet(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allowed = desired > 0 ? desired + maxSurge(d) : 0;
    const toAdd = allowed - specReplicas(active);
    if (toAdd === 0) return;
    // Larger first; ties go to the newer when growing and to the older when shrinking.
    const sorted = [...active].sort((a, b) => (b.spec.replicas ?? 0) - (a.spec.replicas ?? 0) || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)));
    const sizes = sorted.map((rs) => rs.spec.replicas ?? 0);
    let added = 0;
    sorted.forEach((rs, i) => {
      const share = this.proportion(rs, allowed, toAdd, added);
      sizes[i] += share;
      added += share;
    });
    sizes[0] = Math.max(0, sizes[0] + (toAdd - added));
    sorted.forEach((rs, i) => this.scaleReplicaSet(rs, sizes[i]));
  }

  /** GetProportion: this ReplicaSet's share of the replicas to add or remove. */
  private proportion(rs: ReplicaSet, allowed: number, toAdd: number, added: number): number {
    const size = rs.spec.replicas ?? 0;
    if (size === 0 || toAdd === added) return 0;
    let fraction: number;
    if (replicasOf(this.d) === 0) fraction = -size;
    else {
      const annotated = parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
      const base = Number.isFinite(annotated) ? annotated : this.d.status?.replicas ?? 0;
      fraction = base > 0 ? roundHalfAway((size * allowed) / base) - size : 0;
    }
    const remaining = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, remaining) : Math.max(fraction, remaining);
  }

  /** Deletes old, empty ReplicaSets beyond revisionHistoryLimit, oldest revision first. */
  cleanup(oldRSs: ReplicaSet[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    const excess = cleanable.length - limit;
    for (let i = 0; i < excess; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec.replicas ?? 0) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.ctx.client.delete(rsKind.type, rs.metadata.namespace, rs.metadata.name!);
      this.rsList = this.rsList.filter((r) => r.metadata.uid !== rs.metadata.uid);
    }
  }

  /** syncDeploymentStatus: counts and Available, written only when they changed. */
  syncStatus(newRS: ReplicaSet | undefined): void {
    const status = compactStatus(calculateStatus(this.d, this.rsList, newRS, this.now));
    if (!deepEqual(status, this.d.status ?? {})) this.writeStatus(status);
  }
}
