// describe deployment (kubectl describeDeployment).
import { deploymentReplicaSets } from '../../api/apps/replicasets';
import { formatLabelSelector } from '../../api/meta/selector';
import type { Deployment, ReplicaSet } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { describePodTemplate } from './containers';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0, LEVEL_1, rfc1123z } from './writer';

function replicaSetsText(list: readonly ReplicaSet[]): string {
  if (!list.length) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ');
}

export const describeDeployment: Describer<Deployment> = (d, ctx) => {
  const w = new DescribeWriter();
  const status = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(d.spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(w, d.spec.template);
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  // In the API's list order (by name), as kubectl prints them.
  const { newRS, old } = deploymentReplicaSets(d, ctx.lookup.list<ReplicaSet>('ReplicaSet', d.metadata.namespace));
  if (newRS || old.length) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(old)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(d), ctx.now);
  return w.toString();
};
