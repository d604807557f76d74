// The PVC protection controller (pkg/controller/volume/pvcprotection): a claim being deleted keeps
// its kubernetes.io/pvc-protection finalizer while a pod that has not finished uses it, and loses
// it (and so goes) once none does.
import { PVC_PROTECTION, persistentvolumeclaim as pvcKind } from '../api/kinds/persistentvolumeclaim';
import { pod as podKind } from '../api/kinds/pod';
import type { ObjectKey, PersistentVolumeClaim, Pod } from '../api/types';
import { INDEX, keyOfObject } from '../client/informer';
import type { Controller } from '../engine/controller';

const claimsOf = (p: Pod): ObjectKey[] =>
  (p.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [{ namespace: p.metadata.namespace, name: v.persistentVolumeClaim.claimName }] : []));

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

export const pvcProtectionController: Controller = {
  name: 'pvc-protection-controller',

  watches: [
    { type: pvcKind.type },
    // A pod that ends or goes may free the claims it used.
    { type: podKind.type, keys: (e) => (e.type === 'DELETED' || finished(e.object as Pod) ? claimsOf(e.object as Pod) : []) },
  ],

  resync: (ctx) => ctx.client.list<PersistentVolumeClaim>(pvcKind.type).filter((c) => c.metadata.deletionTimestamp).map(keyOfObject),

  reconcile(ctx, key) {
    const claim = ctx.client.tryGet<PersistentVolumeClaim>(pvcKind.type, key.namespace, key.name);
    if (!claim?.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    const inUse = ctx.informers
      .for<Pod>(podKind.type)
      .byIndex(INDEX.namespace, claim.metadata.namespace!)
      .some((p) => !finished(p) && claimsOf(p).some((k) => k.name === claim.metadata.name));
    if (inUse) return;
    const finalizers = claim.metadata.finalizers.filter((f) => f !== PVC_PROTECTION);
    ctx.client.patch(pvcKind.type, claim.metadata.namespace, claim.metadata.name!, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, uid: claim.metadata.uid } });
  },
};
