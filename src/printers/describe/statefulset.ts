// describe statefulset (kubectl describeStatefulSet, v1.32): identity, replicas, update strategy,
// the pods by phase, the pod template and the volume claim templates.
import { controllerRef } from '../../api/meta/ownerrefs';
import { formatLabelSelector, fromLabelSelector, matches } from '../../api/meta/selector';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types';
import { claimClass } from '../table/persistentvolumeclaim';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { describePodTemplate } from './containers';
import type { Describer } from './describer';
import { podsStatus } from './replicaset';
import { DescribeWriter, LEVEL_0, LEVEL_1, rfc1123z } from './writer';

function describeVolumeClaimTemplates(w: DescribeWriter, templates: readonly PersistentVolumeClaim[] | undefined): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata.name}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    // Both with the labels' printer, as kubectl prints them.
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata.annotations, '  ');
    w.write(LEVEL_1, `Capacity:\t${pvc.spec.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec.accessModes ?? []).join(' ')}]\n`);
  }
}

export const describeStatefulSet: Describer<StatefulSet> = (sts, ctx) => {
  const w = new DescribeWriter();
  const { spec } = sts;
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', sts.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  const selector = fromLabelSelector(spec.selector) ?? [];
  const pods = ctx.lookup.list<Pod>('Pod', sts.metadata.namespace).filter((p) => matches(selector, p.metadata.labels) && controllerRef(p)?.uid === sts.metadata.uid);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, spec.template);
  describeVolumeClaimTemplates(w, spec.volumeClaimTemplates);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(sts), ctx.now);
  return w.toString();
};
