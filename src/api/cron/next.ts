// When a schedule next fires: robfig/cron v3's SpecSchedule.Next, field by field in the schedule's
// zone, with its DST corrections (a day that does not start at midnight) and its five-year limit.
import type { CronField, Schedule, SpecSchedule } from './parse';
import { type Civil, UTC, type Zone, civil, dateIn } from './zone';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const has = (f: CronField, v: number) => f.bits[v] === true;

/** Day of month and day of week both restricted: either may match; else both must. */
function dayMatches(s: SpecSchedule, c: Civil): boolean {
  const domMatch = has(s.dom, c.day);
  const dowMatch = has(s.dow, c.weekday);
  return s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch;
}

const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;

/** The first time strictly after `t` (whole seconds) the schedule fires, or undefined if none within five years. */
export function nextAfter(schedule: Schedule, t: number, defaultZone: Zone = UTC): number | undefined {
  if (schedule.kind === 'every') return t + schedule.delayMs - (t - floorTo(t, SECOND));
  const s = schedule;
  const zone = s.zone ?? defaultZone;
  t = floorTo(t, SECOND) + SECOND;
  let added = false;
  let c = civil(t, zone);
  const yearLimit = c.year + 5;
  const move = (to: number) => {
    t = to;
    c = civil(t, zone);
  };
  wrap: for (;;) {
    if (c.year > yearLimit) return undefined;
    while (!has(s.month, c.month)) {
      if (!added) {
        added = true;
        move(dateIn(c.year, c.month, 1, 0, 0, 0, zone));
      }
      move(dateIn(c.year, c.month + 1, c.day, c.hour, c.minute, c.second, zone));
      if (c.month === 1) continue wrap;
    }
    while (!dayMatches(s, c)) {
      if (!added) {
        added = true;
        move(dateIn(c.year, c.month, c.day, 0, 0, 0, zone));
      }
      move(dateIn(c.year, c.month, c.day + 1, c.hour, c.minute, c.second, zone));
      // Where DST moves midnight, the day starts an hour off: put it back on midnight.
      if (c.hour !== 0) move(c.hour > 12 ? t + (24 - c.hour) * HOUR : t - c.hour * HOUR);
      if (c.day === 1) continue wrap;
    }
    while (!has(s.hour, c.hour)) {
      if (!added) {
        added = true;
        move(dateIn(c.year, c.month, c.day, c.hour, 0, 0, zone));
      }
      move(t + HOUR);
      if (c.hour === 0) continue wrap;
    }
    while (!has(s.minute, c.minute)) {
      if (!added) {
        added = true;
        move(floorTo(t, MINUTE));
      }
      move(t + MINUTE);
      if (c.minute === 0) continue wrap;
    }
    // The standard parser's seconds field is always 0.
    while (c.second !== 0) {
      if (!added) {
        added = true;
        move(floorTo(t, SECOND));
      }
      move(t + SECOND);
      if (c.second === 0) continue wrap;
    }
    return t;
  }
}
