// The seeded generator's outputs are part of the cluster's identity: the same commands must keep
// building the same names and UIDs, whatever way they are put together.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/sim/rand';

describe('seeded randomness', () => {
  it('draws UIDs and names in the order it always has (the variant first, then the hex digits)', () => {
    const r = new SeededRandom();
    const out: string[] = [];
    for (let i = 0; i < 3; i++) out.push(r.uuid(), r.string(5));
    expect(out).toEqual([
      '55be3bb1-b49c-4d09-8251-ce70750a9640',
      'br2ww',
      '9ae0418a-3ce8-4d78-a1c9-82e13b97f154',
      '9gxf9',
      '8a70d7f0-1121-4dec-bcf8-5ac0d8725a62',
      '2gtgp',
    ]);
  });

  it('continues from a saved state exactly where it left off', () => {
    const r = new SeededRandom();
    r.uuid();
    const copy = new SeededRandom(r.state);
    expect(copy.uuid()).toBe(r.uuid());
    expect(copy.string(10, 'ab')).toBe(r.string(10, 'ab'));
  });
});
