// Go's time.ParseDuration as pflag parses --timeout; the error texts were recorded from kubectl
// v1.32 (`kubectl rollout status deploy/x --timeout=<value>`).
import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseGoDurationNs } from '../../src/api/duration';

describe('parseGoDuration', () => {
  it('reads what Go reads', () => {
    const cases: [string, number][] = [
      ['0', 0],
      ['-0', 0],
      ['1.s', 1000],
      ['.5s', 500],
      ['+5s', 5000],
      ['-2m', -120_000],
      ['1h30m', 5_400_000],
      ['1.5h', 5_400_000],
      ['90s', 90_000],
      ['1m1.25s', 61_250],
      ['250ms', 250],
      ['2562047h', 2562047 * 3_600_000],
    ];
    for (const [text, ms] of cases) expect([text, parseGoDuration(text)]).toEqual([text, ms]);
    expect(parseGoDurationNs('1µs')).toBe(1000n);
    expect(parseGoDurationNs('1μs')).toBe(1000n);
    expect(parseGoDurationNs('1us')).toBe(1000n);
    expect(parseGoDurationNs('9223372036854775807ns')).toBe(9223372036854775807n);
  });

  it('fails with the time package\'s words', () => {
    const cases: [string, string][] = [
      ['', 'time: invalid duration ""'],
      ['abc', 'time: invalid duration "abc"'],
      ['10', 'time: missing unit in duration "10"'],
      ['3x', 'time: unknown unit "x" in duration "3x"'],
      ['1s2', 'time: missing unit in duration "1s2"'],
      ['.s', 'time: invalid duration ".s"'],
      ['5.', 'time: missing unit in duration "5."'],
      ['-', 'time: invalid duration "-"'],
      ['+', 'time: invalid duration "+"'],
      ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
      ['2562048h', 'time: invalid duration "2562048h"'],
      ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
      ['1_000s', 'time: unknown unit "_" in duration "1_000s"'],
      [' 1s', 'time: invalid duration " 1s"'],
      ['1s ', 'time: unknown unit "s " in duration "1s "'],
      ['1S', 'time: unknown unit "S" in duration "1S"'],
      ['1..5s', 'time: missing unit in duration "1..5s"'],
      ['0x10s', 'time: unknown unit "x" in duration "0x10s"'],
    ];
    const failure = (text: string) => {
      try {
        parseGoDuration(text);
        return 'parsed';
      } catch (e) {
        return (e as Error).message;
      }
    };
    for (const [text, message] of cases) expect([text, failure(text)]).toEqual([text, message]);
  });
});
