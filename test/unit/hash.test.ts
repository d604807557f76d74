// pod-template-hash (§9.1 of the kubectl reference): FNV-1a 32 of the template, its decimal
// digits mapped through rand.SafeEncodeString's alphabet. The Go struct dump Kubernetes hashes
// cannot be reproduced, so values are checked for form and stability, not for Go's exact hash.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/api/meta/canonical';
import type { PodTemplateSpec } from '../../src/api/types';
import { fnv132, fnv1a32, safeEncode } from '../../src/api/meta/fnv';
import { POD_TEMPLATE_HASH, podTemplateHash } from '../../src/controllers/deployment/hash';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('fnv132 (hash/fnv New32)', () => {
  // values from Go's hash/fnv
  it.each([
    ['', 2166136261],
    ['a', 84696446],
    ['foobar', 837857890],
    ['hello world', 1418570095],
  ] as [string, number][])('%j -> %d', (s, h) => {
    expect(fnv132(bytes(s))).toBe(h);
  });
});

describe('fnv1a32 (hash/fnv New32a)', () => {
  // values from Go's hash/fnv
  const cases: [string, number][] = [
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    ['hello world', 3582672807],
  ];
  it.each(cases)('%j -> %d', (s, h) => {
    expect(fnv1a32(bytes(s))).toBe(h);
  });
  it('returns an unsigned 32-bit integer', () => {
    for (const s of ['x', 'yy', 'zzz', '\u00ff\u00fe', 'a'.repeat(1000)]) {
      const h = fnv1a32(bytes(s));
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(0xffffffff);
    }
  });
  it('hashes bytes, not characters', () => {
    expect(fnv1a32(new Uint8Array([0xc3, 0xa9]))).toBe(fnv1a32(bytes('é')));
  });
});

describe('safeEncode (rand.SafeEncodeString)', () => {
  const digits: [string, string][] = [
    ['0', '4'],
    ['1', '5'],
    ['2', '6'],
    ['3', '7'],
    ['4', '8'],
    ['5', '9'],
    ['6', 'b'],
    ['7', 'c'],
    ['8', 'd'],
    ['9', 'f'],
  ];
  it.each(digits)('%s -> %s', (d, c) => {
    expect(safeEncode(d)).toBe(c);
  });
  it('maps character by character', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
    expect(safeEncode('3826002220')).toBe('7d6b446664');
    expect(safeEncode('')).toBe('');
  });
  it('uses alphabet[charCode % 27] for any character', () => {
    // 'a' = 97, 97 % 27 = 16 -> 'v'; 'b' = 98 -> 'w'
    expect(safeEncode('ab')).toBe('vw');
  });
});

const template = (): PodTemplateSpec => ({
  metadata: { labels: { app: 'web', tier: 'fe' }, creationTimestamp: null },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
    restartPolicy: 'Always',
  } as PodTemplateSpec['spec'],
});

describe('podTemplateHash', () => {
  it('the label is pod-template-hash', () => {
    expect(POD_TEMPLATE_HASH).toBe('pod-template-hash');
  });
  it('is 1-10 characters from [4-9bcdf] (the encoded decimal digits of a uint32)', () => {
    const variants: PodTemplateSpec[] = [];
    for (let i = 0; i < 200; i++) {
      const t = template();
      t.spec.containers[0].image = `nginx:1.${i}`;
      variants.push(t);
    }
    for (const t of variants) expect(podTemplateHash(t)).toMatch(/^[4-9bcdf]{1,10}$/);
    for (const c of [undefined, 0, 1, 2, 10, 0x7fffffff]) expect(podTemplateHash(template(), c)).toMatch(/^[4-9bcdf]{1,10}$/);
  });
  it('is the encoded FNV-1a of the canonical JSON of the template', () => {
    const t = template();
    expect(podTemplateHash(t)).toBe(safeEncode(String(fnv1a32(bytes(canonicalJson(t))))));
  });
  it('is stable for equal templates regardless of key order', () => {
    const a = template();
    const b: PodTemplateSpec = {
      spec: {
        restartPolicy: 'Always',
        containers: [{ ports: [{ protocol: 'TCP', containerPort: 80 }], image: 'nginx:1.27', name: 'nginx' }],
      } as PodTemplateSpec['spec'],
      metadata: { creationTimestamp: null, labels: { tier: 'fe', app: 'web' } },
    };
    expect(podTemplateHash(b)).toBe(podTemplateHash(a));
    expect(podTemplateHash(template())).toBe(podTemplateHash(template()));
    expect(podTemplateHash(b, 3)).toBe(podTemplateHash(a, 3));
  });
  it('ignores undefined members (as JSON does)', () => {
    const a = template();
    const b = template();
    (b.metadata as Record<string, unknown>).annotations = undefined;
    expect(podTemplateHash(b)).toBe(podTemplateHash(a));
  });
  it('changes when the template changes', () => {
    const base = podTemplateHash(template());
    const image = template();
    image.spec.containers[0].image = 'nginx:1.28';
    const label = template();
    label.metadata.labels!.tier = 'be';
    const extra = template();
    extra.metadata.labels!.extra = 'x';
    const order = template();
    order.spec.containers.push({ name: 'sidecar', image: 'busybox' } as PodTemplateSpec['spec']['containers'][0]);
    const hashes = [base, podTemplateHash(image), podTemplateHash(label), podTemplateHash(extra), podTemplateHash(order)];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
  it('the order of list items matters', () => {
    const a = template();
    a.spec.containers.push({ name: 'b', image: 'b' } as PodTemplateSpec['spec']['containers'][0]);
    const b = template();
    b.spec.containers.unshift({ name: 'b', image: 'b' } as PodTemplateSpec['spec']['containers'][0]);
    expect(podTemplateHash(a)).not.toBe(podTemplateHash(b));
  });
  it('collisionCount changes the hash; a set 0 differs from an unset count', () => {
    const t = template();
    const hashes = [podTemplateHash(t), podTemplateHash(t, 0), podTemplateHash(t, 1), podTemplateHash(t, 2), podTemplateHash(t, 256)];
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(podTemplateHash(t, 1)).toBe(podTemplateHash(template(), 1));
  });
});
