// The CronJob controller's reading of a schedule (pkg/controller/cronjob/utils.go): which
// scheduled time is due now, how many were missed on the way, and when to look again.
import { nextAfter } from '../../api/cron/next';
import { type Schedule, parseStandard } from '../../api/cron/parse';
import { loadLocation } from '../../api/cron/zone';
import { parseTime } from '../../api/time';
import type { CronJob } from '../../api/types';

export type Missed = 'none' | 'few' | 'many';

/** A look just after the scheduled time, so the time has certainly come. */
const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed times than this are reported as too many rather than counted. */
const MANY_MISSED = 100;

export class ScheduleError extends Error {}

/** The schedule as the controller parses it: the CronJob's timeZone as a TZ= prefix (formatSchedule). */
export function scheduleOf(cj: CronJob): Schedule {
  const { schedule, timeZone } = cj.spec;
  // A TZ= in the schedule itself wins; a zone that does not load leaves the schedule as it is.
  if (schedule.includes('TZ') || timeZone === undefined || 'error' in loadLocation(timeZone)) return parseStandard(schedule);
  return parseStandard(`TZ=${timeZone} ${schedule}`);
}

interface Recent {
  /** Where the search started: the last scheduled time, else the CronJob's creation. */
  earliest: number;
  /** The latest scheduled time not after now, if any since `earliest`. */
  mostRecent?: number;
  missed: Missed;
}

/**
 * mostRecentScheduleTime: the latest scheduled time due since the last one (or the creation, or
 * the starting deadline's window); the missed count is estimated from the gap between two
 * consecutive times, as Kubernetes estimates it.
 */
export function mostRecentScheduleTime(cj: CronJob, now: number, schedule: Schedule, withDeadline: boolean): Recent {
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
  const deadline = cj.spec.startingDeadlineSeconds;
  if (withDeadline && deadline !== undefined) earliest = Math.max(earliest, now - deadline * 1000);
  const t1 = nextAfter(schedule, earliest);
  const t2 = t1 === undefined ? undefined : nextAfter(schedule, t1);
  // Go's zero time is long before now: a schedule that never fires falls through to the gap check.
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) throw new ScheduleError('time difference between two schedules is less than 1 second');
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  // Start a little before the estimate and let the schedule find the exact times.
  const potentialEarliest = t1! + (missedCount - 2) * between * 1000;
  for (let t = nextAfter(schedule, potentialEarliest); t !== undefined && t <= now; t = nextAfter(schedule, t)) mostRecent = t;
  const missed: Missed = missedCount > MANY_MISSED ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: how long until the controller should look again. */
export function nextScheduleDelay(cj: CronJob, now: number, schedule: Schedule): number | undefined {
  let from: number;
  try {
    const r = mostRecentScheduleTime(cj, now, schedule, false);
    from = r.mostRecent ?? (r.missed === 'none' ? r.earliest : now);
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    from = now;
  }
  const next = nextAfter(schedule, from);
  // Go's zero time minus now is a large negative duration: the key is looked at again at once.
  if (next === undefined) return undefined;
  return next + NEXT_SCHEDULE_DELTA_MS - now;
}

/** Job names carry the scheduled time in minutes since the epoch. */
export function jobNameFor(cj: CronJob, scheduledAt: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduledAt / 60_000)}`;
}
