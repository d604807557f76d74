// Strategic merge patch against apimachinery's own strategicpatch (v0.32.4): every case's
// patch (kubectl apply's three-way form, the two-way form) and every application of a patch
// must come out exactly as the Go package produced it (recorded in strategic-golden.json).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/api/meta/canonical';
import { applyPatch, createThreeWayPatch, createTwoWayPatch } from '../../src/api/patch/strategic';
import golden from './fixtures/strategic-golden.json';

type Case = { name: string; op: string; type: string; original: any; modified?: any; current?: any; patch?: any; out?: any; error?: string };

function run(c: Case): string {
  try {
    if (c.op === 'three') return canonicalJson(createThreeWayPatch(c.original, c.modified, c.current, c.type));
    if (c.op === 'two') return canonicalJson(createTwoWayPatch(c.original, c.modified, c.type));
    // List order matters in an applied object, key order does not.
    return canonicalJson(applyPatch(c.original, c.patch, c.type));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('strategic merge patch matches apimachinery', () => {
  it.each((golden.cases as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(run(c)).toBe(c.error !== undefined ? `error: ${c.error}` : canonicalJson(c.out));
  });

  it('leaves its inputs alone', () => {
    const obj = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    const patch = { spec: { containers: [{ name: 'b', $patch: 'delete' }, { name: 'c', image: 'z' }] } };
    const before = JSON.stringify([obj, patch]);
    applyPatch(obj, patch, 'Pod');
    expect(JSON.stringify([obj, patch])).toBe(before);
  });

  it.each([
    [{ a: { b: 'c' } }, 'unknown patch type: map[a:map[b:c]] in map: map[$patch:map[a:map[b:c]]]'],
    [true, 'unknown patch type: %!s(bool=true) in map: map[$patch:true]'],
    [2, 'unknown patch type: %!s(float64=2) in map: map[$patch:2]'],
    [null, 'unknown patch type: %!s(<nil>) in map: map[$patch:<nil>]'],
    [['x', 1], 'unknown patch type: [x %!s(float64=1)] in map: map[$patch:[x 1]]'],
  ])('words a $patch that is not a directive as ErrBadPatchType does (%j)', (directive, message) => {
    expect(run({ name: '', op: 'apply', type: 'ConfigMap', original: { data: {} }, patch: { $patch: directive } })).toBe(`error: ${message}`);
  });

  it('sorts and compares merge keys that are not scalars by their %v text, as Go does', () => {
    const original = { spec: { containers: [{ name: 'c', env: [{ name: 'A', value: 'a' }] }] } };
    const modified = { spec: { containers: [{ name: 'c', env: [{ name: { toString: null, x: ' ' }, value: 'b' }] }] } };
    expect(() => createTwoWayPatch(original, modified, 'Pod')).not.toThrow();
    expect(canonicalJson(createTwoWayPatch(original, modified, 'Pod'))).toBe(
      canonicalJson({
        spec: {
          '$setElementOrder/containers': [{ name: 'c' }],
          containers: [{ '$setElementOrder/env': [{ name: { toString: null, x: ' ' } }], env: [{ name: { toString: null, x: ' ' }, value: 'b' }, { $patch: 'delete', name: 'A' }], name: 'c' }],
        },
      }),
    );
  });
});
