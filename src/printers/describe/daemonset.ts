// describe daemonset (kubectl describeDaemonSet; v1.32 prints no Namespace line).
import { controllerRef } from '../../api/meta/ownerrefs';
import { formatLabelSelector, formatLabels, fromLabelSelector, matches } from '../../api/meta/selector';
import type { DaemonSet, Pod } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { describePodTemplate } from './containers';
import type { Describer } from './describer';
import { podsStatus } from './replicaset';
import { DescribeWriter, LEVEL_0 } from './writer';

export const describeDaemonSet: Describer<DaemonSet> = (ds, ctx) => {
  const w = new DescribeWriter();
  const s = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
  const selector = fromLabelSelector(ds.spec.selector) ?? [];
  const pods = ctx.lookup.list<Pod>('Pod', ds.metadata.namespace).filter((p) => matches(selector, p.metadata.labels) && controllerRef(p)?.uid === ds.metadata.uid);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, ds.spec.template);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(ds), ctx.now);
  return w.toString();
};
