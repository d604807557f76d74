// describe cronjob (kubectl describeCronJob, v1.32): the schedule and its policies, the job
// template (describeJobTemplate), the last schedule and the active Jobs.
import { formatLabelSelector } from '../../api/meta/selector';
import type { CronJob, JobTemplateSpec, ObjectReference } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { describePodTemplate } from './containers';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0, rfc1123z } from './writer';

const orUnset = (v: number | undefined, unit = '') => (v === undefined ? '<unset>' : `${v}${unit}`);

function describeJobTemplate(w: DescribeWriter, t: JobTemplateSpec | undefined): void {
  const s = t?.spec;
  w.write(LEVEL_0, `Selector:\t${s?.selector ? formatLabelSelector(s.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${orUnset(s?.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${orUnset(s?.completions)}\n`);
  if (s?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${s.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, s?.template);
}

function printActiveJobs(w: DescribeWriter, jobs: readonly ObjectReference[] | undefined): void {
  w.write(LEVEL_0, `Active Jobs:\t${jobs?.length ? jobs.map((j) => j.name).join(', ') : '<none>'}\n`);
}

export const describeCronJob: Describer<CronJob> = (cj, ctx) => {
  const w = new DescribeWriter();
  const s = cj.spec;
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${s.schedule}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${s.concurrencyPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Suspend:\t${s.suspend === undefined ? '<unset>' : s.suspend ? 'True' : 'False'}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(s.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(s.failedJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(s.startingDeadlineSeconds, 's')}\n`);
  describeJobTemplate(w, s.jobTemplate);
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  printActiveJobs(w, cj.status?.active);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(cj), ctx.now);
  return w.toString();
};
