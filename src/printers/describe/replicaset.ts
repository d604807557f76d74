// describe replicaset (kubectl describeReplicaSet).
import { controllerRef } from '../../api/meta/ownerrefs';
import { formatLabelSelector } from '../../api/meta/selector';
import type { Pod, ReplicaSet } from '../../api/types';
import { controlledBy, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { describePodTemplate } from './containers';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

/** "<n> Running / <n> Waiting / <n> Succeeded / <n> Failed" over the pods a controller owns. */
export function podsStatus(pods: readonly Pod[]): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of pods) {
    switch (p.status?.phase) {
      case 'Running':
        running++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
      default:
        waiting++;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

export const describeReplicaSet: Describer<ReplicaSet> = (rs, ctx) => {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
  const pods = ctx.lookup.list<Pod>('Pod', rs.metadata.namespace).filter((p) => controllerRef(p)?.uid === rs.metadata.uid);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, rs.spec.template);
  if (rs.status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of rs.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(rs), ctx.now);
  return w.toString();
};
