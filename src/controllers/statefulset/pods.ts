// A StatefulSet's pods and claims (stateful_set_utils.go, stateful_pod_control.go): the pod of
// each ordinal with its stable identity (name, hostname, subdomain, labels) and its claims'
// volumes; the claims created before the pod and kept after it, owned as the retention policy says.
import { revisionTemplate } from '../../api/apps/revisions';
import { CONTROLLER_REVISION_HASH, POD_INDEX_LABEL, POD_NAME_LABEL, claimName, podName } from '../../api/apps/statefulsets';
import { persistentvolumeclaim as pvcKind } from '../../api/kinds/persistentvolumeclaim';
import { pod as podKind } from '../../api/kinds/pod';
import { clone } from '../../api/meta/equal';
import { newControllerRef } from '../../api/meta/ownerrefs';
import type { PodView } from '../../api/pod/view';
import type { ControllerRevision, KubeObject, PersistentVolumeClaim, Pod, PodTemplateSpec, StatefulSet, Volume } from '../../api/types';
import type { ReconcileContext } from '../../engine/controller';

/** getPersistentVolumeClaims: the claims of an ordinal, labelled with the set's selector. */
export function claimsFor(sts: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  return (sts.spec.volumeClaimTemplates ?? []).map((t) => {
    const claim = clone(t);
    claim.metadata = { ...claim.metadata, name: claimName(sts, t, ordinal), namespace: sts.metadata.namespace, labels: { ...(t.metadata.labels ?? {}), ...(sts.spec.selector.matchLabels ?? {}) } };
    return claim;
  });
}

/** newVersionedStatefulSetPod: the pod of an ordinal, made from a revision's template. */
export function newPod(sts: StatefulSet, revision: ControllerRevision, template: PodTemplateSpec, ordinal: number): Pod {
  const name = podName(sts, ordinal);
  const t = clone(template);
  const metadata: Pod['metadata'] = {
    name,
    namespace: sts.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH]: revision.metadata.name! },
    ownerReferences: [newControllerRef(sts)],
  };
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata.finalizers = t.metadata.finalizers;
  const spec = t.spec;
  spec.hostname = name;
  if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
  // updateStorage: each claim template becomes the volume of its name.
  const claims = claimsFor(sts, ordinal);
  if (claims.length) {
    const templates = new Set((sts.spec.volumeClaimTemplates ?? []).map((c) => c.metadata.name));
    const volumes: Volume[] = claims.map((c, i) => ({ name: sts.spec.volumeClaimTemplates![i]!.metadata.name!, persistentVolumeClaim: { claimName: c.metadata.name! } }) as Volume);
    spec.volumes = [...volumes, ...(spec.volumes ?? []).filter((v) => !templates.has(v.name))];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** The template a revision records: the update revision's is the set's own. */
export function templateOf(sts: StatefulSet, revision: ControllerRevision, update: ControllerRevision): PodTemplateSpec {
  return revision === update ? sts.spec.template : revisionTemplate(revision);
}

/** Sets the claim's controller to `owner` (or none), as the retention policy wants it. */
function ownClaim(ctx: ReconcileContext, claim: PersistentVolumeClaim, owner: KubeObject | undefined): void {
  const refs = claim.metadata.ownerReferences ?? [];
  const want = owner ? [newControllerRef(owner)] : [];
  const others = refs.filter((r) => !r.controller);
  if (refs.filter((r) => r.controller).map((r) => r.uid).join() === want.map((r) => r.uid).join()) return;
  ctx.client.patch(pvcKind.type, claim.metadata.namespace, claim.metadata.name!, 'merge', { metadata: { ownerReferences: [...others, ...want], uid: claim.metadata.uid } });
}

/**
 * CreateStatefulPod: the claims that are missing first (each with its event), then the pod.
 * Returns false if a claim is being deleted (the pod waits for it to go).
 */
export function createPod(ctx: ReconcileContext, sts: StatefulSet, pod: Pod, ordinal: number): boolean {
  const whenDeleted = sts.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted;
  for (const claim of claimsFor(sts, ordinal)) {
    const existing = ctx.client.tryGet<PersistentVolumeClaim>(pvcKind.type, claim.metadata.namespace, claim.metadata.name!);
    if (existing?.metadata.deletionTimestamp) return false;
    if (existing) continue;
    try {
      const made = ctx.client.create<PersistentVolumeClaim>(pvcKind.type, claim);
      ctx.events.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} success`);
      if (whenDeleted === 'Delete') ownClaim(ctx, made, sts);
    } catch (e) {
      ctx.events.event(sts, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} failed error: ${(e as Error).message}`);
      return false;
    }
  }
  try {
    ctx.client.create(podKind.type, pod);
    ctx.events.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
  } catch (e) {
    ctx.events.event(sts, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} failed error: ${(e as Error).message}`);
    return false;
  }
  return true;
}

/** DeleteStatefulPod; a pod scaled away first hands its claims to itself when whenScaled is Delete. */
export function deletePod(ctx: ReconcileContext, sts: StatefulSet, pod: PodView, scaledAway: boolean, ordinal: number): void {
  if (scaledAway && sts.spec.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete')
    for (const claim of claimsFor(sts, ordinal)) {
      const existing = ctx.client.tryGet<PersistentVolumeClaim>(pvcKind.type, claim.metadata.namespace, claim.metadata.name!);
      if (existing) ownClaim(ctx, existing, pod as unknown as KubeObject);
    }
  ctx.client.delete(podKind.type, pod.metadata.namespace, pod.metadata.name!);
  ctx.events.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
}
