// A CronJob's finished Jobs: how each ended, and the oldest deleted beyond the history limits
// (cleanupFinishedJobs, removeOldestJobs and deleteJob of the CronJob controller).
import { job as jobKind } from '../../api/kinds/job';
import { parseTime } from '../../api/time';
import type { CronJob, CronJobStatus, Job } from '../../api/types';
import type { ReconcileContext } from '../../engine/controller';

/** "Complete" or "Failed" once the Job has finished, else undefined. */
export function finishedCondition(j: Job): 'Complete' | 'Failed' | undefined {
  const c = j.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

/** Deletes a Job (its pods in the background) and drops it from the active list. */
export function deleteJob(ctx: ReconcileContext, cj: CronJob, status: CronJobStatus, job: Job): boolean {
  try {
    ctx.client.delete(jobKind.type, job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Background' });
  } catch (e) {
    ctx.events.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${(e as Error).message}`);
    return false;
  }
  const rest = (status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
  status.active = rest.length ? rest : undefined;
  ctx.events.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  return true;
}

/** Oldest first by start time (Jobs never started last), then by name. */
function byStartTime(a: Job, b: Job): number {
  const sa = parseTime(a.status?.startTime);
  const sb = parseTime(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
  return sa! - sb!;
}

function removeOldest(ctx: ReconcileContext, cj: CronJob, status: CronJobStatus, jobs: Job[], keep: number): boolean {
  const excess = jobs.length - keep;
  if (excess <= 0) return false;
  let changed = false;
  for (const j of [...jobs].sort(byStartTime).slice(0, excess)) if (deleteJob(ctx, cj, status, j)) changed = true;
  return changed;
}

/** Deletes the oldest successful and failed Jobs beyond their limits; true if any went. */
export function cleanupFinishedJobs(ctx: ReconcileContext, cj: CronJob, status: CronJobStatus, jobs: readonly Job[]): boolean {
  const { successfulJobsHistoryLimit: okLimit, failedJobsHistoryLimit: failedLimit } = cj.spec;
  if (okLimit === undefined && failedLimit === undefined) return false;
  const live = jobs.filter((j) => !j.metadata.deletionTimestamp);
  const succeeded = live.filter((j) => finishedCondition(j) === 'Complete');
  const failed = live.filter((j) => finishedCondition(j) === 'Failed');
  let changed = false;
  if (okLimit !== undefined && removeOldest(ctx, cj, status, succeeded, okLimit)) changed = true;
  if (failedLimit !== undefined && removeOldest(ctx, cj, status, failed, failedLimit)) changed = true;
  return changed;
}
