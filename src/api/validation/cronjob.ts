// ValidateCronJobCreate and ValidateCronJobUpdate of v1.32, loaded when a CronJob is written.
import { CronError, parseStandard } from '../cron/parse';
import { loadLocation } from '../cron/zone';
import { type FieldError, FieldPath, invalid, notSupported, required } from '../field';
import { validateJobTemplateSpec } from './job';
import type { CronJob } from '../types';
import { validateNonNegative } from './workload';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
/** A Job's name is the CronJob's and an 11-character suffix, within a DNS label's 63. */
const MAX_NAME_LENGTH = 52;

/** validateScheduleFormat: the schedule must parse, and a zone belongs in timeZone. */
function validateSchedule(schedule: string, allowTZ: boolean, timeZone: string | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  try {
    parseStandard(schedule);
  } catch (e) {
    if (!(e instanceof CronError)) throw e;
    errs.push(invalid(path, schedule, e.message));
  }
  if (allowTZ && schedule.includes('TZ') && timeZone !== undefined) errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  else if (!allowTZ && schedule.includes('TZ')) errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

const TIME_ZONE_PART = /^[A-Za-z._+\-0-9]+$/;

/** validateTimeZone: nil or an explicit IANA zone Go can load. */
function validateTimeZone(tz: string | undefined, path: string): FieldError[] {
  if (tz === undefined) return [];
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) return [invalid(path, tz, `unknown time zone ${tz}`)];
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local') errs.push(invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  const loaded = loadLocation(tz);
  if ('error' in loaded) errs.push(invalid(path, tz, loaded.error));
  return errs;
}

export function validateCronJobSpec(cj: CronJob, old: CronJob | undefined): FieldError[] {
  const spec = FieldPath.root('spec');
  const s = cj.spec ?? ({} as CronJob['spec']);
  const errs: FieldError[] = [];
  if (!s.schedule) errs.push(required('spec.schedule'));
  else errs.push(...validateSchedule(s.schedule, !!old?.spec.schedule?.includes('TZ'), s.timeZone, 'spec.schedule'));
  errs.push(...validateNonNegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!old || old.spec.timeZone !== s.timeZone) errs.push(...validateTimeZone(s.timeZone, 'spec.timeZone'));
  if (!s.concurrencyPolicy) errs.push(required('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(s.concurrencyPolicy)) errs.push(notSupported('spec.concurrencyPolicy', s.concurrencyPolicy, CONCURRENCY_POLICIES));
  errs.push(...validateJobTemplateSpec(s.jobTemplate?.spec ?? ({} as CronJob['spec']['jobTemplate']['spec']), spec.child('jobTemplate').child('spec')));
  errs.push(...validateNonNegative(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonNegative(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

/** ValidateCronJobCreate: the spec, then the name's room for the Jobs' suffix. */
export function validateCronJobCreate(cj: CronJob): FieldError[] {
  const errs = validateCronJobSpec(cj, undefined);
  const name = cj.metadata.name ?? '';
  if (name.length > MAX_NAME_LENGTH) errs.push(invalid('metadata.name', name, `must be no more than ${MAX_NAME_LENGTH} characters`));
  return errs;
}
