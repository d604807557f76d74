// A collection's key order kept across writes: the same answers as sorting every time.
import { describe, expect, it } from 'vitest';
import { KeyOrder } from '../../src/store/keyorder';

describe('the key order', () => {
  it('answers lists and prefix ranges as a fresh sort would, through inserts, removals and merges', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 3000; i += 3) keys.add(`ns${i % 7}/k${i}`);
    const order = new KeyOrder([...keys]);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let step = 0; step < 5000; step++) {
      const key = `ns${next() % 7}/k${next() % 4000}`;
      if (next() % 3 === 0) {
        if (keys.delete(key)) order.remove(key);
      } else if (!keys.has(key)) {
        keys.add(key);
        order.insert(key);
      }
      if (step % 500 === 0) {
        const sorted = [...keys].sort();
        expect(order.range('ns3/')).toEqual(sorted.filter((k) => k.startsWith('ns3/')));
        expect(order.range('ns1/k1')).toEqual(sorted.filter((k) => k.startsWith('ns1/k1')));
      }
    }
    expect(order.all()).toEqual([...keys].sort());
    expect(order.range('nope')).toEqual([]);
  });
});
