// The CronJob controller through the engine, on the cluster clock: one Job per scheduled time with
// its name, labels, annotation and owner; concurrency policies; the starting deadline and missed
// times; history limits; suspend; time zones; the schedule arithmetic; the kind's validation.
import { describe, expect, it } from 'vitest';
import { parseStandard } from '../../src/api/cron/parse';
import { cronjob as cronjobKind } from '../../src/api/kinds/cronjob';
import { event } from '../../src/api/kinds/event';
import { job as jobKind } from '../../src/api/kinds/job';
import type { CronJob, Event, Job } from '../../src/api/types';
import { mostRecentScheduleTime, nextScheduleDelay } from '../../src/controllers/cronjob/schedule';
import { newWorld, type World } from '../helpers/world';

const MIN = 60_000;

function createCronJob(w: World, name: string, spec: Partial<CronJob['spec']>, command = ['sh', '-c', 'date']): CronJob {
  return w.client.create<CronJob>(cronjobKind.type, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { metadata: { labels: { team: 'a' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command }] } } } },
      ...spec,
    },
  } as CronJob);
}

const getCj = (w: World, name: string) => w.client.get<CronJob>(cronjobKind.type, 'default', name);
const jobs = (w: World) => w.client.list<Job>(jobKind.type, 'default').map((j) => j.metadata.name).sort();
const events = (w: World, name: string) =>
  w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.kind === 'CronJob' && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => `${e.type} ${e.reason}: ${e.message}`);

// newWorld's clock starts at 2026-11-26T12:00:00Z: minute 29928240 since the epoch.
describe('the CronJob controller', () => {
  it('starts one Job a minute named by its scheduled minute, owned by the CronJob, and keeps three successful ones', () => {
    const w = newWorld();
    const cj = createCronJob(w, 'hello', {});
    w.engine.converge();
    expect(jobs(w)).toEqual([]);
    w.engine.advanceTo(w.clock.now() + 5 * MIN + 30_000);
    expect(jobs(w)).toEqual(['hello-29928243', 'hello-29928244', 'hello-29928245']);
    const j = w.client.get<Job>(jobKind.type, 'default', 'hello-29928245');
    expect(j.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-11-26T12:05:00Z' });
    expect(j.metadata.labels?.team).toBe('a');
    expect(j.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(getCj(w, 'hello').status).toEqual({ lastScheduleTime: '2026-11-26T12:05:00Z', lastSuccessfulTime: '2026-11-26T12:05:00Z' });
    const seen = events(w, 'hello');
    expect(seen.slice(0, 2)).toEqual(['Normal SuccessfulCreate: Created job hello-29928241', 'Normal SawCompletedJob: Saw completed job: hello-29928241, condition: Complete']);
    expect(seen).toContain('Normal SuccessfulDelete: Deleted job hello-29928241');
    expect(seen).toContain('Normal SuccessfulDelete: Deleted job hello-29928242');
  });

  it('with Forbid skips the times a long Job runs through, and starts the latest missed one when it ends', () => {
    const w = newWorld();
    createCronJob(w, 'slow', { concurrencyPolicy: 'Forbid' }, ['sh', '-c', 'sleep 150']);
    w.engine.advanceTo(w.clock.now() + 4 * MIN + 30_000);
    // 12:01's Job runs until 12:03:30 and holds back 12:02 and 12:03; when it ends, 12:03 (still
    // within its window, there being no starting deadline) starts at once and holds back 12:04.
    expect(jobs(w)).toEqual(['slow-29928241', 'slow-29928243']);
    // The recorder counts the repeats on one Event.
    const held = w.client.list<Event>(event.type, 'default').filter((e) => e.reason === 'JobAlreadyActive');
    expect(held.map((e) => [e.type, e.message, e.count])).toEqual([['Normal', 'Not starting job because prior execution is running and concurrency policy is Forbid', 3]]);
    expect(getCj(w, 'slow').status?.active?.map((r) => r.name)).toEqual(['slow-29928243']);
    expect(getCj(w, 'slow').status?.lastScheduleTime).toBe('2026-11-26T12:03:00Z');
  });

  it('with Replace deletes the running Job and starts the new one', () => {
    const w = newWorld();
    createCronJob(w, 'rep', { concurrencyPolicy: 'Replace' }, ['sh', '-c', 'sleep 600']);
    w.engine.advanceTo(w.clock.now() + 2 * MIN + 30_000);
    expect(jobs(w)).toEqual(['rep-29928242']);
    expect(events(w, 'rep')).toContain('Normal SuccessfulDelete: Deleted job rep-29928241');
    expect(getCj(w, 'rep').status?.active?.map((r) => r.name)).toEqual(['rep-29928242']);
  });

  it('with Allow lets Jobs overlap', () => {
    const w = newWorld();
    createCronJob(w, 'all', {}, ['sh', '-c', 'sleep 600']);
    w.engine.advanceTo(w.clock.now() + 3 * MIN + 30_000);
    expect(getCj(w, 'all').status?.active?.map((r) => r.name)).toEqual(['all-29928241', 'all-29928242', 'all-29928243']);
  });

  it('starts nothing while suspended, then only the latest missed time once resumed', () => {
    const w = newWorld();
    createCronJob(w, 'sus', { suspend: true });
    w.engine.advanceTo(w.clock.now() + 3 * MIN + 30_000);
    expect(jobs(w)).toEqual([]);
    w.client.patch(cronjobKind.type, 'default', 'sus', 'merge', { spec: { suspend: false } });
    w.engine.converge();
    expect(jobs(w)).toEqual(['sus-29928243']);
  });

  it('past the starting deadline reports the missed time and starts nothing for it', () => {
    const w = newWorld();
    createCronJob(w, 'late', { schedule: '0 * * * *', startingDeadlineSeconds: 10, suspend: true });
    w.engine.advanceTo(w.clock.now() + 60 * MIN + 20_000);
    w.client.patch(cronjobKind.type, 'default', 'late', 'merge', { spec: { suspend: false } });
    w.engine.converge();
    expect(jobs(w)).toEqual([]);
    // Within 10 s of the time it would still have run; 20 s after, the window is outside the deadline.
    expect(getCj(w, 'late').status).toEqual({});
  });

  it('reports too many missed start times, then starts the latest', () => {
    const w = newWorld();
    createCronJob(w, 'many', { suspend: true });
    w.engine.advanceTo(w.clock.now() + 200 * MIN + 30_000);
    w.client.patch(cronjobKind.type, 'default', 'many', 'merge', { spec: { suspend: false } });
    w.engine.converge();
    expect(events(w, 'many')).toEqual([
      'Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      'Normal SuccessfulCreate: Created job many-29928440',
      'Normal SawCompletedJob: Saw completed job: many-29928440, condition: Complete',
    ]);
  });

  it('keeps its schedule in its time zone and stamps the Job with the zone\'s offset', () => {
    const w = newWorld();
    createCronJob(w, 'tz', { schedule: '30 13 * * *', timeZone: 'Europe/Paris' });
    w.engine.advanceTo(w.clock.now() + 60 * MIN);
    const [name] = jobs(w);
    expect(name).toBe(`tz-${Date.parse('2026-11-26T12:30:00Z') / MIN}`);
    const j = w.client.get<Job>(jobKind.type, 'default', name!);
    expect(j.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-11-26T13:30:00+01:00');
  });

  it('forgets an active Job that was deleted', () => {
    const w = newWorld();
    createCronJob(w, 'gone', {}, ['sh', '-c', 'sleep 600']);
    w.engine.advanceTo(w.clock.now() + MIN + 10_000);
    w.client.delete(jobKind.type, 'default', 'gone-29928241');
    w.engine.converge();
    expect(getCj(w, 'gone').status?.active).toBeUndefined();
  });
});

describe('the schedule arithmetic (mostRecentScheduleTime)', () => {
  const cj = (created: string, last?: string, deadline?: number) =>
    ({ metadata: { creationTimestamp: created }, spec: { schedule: '*/5 * * * *', startingDeadlineSeconds: deadline }, status: last ? { lastScheduleTime: last } : {} }) as CronJob;
  const s = parseStandard('*/5 * * * *');
  const at = (t: string) => Date.parse(t);

  it('finds nothing before the first time, and the time itself once due', () => {
    expect(mostRecentScheduleTime(cj('2026-11-26T12:00:00Z'), at('2026-11-26T12:04:59Z'), s, true)).toEqual({ earliest: at('2026-11-26T12:00:00Z'), missed: 'none' });
    expect(mostRecentScheduleTime(cj('2026-11-26T12:00:00Z'), at('2026-11-26T12:05:00Z'), s, true).mostRecent).toBe(at('2026-11-26T12:05:00Z'));
  });

  it('counts missed times and returns the latest', () => {
    const r = mostRecentScheduleTime(cj('2026-11-26T12:00:00Z'), at('2026-11-26T12:17:00Z'), s, true);
    expect(r).toEqual({ earliest: at('2026-11-26T12:00:00Z'), mostRecent: at('2026-11-26T12:15:00Z'), missed: 'few' });
  });

  it('looks back no further than the starting deadline', () => {
    const r = mostRecentScheduleTime(cj('2026-11-26T12:00:00Z', undefined, 60), at('2026-11-26T12:17:00Z'), s, true);
    expect(r).toEqual({ earliest: at('2026-11-26T12:16:00Z'), missed: 'none' });
  });

  it('refuses a schedule that never fires', () => {
    expect(() => mostRecentScheduleTime(cj('2026-11-26T12:00:00Z'), at('2026-11-26T12:17:00Z'), parseStandard('0 0 30 2 *'), true)).toThrow('time difference between two schedules is less than 1 second');
  });

  it('wakes just after the next time', () => {
    expect(nextScheduleDelay(cj('2026-11-26T12:00:00Z', '2026-11-26T12:05:00Z'), at('2026-11-26T12:07:00Z'), s)).toBe(3 * MIN + 100);
  });
});

describe('the CronJob kind', () => {
  const base = (spec: Record<string, unknown>, name = 'x') =>
    ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name, namespace: 'default' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } }, ...spec },
    }) as unknown as CronJob;
  const refuse = (obj: CronJob) => {
    const w = newWorld();
    try {
      w.client.create(cronjobKind.type, obj);
    } catch (e) {
      return (e as Error).message;
    }
    return 'created';
  };

  it('defaults the policies and limits, and only the pod template of the job template', () => {
    const w = newWorld();
    const cj = w.client.create<CronJob>(cronjobKind.type, base({}));
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(cj.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(cj.status).toEqual({});
  });

  it('refuses what the API server refuses, in its words', () => {
    expect(refuse(base({ schedule: '61 * * * *' }))).toBe('CronJob.batch "x" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61');
    expect(refuse(base({ schedule: 'TZ=UTC * * * * *' }))).toBe('CronJob.batch "x" is invalid: spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    expect(refuse(base({ timeZone: 'Mars/Base' }))).toBe('CronJob.batch "x" is invalid: spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base');
    expect(refuse(base({ concurrencyPolicy: 'Sometimes' }))).toBe('CronJob.batch "x" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"');
    expect(refuse(base({}, 'a'.repeat(53)))).toBe(`CronJob.batch "${'a'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`);
    expect(refuse(base({ jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } }))).toBe(
      'CronJob.batch "x" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });
});
