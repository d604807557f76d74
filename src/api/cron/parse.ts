// Cron schedules as Kubernetes reads them: robfig/cron v3's ParseStandard — five fields (minute,
// hour, day of month, month, day of week) or a descriptor (@hourly … @yearly, @every DURATION),
// with an optional TZ= or CRON_TZ= prefix — with the library's error texts.
import { DurationError, parseGoDurationNs } from '../duration';
import { type Zone, loadLocation } from './zone';

/** A field's allowed values; `star` is robfig's starBit: the field was `*` or `?` without a step. */
export interface CronField {
  readonly bits: readonly boolean[];
  readonly star: boolean;
}

export interface SpecSchedule {
  readonly kind: 'spec';
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dom: CronField;
  readonly month: CronField;
  readonly dow: CronField;
  /** The TZ= prefix's zone; otherwise the zone of the time asked about. */
  readonly zone?: Zone;
}

/** `@every D`: D after the time asked about, whole seconds, at least one. */
export interface ConstantDelaySchedule {
  readonly kind: 'every';
  readonly delayMs: number;
}

export type Schedule = SpecSchedule | ConstantDelaySchedule;

export class CronError extends Error {}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

function field(min: number, max: number, step: number, star: boolean): CronField {
  const bits: boolean[] = [];
  for (let i = min; i <= max; i += step) bits[i] = true;
  return { bits, star };
}

function union(a: CronField, b: CronField): CronField {
  const bits = [...a.bits];
  b.bits.forEach((on, i) => on && (bits[i] = true));
  return { bits, star: a.star || b.star };
}

/** strconv.Atoi's reading, then robfig's refusal of negatives. */
function mustParseInt(expr: string): number {
  const fail = (why: string) => new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: ${why}`);
  if (!/^[+-]?[0-9]+$/.test(expr)) throw fail('invalid syntax');
  const n = Number(expr);
  if (!Number.isSafeInteger(n) && (BigInt(expr) > 2n ** 63n - 1n || BigInt(expr) < -(2n ** 63n))) throw fail('value out of range');
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, b: Bounds): number {
  const named = b.names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** One range: `*`, `N`, `N-M`, each with an optional `/STEP` (`N/STEP` runs to the maximum). */
function getRange(expr: string, b: Bounds): CronField {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, b);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    if (singleDigit) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  return field(start, end, step, star);
}

/** A comma-separated list of ranges (empty items skipped, as strings.FieldsFunc skips them). */
function getField(text: string, b: Bounds): CronField {
  let out: CronField = { bits: [], star: false };
  for (const expr of text.split(',').filter((e) => e !== '')) out = union(out, getRange(expr, b));
  return out;
}

const all = (b: Bounds) => field(b.min, b.max, 1, true);
const only = (v: number) => field(v, v, 1, false);

function descriptor(spec: string, zone: Zone | undefined): Schedule {
  const at = (minute: CronField, hour: CronField, dom: CronField, month: CronField, dow: CronField): SpecSchedule => ({ kind: 'spec', minute, hour, dom, month, dow, zone });
  switch (spec) {
    case '@yearly':
    case '@annually':
      return at(only(0), only(0), only(1), only(1), all(DOW));
    case '@monthly':
      return at(only(0), only(0), only(1), all(MONTHS), all(DOW));
    case '@weekly':
      return at(only(0), only(0), all(DOM), all(MONTHS), only(0));
    case '@daily':
    case '@midnight':
      return at(only(0), only(0), all(DOM), all(MONTHS), all(DOW));
    case '@hourly':
      return at(only(0), all(HOURS), all(DOM), all(MONTHS), all(DOW));
  }
  const every = '@every ';
  if (spec.startsWith(every)) {
    let ns: bigint;
    try {
      ns = parseGoDurationNs(spec.slice(every.length));
    } catch (e) {
      if (e instanceof DurationError) throw new CronError(`failed to parse duration ${spec}: ${e.message}`);
      throw e;
    }
    const seconds = ns < 1_000_000_000n ? 1n : ns / 1_000_000_000n;
    return { kind: 'every', delayMs: Number(seconds) * 1000 };
  }
  throw new CronError(`unrecognized descriptor: ${spec}`);
}

/** Go's strings.Fields: split on runs of Unicode white space. */
function fields(text: string): string[] {
  return text.split(/[\s\u0085\u00a0]+/u).filter((f) => f !== '');
}

/** robfig/cron's ParseStandard; throws CronError with the library's message. */
export function parseStandard(text: string): Schedule {
  if (text.length === 0) throw new CronError('empty spec string');
  let spec = text;
  let zone: Zone | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const name = spec.slice(spec.indexOf('=') + 1, space < 0 ? spec.length : space);
    const loaded = loadLocation(name);
    if ('error' in loaded) throw new CronError(`provided bad location ${name}: ${loaded.error}`);
    zone = loaded;
    spec = space < 0 ? '' : spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return descriptor(spec, zone);
  const f = fields(spec);
  if (f.length !== 5) throw new CronError(`expected exactly 5 fields, found ${f.length}: [${f.join(' ')}]`);
  return {
    kind: 'spec',
    minute: getField(f[0]!, MINUTES),
    hour: getField(f[1]!, HOURS),
    dom: getField(f[2]!, DOM),
    month: getField(f[3]!, MONTHS),
    dow: getField(f[4]!, DOW),
    zone,
  };
}
