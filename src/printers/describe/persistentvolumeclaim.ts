// describe persistentvolumeclaim (kubectl describePersistentVolumeClaim, v1.32): class, phase,
// volume, finalizers, capacity once bound, and the pods that use it.
import type { PersistentVolumeClaim, Pod } from '../../api/types';
import { age } from '../age';
import { accessModesText, claimClass } from '../table/persistentvolumeclaim';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0 } from './writer';

export const describePersistentVolumeClaim: Describer<PersistentVolumeClaim> = (pvc, ctx) => {
  const w = new DescribeWriter();
  const bound = !!pvc.spec.volumeName;
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  w.write(LEVEL_0, pvc.metadata.deletionTimestamp ? `Status:\tTerminating (lasts ${age(pvc.metadata.deletionTimestamp, ctx.now)})\n` : `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]\n`);
  w.write(LEVEL_0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  if (pvc.spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (pvc.spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${pvc.spec.dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${pvc.spec.dataSource.kind}\n`);
    w.write(1, `Name:\t${pvc.spec.dataSource.name}\n`);
  }
  // The pods whose volumes name it, and those that own it.
  const users = ctx.lookup
    .list<Pod>('Pod', pvc.metadata.namespace)
    .filter((p) => p.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name) || pvc.metadata.ownerReferences?.some((r) => r.kind === 'Pod' && r.uid === p.metadata.uid))
    .map((p) => p.metadata.name!)
    .sort();
  w.write(LEVEL_0, `Used By:\t${users.length ? users.join('\n\t') : '<none>'}\n`);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(pvc), ctx.now);
  return w.toString();
};
