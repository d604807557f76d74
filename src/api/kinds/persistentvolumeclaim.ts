// v1 PersistentVolumeClaim: the object, its defaults (volumeMode Filesystem, phase Pending) and
// the finalizer the StorageObjectInUseProtection admission plugin adds on create. Binding a claim
// to a volume comes with simulated storage; until then a claim stays Pending.
import { type FieldError, required } from '../field';
import type { PersistentVolumeClaim } from '../types';
import { STANDARD_VERBS, defineKind, statusOf } from './kind';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';

/** SetDefaults_PersistentVolumeClaim and its spec's: also applied to a StatefulSet's claim templates. */
export function defaultClaim(pvc: PersistentVolumeClaim): void {
  const spec = (pvc.spec ??= {});
  spec.volumeMode ??= 'Filesystem';
  const status = (pvc.status ??= {});
  status.phase ??= 'Pending';
}

/** The parts of ValidatePersistentVolumeClaimSpec a claim most often gets wrong. */
export function validateClaimSpec(pvc: PersistentVolumeClaim, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!pvc.spec?.accessModes?.length) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required'));
  if (pvc.spec?.resources?.requests?.storage === undefined) errs.push(required(`${path}.resources[storage]`));
  return errs;
}

export const persistentvolumeclaim = defineKind<PersistentVolumeClaim>({
  type: {
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    resource: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    namespaced: true,
    verbs: STANDARD_VERBS,
    subresources: [statusOf('PersistentVolumeClaim')],
  },
  strategy: {
    schemaType: 'PersistentVolumeClaim',
    statusSubresource: true,
    tracksGeneration: false,
    defaults: defaultClaim,
    prepareForCreate(pvc) {
      pvc.status = { phase: 'Pending' };
      const finalizers = pvc.metadata.finalizers ?? [];
      if (!finalizers.includes(PVC_PROTECTION)) pvc.metadata.finalizers = [...finalizers, PVC_PROTECTION];
    },
    validate: (pvc) => validateClaimSpec(pvc, 'spec'),
  },
});
