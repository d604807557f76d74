// jobs: NAME STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR (v1.32's printJob)
import type { Job } from '../../api/types';
import { parseTime } from '../../api/time';
import { age, humanDuration } from '../age';
import type { TableDef } from './table';
import { containerImages, containerNames, selectorText } from './workload';

const has = (j: Job, type: string) => !!j.status?.conditions?.some((c) => c.type === type && c.status === 'True');

function status(j: Job): string {
  if (has(j, 'Complete')) return 'Complete';
  if (has(j, 'Failed')) return 'Failed';
  if (j.metadata.deletionTimestamp) return 'Terminating';
  if (has(j, 'Suspended')) return 'Suspended';
  if (has(j, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(j: Job): string {
  const succeeded = j.status?.succeeded ?? 0;
  if (j.spec.completions !== undefined) return `${succeeded}/${j.spec.completions}`;
  const parallelism = j.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(j: Job, now: number): string {
  const start = parseTime(j.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(j.status?.completionTime) ?? now;
  return humanDuration(end - start);
}

export const jobTable: TableDef<Job> = {
  columns: [
    { name: 'Name', cell: (j) => j.metadata.name ?? '' },
    { name: 'Status', cell: status },
    { name: 'Completions', cell: completions },
    { name: 'Duration', cell: (j, c) => duration(j, c.now) },
    { name: 'Age', cell: (j, c) => age(j.metadata.creationTimestamp, c.now) },
    { name: 'Containers', priority: 1, cell: (j) => containerNames(j.spec.template) },
    { name: 'Images', priority: 1, cell: (j) => containerImages(j.spec.template) },
    { name: 'Selector', priority: 1, cell: (j) => selectorText(j.spec.selector) },
  ],
};
