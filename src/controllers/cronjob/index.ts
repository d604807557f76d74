// The CronJob controller (pkg/controller/cronjob, ControllerV2): keeps status.active in step with
// the CronJob's Jobs, starts a Job for the latest scheduled time that is due (within the starting
// deadline, as concurrencyPolicy allows), deletes the oldest finished Jobs beyond the history
// limits, and asks to be woken just after the next scheduled time.
import { cronjob as cronjobKind } from '../../api/kinds/cronjob';
import { job as jobKind } from '../../api/kinds/job';
import { CronError } from '../../api/cron/parse';
import { loadLocation } from '../../api/cron/zone';
import { controllerRef } from '../../api/meta/ownerrefs';
import { deepEqual } from '../../api/meta/equal';
import { parseTime, rfc1123zAt, rfc3339 } from '../../api/time';
import type { CronJob, CronJobStatus, Job, ObjectKey } from '../../api/types';
import { referenceTo } from '../../client/events';
import { INDEX, keyOfObject } from '../../client/informer';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { jobFromTemplate } from './jobs';
import { cleanupFinishedJobs, deleteJob, finishedCondition } from './history';
import { ScheduleError, jobNameFor, mostRecentScheduleTime, nextScheduleDelay, scheduleOf } from './schedule';

/** A Job write concerns the CronJob its controller reference names. */
function ownerKey(job: Job): ObjectKey[] {
  const ref = controllerRef(job);
  return ref?.kind === 'CronJob' && ref.apiVersion === 'batch/v1' ? [{ namespace: job.metadata.namespace, name: ref.name }] : [];
}

interface Sync {
  status: CronJobStatus;
  changed: boolean;
  requeueMs?: number;
}

export const cronJobController: Controller = {
  name: 'cronjob-controller',

  watches: [
    { type: cronjobKind.type },
    { type: jobKind.type, keys: (e) => [...ownerKey(e.object as Job), ...(e.oldObject ? ownerKey(e.oldObject as Job) : [])] },
  ],

  resync: (ctx) => ctx.client.list<CronJob>(cronjobKind.type).map(keyOfObject),

  reconcile(ctx, key) {
    const cj = ctx.client.tryGet<CronJob>(cronjobKind.type, key.namespace, key.name);
    if (!cj) return;
    const jobs = ctx.informers
      .for<Job>(jobKind.type)
      .byIndex(INDEX.controller, cj.metadata.uid!)
      .filter((j) => j.metadata.namespace === cj.metadata.namespace);
    // The history is cleaned first; the sync still sees the Jobs it deleted (their completion times count).
    const status: CronJobStatus = { ...cj.status, active: cj.status?.active ? [...cj.status.active] : undefined };
    const cleaned = cleanupFinishedJobs(ctx, cj, status, jobs);
    const sync = syncCronJob(ctx, cj, status, jobs);
    if (cleaned) sync.changed = true;
    const next = orderedStatus(sync.status);
    if (sync.changed && !deepEqual(next, cj.status ?? {})) ctx.client.updateStatus(cronjobKind.type, { ...cj, status: next });
    return sync.requeueMs !== undefined ? { requeueAfterMs: Math.max(0, sync.requeueMs) } : undefined;
  },
};

const inActive = (status: CronJobStatus, uid: string | undefined) => !!status.active?.some((r) => r.uid === uid);

function removeActive(status: CronJobStatus, uid: string | undefined): void {
  const rest = (status.active ?? []).filter((r) => r.uid !== uid);
  status.active = rest.length ? rest : undefined;
}

/** syncCronJob: the status's view of the Jobs, then at most one new Job. */
function syncCronJob(ctx: ReconcileContext, cj: CronJob, status: CronJobStatus, jobs: readonly Job[]): Sync {
  const now = ctx.clock.now();
  const out: Sync = { status, changed: false };
  const children = new Set<string>();
  for (const j of jobs) {
    children.add(j.metadata.uid!);
    const found = inActive(status, j.metadata.uid);
    const finished = finishedCondition(j);
    if (!found && !finished) {
      ctx.events.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
    } else if (finished) {
      if (found) {
        removeActive(status, j.metadata.uid);
        ctx.events.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished}`);
        out.changed = true;
      }
      // Any successful Job counts for the last success, active or not.
      const completed = parseTime(j.status?.completionTime);
      const last = parseTime(status.lastSuccessfulTime);
      if (finished === 'Complete' && completed !== undefined && (last === undefined || completed > last)) {
        status.lastSuccessfulTime = j.status!.completionTime;
        out.changed = true;
      }
    }
  }
  // An active Job that is gone no longer holds the CronJob.
  for (const ref of [...(status.active ?? [])]) {
    if (children.has(ref.uid!)) continue;
    if (ctx.client.tryGet<Job>(jobKind.type, ref.namespace, ref.name!)) continue;
    ctx.events.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    removeActive(status, ref.uid);
    out.changed = true;
  }
  if (cj.metadata.deletionTimestamp) return out;

  const tz = cj.spec.timeZone;
  if (tz !== undefined) {
    const zone = loadLocation(tz);
    if ('error' in zone) {
      ctx.events.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${zone.error}`);
      return out;
    }
  }
  if (cj.spec.suspend) return out;

  if (cj.spec.schedule.includes('TZ'))
    ctx.events.event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
  let schedule;
  try {
    schedule = scheduleOf(cj);
  } catch (e) {
    if (!(e instanceof CronError)) throw e;
    ctx.events.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${e.message}`);
    return out;
  }
  const requeue = () => {
    out.requeueMs = nextScheduleDelay({ ...cj, status }, now, schedule);
    return out;
  };

  let scheduled: number | undefined;
  try {
    const recent = mostRecentScheduleTime({ ...cj, status }, now, schedule, true);
    if (recent.mostRecent !== undefined && recent.missed === 'many')
      ctx.events.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    scheduled = recent.mostRecent;
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    ctx.events.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${e.message}`);
    return out;
  }
  if (scheduled === undefined) return requeue();

  const deadline = cj.spec.startingDeadlineSeconds;
  if (deadline !== undefined && scheduled + deadline * 1000 < now) {
    ctx.events.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123zAt(scheduled, 0)}`);
    return requeue();
  }
  const name = jobNameFor(cj, scheduled);
  if (status.active?.some((r) => r.name === name) || parseTime(status.lastScheduleTime) === scheduled) return requeue();
  if (cj.spec.concurrencyPolicy === 'Forbid' && status.active?.length) {
    ctx.events.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return requeue();
  }
  if (cj.spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...(status.active ?? [])]) {
      const job = ctx.client.tryGet<Job>(jobKind.type, ref.namespace, ref.name!);
      if (!job) continue;
      deleteJob(ctx, cj, status, job);
      out.changed = true;
    }
  }

  let created: Job;
  try {
    created = ctx.client.create<Job>(jobKind.type, jobFromTemplate(cj, scheduled));
    ctx.events.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
  } catch (e) {
    const existing = ctx.client.tryGet<Job>(jobKind.type, cj.metadata.namespace, name);
    if (!existing) {
      ctx.events.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
      return out;
    }
    // Made by someone else: theirs to account for, unless it is ours and the status forgot it.
    if (controllerRef(existing)?.uid !== cj.metadata.uid || inActive(status, existing.metadata.uid)) return out;
    created = existing;
  }
  status.active = [...(status.active ?? []), referenceTo(created)];
  status.lastScheduleTime = rfc3339(scheduled);
  out.changed = true;
  return requeue();
}

/** The status with its fields in the API's order. */
function orderedStatus(s: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (s.active?.length) out.active = s.active;
  if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
  if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
  return out;
}
