// A collection's key order kept across writes: the same answers as sorting every time.
import { describe, expect, it } from 'vitest';
import { KeyOrder, visitInKeyOrder } from '../../src/store/keyorder';

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

  it('keeps answering through mass removals, keys that come back, and reads between single writes', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 6000; i++) keys.add(`k${String(i).padStart(5, '0')}`);
    const order = new KeyOrder([...keys], true);
    const check = () => {
      const sorted = [...keys].sort();
      expect(order.range('k01')).toEqual(sorted.filter((k) => k.startsWith('k01')));
      expect(order.all()).toEqual(sorted);
    };
    // More removals than the side lists allow marks for, then some of them back.
    for (let i = 0; i < 6000; i += 2) {
      keys.delete(`k${String(i).padStart(5, '0')}`);
      order.remove(`k${String(i).padStart(5, '0')}`);
    }
    expect(order.range('k00')).toEqual([...keys].sort().filter((k) => k.startsWith('k00')));
    for (let i = 0; i < 3000; i += 4) {
      keys.add(`k${String(i).padStart(5, '0')}`);
      order.insert(`k${String(i).padStart(5, '0')}`);
    }
    check();
    // A new key removed before anything read the order, and one that comes back after.
    order.insert('k99999');
    order.remove('k99999');
    order.insert('k99998');
    order.remove('k99998');
    order.insert('k99998');
    keys.add('k99998');
    check();
    // Reads between single writes.
    for (let i = 0; i < 2000; i++) {
      const key = `n${i}`;
      keys.add(key);
      order.insert(key);
      if (i % 3 === 0) {
        const gone = `k${String(i * 2 + 1).padStart(5, '0')}`;
        if (keys.delete(gone)) order.remove(gone);
      }
      expect(order.range(`n${i}`)[0]).toBe(key);
    }
    check();
  });
});


describe('visitInKeyOrder', () => {
  const visited = (pairs: [string, number][], prefix: string) => {
    const out: number[] = [];
    visitInKeyOrder<number>((v) => pairs.forEach(([k, n]) => v(k, n)), prefix, (n) => out.push(n));
    return out;
  };

  it('visits values as given when their keys are in order, and sorts them when they are not', () => {
    expect(visited([['a/1', 1], ['a/2', 2], ['b/1', 3]], '')).toEqual([1, 2, 3]);
    // Keys written since the views line was (last in it) go where they belong.
    expect(visited([['a/1', 1], ['b/1', 3], ['a/2', 2]], '')).toEqual([1, 2, 3]);
  });

  it('visits only the keys under the prefix', () => {
    expect(visited([['a/1', 1], ['b/1', 3], ['a/0', 0]], 'a/')).toEqual([0, 1]);
  });
});
