// Go's time.ParseDuration: "90s", "1m30s", "1.5h", "-2m", a bare "0"; anything else fails with
// the time package's exact message. Used for pflag's duration flags and pocketkube's annotations.
import { goQuote } from './meta/goquote';

const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_NS = (1n << 63n) - 1n;

export class DurationError extends Error {}

/** Nanoseconds of a Go duration string. */
export function parseGoDurationNs(text: string): bigint {
  const invalid = () => new DurationError(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!/^[0-9.]/.test(s)) throw invalid();
    const whole = /^[0-9]*/.exec(s)![0];
    s = s.slice(whole.length);
    let frac = '';
    if (s[0] === '.') {
      frac = /^[0-9]*/.exec(s.slice(1))![0];
      s = s.slice(1 + frac.length);
    }
    if (!whole && !frac) throw invalid();
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (!unit) throw new DurationError(`time: missing unit in duration ${goQuote(text)}`);
    s = s.slice(unit.length);
    const scale = UNIT_NS[unit];
    if (scale === undefined) throw new DurationError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    const v = BigInt(whole || '0');
    if (v > MAX_NS / scale) throw invalid();
    let part = v * scale;
    if (frac) {
      // Go keeps only the fraction digits that still matter at nanosecond precision.
      const digits = frac.replace(/0+$/, '').slice(0, 20);
      if (digits) part += (BigInt(digits) * scale) / 10n ** BigInt(digits.length);
    }
    total += part;
    if (total > MAX_NS + (neg ? 1n : 0n)) throw invalid();
  }
  return neg ? -total : total;
}

/** Milliseconds of a Go duration string (sub-millisecond parts are dropped). */
export function parseGoDuration(text: string): number {
  return Number(parseGoDurationNs(text) / 1_000_000n);
}

/** Go's time.Duration.String() for whole milliseconds: "10s", "1m20s", "5m0s", "1h0m0s", "1.5s", "850ms". */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < 1000) return `${neg ? '-' : ''}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = (rest / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${h ? `${h}h${m}m` : m ? `${m}m` : ''}${s}s`;
}
