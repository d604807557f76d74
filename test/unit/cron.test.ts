// Cron schedules against robfig/cron v3.0.1 (the library Kubernetes vendors), recorded by
// fixtures/gen-cron-golden.mjs: parse errors word for word, and the next firing times, DST included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextAfter } from '../../src/api/cron/next';
import { CronError, parseStandard } from '../../src/api/cron/parse';
import { loadLocation } from '../../src/api/cron/zone';
import { rfc3339 } from '../../src/api/time';

interface Golden {
  spec: string;
  error?: string;
  start?: string;
  count?: number;
  next?: string[];
}

const golden: Golden[] = JSON.parse(readFileSync(new URL('./fixtures/cron-golden.json', import.meta.url), 'utf8'));

describe('cron schedules (robfig/cron ParseStandard and Next)', () => {
  for (const g of golden) {
    it(`${JSON.stringify(g.spec)}${g.error ? ' is refused' : ` from ${g.start}`}`, () => {
      if (g.error !== undefined) {
        expect(() => parseStandard(g.spec)).toThrow(CronError);
        expect(() => parseStandard(g.spec)).toThrow(g.error);
        return;
      }
      const s = parseStandard(g.spec);
      const times: string[] = [];
      let t = Date.parse(g.start!);
      for (let i = 0; i < g.count!; i++) {
        const n = nextAfter(s, t);
        if (n === undefined) {
          times.push('zero');
          break;
        }
        times.push(rfc3339(n));
        t = n;
      }
      expect(times).toEqual(g.next);
    });
  }
});

describe('time zones (Go time.LoadLocation)', () => {
  it('knows UTC, the empty name and IANA zones, spelled exactly', () => {
    expect(loadLocation('')).toMatchObject({ name: 'UTC' });
    expect(loadLocation('Europe/Paris')).toMatchObject({ name: 'Europe/Paris' });
    expect(loadLocation('europe/paris')).toEqual({ error: 'unknown time zone europe/paris' });
    expect(loadLocation('Local')).toEqual({ error: 'unknown time zone Local' });
    expect(loadLocation('Nowhere/Town')).toEqual({ error: 'unknown time zone Nowhere/Town' });
  });
});
