// The bootstrap template's placeholders: how each time is written from the cluster time.
import { describe, expect, it } from 'vitest';
import { fill, TIME_RULES } from '../../src/sim/cluster/template/format';

describe('the bootstrap template', () => {
  it('writes times by their rules', () => {
    const t = Date.parse('2026-11-26T12:00:00.123Z');
    expect(fill('{"a":@@ms:60000@@,"b":@@sms:3600000@@,"c":"@@rfc:0@@","d":"@@micro:0@@","e":"x.@@ns:5@@"}', t, () => '')).toBe(
      `{"a":${t + 60000},"b":${Date.parse('2026-11-26T13:00:00Z')},"c":"2026-11-26T12:00:00Z","d":"2026-11-26T12:00:00.123000Z","e":"x.${(BigInt(t) * 1_000_000n + 5n).toString(16)}"}`,
    );
    expect(TIME_RULES.rfc64(t, '86400000')).toBe(Buffer.from('2026-11-27T12:00:00Z').toString('base64'));
  });

  it('asks for the home\'s identity where the template has it, once per value', () => {
    const asked: string[] = [];
    const text = fill('"@@cert:ca@@" "@@cert:ca@@" "@@admin@@"', 0, (name, arg) => {
      asked.push(`${name}:${arg}`);
      return name === 'admin' ? 'token' : 'PEM';
    });
    expect(text).toBe('"PEM" "PEM" "token"');
    expect(asked).toEqual(['cert:ca', 'admin:undefined']);
  });
});
