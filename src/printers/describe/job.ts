// describe job (kubectl describeJob, v1.32).
import { formatLabelSelector } from '../../api/meta/selector';
import { parseTime } from '../../api/time';
import type { Job } from '../../api/types';
import { humanDuration } from '../age';
import { controlledBy, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { describePodTemplate } from './containers';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0, rfc1123z } from './writer';

/** capIndexesListOrNone: the indexes cut at the first comma from the 50th character on. */
function capIndexes(text: string | undefined): string {
  if (!text) return '<none>';
  const comma = text.indexOf(',', 50);
  return comma < 0 ? text : `${text.slice(0, comma)},...`;
}

export const describeJob: Describer<Job> = (job, ctx) => {
  const w = new DescribeWriter();
  const s = job.spec;
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(s.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controlledBy(job);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (s.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${s.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${s.completions ?? '<unset>'}\n`);
  if (s.completionMode !== undefined) w.write(LEVEL_0, `Completion Mode:\t${s.completionMode}\n`);
  if (s.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${s.suspend}\n`);
  if (s.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${s.backoffLimit}\n`);
  if (s.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${s.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(parseTime(st.completionTime)! - parseTime(st.startTime)!)}\n`);
  if (s.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${s.activeDeadlineSeconds}s\n`);
  const ready = st.ready;
  w.write(
    LEVEL_0,
    ready === undefined
      ? `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`
      : `Pods Statuses:\t${st.active ?? 0} Active (${ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`,
  );
  if (s.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes)}\n`);
  describePodTemplate(w, s.template);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(job), ctx.now);
  return w.toString();
};
