// persistentvolumeclaims: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE | VOLUMEMODE
// (v1.32's printPersistentVolumeClaim)
import type { PersistentVolumeClaim } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

const MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** GetAccessModesAsString: the modes held, abbreviated, in a fixed order. */
export function accessModesText(modes: readonly string[] | undefined): string {
  return MODES.filter(([m]) => modes?.includes(m))
    .map(([, short]) => short)
    .join(',');
}

/** GetPersistentVolumeClaimClass: the class named in the spec, else in the beta annotation. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

const bound = (pvc: PersistentVolumeClaim) => !!pvc.spec.volumeName;

export const persistentVolumeClaimTable: TableDef<PersistentVolumeClaim> = {
  columns: [
    { name: 'Name', cell: (c) => c.metadata.name ?? '' },
    { name: 'Status', cell: (c) => (c.metadata.deletionTimestamp ? 'Terminating' : (c.status?.phase ?? '')) },
    { name: 'Volume', cell: (c) => c.spec.volumeName ?? '' },
    { name: 'Capacity', cell: (c) => (bound(c) ? (c.status?.capacity?.storage ?? '') : '') },
    { name: 'Access Modes', cell: (c) => (bound(c) ? accessModesText(c.status?.accessModes) : '') },
    { name: 'StorageClass', cell: claimClass },
    { name: 'VolumeAttributesClass', cell: (c) => c.spec.volumeAttributesClassName ?? '<unset>' },
    { name: 'Age', cell: (c, ctx) => age(c.metadata.creationTimestamp, ctx.now) },
    { name: 'VolumeMode', priority: 1, cell: (c) => c.spec.volumeMode ?? '<unset>' },
  ],
};
