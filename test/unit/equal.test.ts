// Deep copy and structural equality of JSON values.
import { describe, expect, it } from 'vitest';
import { clone, deepEqual, deepEqualExcept } from '../../src/api/meta/equal';

describe('clone', () => {
  it('copies deeply, sharing nothing with the original', () => {
    const orig = { a: { b: [1, { c: 'x' }] }, n: null, t: true };
    const copy = clone(orig);
    expect(copy).toEqual(orig);
    copy.a.b.push(2);
    (copy.a.b[1] as { c: string }).c = 'y';
    expect(orig).toEqual({ a: { b: [1, { c: 'x' }] }, n: null, t: true });
  });

  it('follows JSON for undefined: dropped from objects, null in arrays', () => {
    expect(clone({ a: undefined, b: [undefined, 1] })).toStrictEqual({ b: [null, 1] });
    expect(clone(undefined)).toBeUndefined();
    expect(clone('s')).toBe('s');
  });
});

describe('deepEqual', () => {
  it('ignores key order and undefined members', () => {
    expect(deepEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1, c: undefined })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
  });

  it('tells objects apart by a field one lacks, whichever side lacks it', () => {
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(true);
    expect(deepEqual({ a: { x: [1, { y: null }] } }, { a: { x: [1, { y: null }] } })).toBe(true);
    expect(deepEqual({ a: { x: [1, { y: null }] } }, { a: { x: [1, { y: 0 }] } })).toBe(false);
  });
});

describe('deepEqualExcept', () => {
  const ignored = new Set(['resourceVersion', 'generation']);
  it('compares every field but the ignored ones, present on either side or both', () => {
    expect(deepEqualExcept({ name: 'a', resourceVersion: '1' }, { name: 'a', resourceVersion: '2' }, ignored)).toBe(true);
    expect(deepEqualExcept({ name: 'a', generation: 3 }, { name: 'a' }, ignored)).toBe(true);
    expect(deepEqualExcept({ name: 'a' }, { name: 'a', generation: 3, resourceVersion: '9' }, ignored)).toBe(true);
    expect(deepEqualExcept({ name: 'a', labels: { x: '1' } }, { name: 'a', labels: { x: '2' } }, ignored)).toBe(false);
    expect(deepEqualExcept({ name: 'a' }, { name: 'a', uid: 'u' }, ignored)).toBe(false);
  });
});
