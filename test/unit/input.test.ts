// The readers and decoders that stand between outside text and the rest of the program: Go's
// base64 and JSON limits, go-yaml v2's numbers, depth and aliases, the API server's decoding of
// integers and []byte (from JSON and from a strategic patch's map), and the scale subresource.
import { describe, expect, it } from 'vitest';
import { configmap } from '../../src/api/kinds/configmap';
import { deployment } from '../../src/api/kinds/deployment';
import { secret } from '../../src/api/kinds/secret';
import { base64Error } from '../../src/api/meta/base64';
import { jsonValueTexts, parseGoJson } from '../../src/api/meta/gojson';
import { MAX_NESTING, NestingError, nestingDepth } from '../../src/api/meta/nesting';
import { decode } from '../../src/api/schema';
import { fromUnstructuredError } from '../../src/api/schema/unstructured';
import type { Deployment, KubeObject } from '../../src/api/types';
import { clone } from '../../src/api/meta/equal';
import { applyJsonPatch } from '../../src/api/patch/json';
import { applyMergePatch, createThreeWayMergePatch } from '../../src/api/patch/merge';
import { applyPatch as applyStrategicPatch, createThreeWayPatch } from '../../src/api/patch/strategic';
import { inStructOrder } from '../../src/api/schema/structorder';
import type { ConfigMap } from '../../src/api/types';
import { runToEnd } from '../../src/sim/shell';
import { parseDocument } from '../../src/cli/manifest/documents';
import { resolveNumeric } from '../../src/cli/manifest/goyaml';
import { fakeHost } from '../helpers/shellhost';
import { newWorld, statusOf } from '../helpers/world';


describe("Go's base64 decoding", () => {
  // encoding/base64's TestDecodeCorrupt: the offset Go reports, -1 for input it decodes.
  it.each([
    ['', -1],
    ['\n', -1],
    ['AAA=\n', -1],
    ['AAAA\n', -1],
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AA==', -1],
    ['AAA=', -1],
    ['AAAA', -1],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
    // Offsets count UTF-8 bytes.
    ['YWJj\u00e9===', 4],
  ] as const)('%j', (input, offset) => {
    expect(base64Error(input)).toBe(offset < 0 ? undefined : `illegal base64 data at input byte ${offset}`);
  });
});

describe('JSON as encoding/json reads it', () => {
  it('stops at 10000 levels with the scanner\'s error, and measures depth without recursing', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(() => jsonValueTexts(deep(10_001))).toThrow("json: offset 10001: invalid character '[' exceeded max depth");
    expect(jsonValueTexts(deep(10_000))[0].depth).toBe(10_000);
    expect(() => parseGoJson(deep(10_001))).toThrow("invalid character '[' exceeded max depth");
    expect(() => parseGoJson(deep(MAX_NESTING + 1))).toThrow(NestingError);
    expect(parseGoJson(deep(MAX_NESTING))).toBeDefined();
    expect(nestingDepth(JSON.parse(deep(100_000)))).toBe(MAX_NESTING + 1);
  });

  it('refuses a number no float64 holds, as decoding into interface{} does', () => {
    expect(() => parseGoJson('{"a":[1,"1e400",-1e400]}')).toThrow('json: cannot unmarshal number -1e400 into Go value of type float64');
    expect(parseGoJson('{"a":1e-400}')).toEqual({ a: 0 });
    expect(jsonValueTexts('{"a":1e308} 2e308')[1].overflow).toBe('2e308');
  });

  it('keeps "__proto__" an ordinary key', () => {
    const v = parseGoJson('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('YAML as go-yaml v2 and sigs.k8s.io/yaml read it', () => {
  it.each([
    ['2147483648', { kind: 'int', value: 2147483648 }],
    ['9223372036854775807', { kind: 'int', value: 9223372036854775807 }],
    ['9223372036854775808', { kind: 'uint', value: 9223372036854775808 }],
    ['18446744073709551616', { kind: 'float', value: 18446744073709551616 }],
    ['-9223372036854775809', { kind: 'float', value: -9223372036854775809 }],
    ['0x7fffffff', { kind: 'int', value: 2147483647 }],
    ['0xffffffffffffffffff', { kind: 'str', value: '0xffffffffffffffffff' }],
    ['1_000_000', { kind: 'int', value: 1000000 }],
    ['017', { kind: 'int', value: 15 }],
    ['0o17', { kind: 'int', value: 15 }],
    ['09', { kind: 'float', value: 9 }],
    ['-0b11', { kind: 'int', value: -3 }],
    ['1e308', { kind: 'float', value: 1e308 }],
    ['1e309', { kind: 'str', value: '1e309' }],
    ['1e1_0', { kind: 'float', value: 1e10 }],
    ['.5', { kind: 'float', value: 0.5 }],
    ['._5', { kind: 'str', value: '._5' }],
    ['-.inf', { kind: 'float', value: -Infinity }],
    ['_1', { kind: 'str', value: '_1' }],
    ['190:20:30', { kind: 'str', value: '190:20:30' }],
    ['2001-12-14', { kind: 'str', value: '2001-12-14' }],
  ] as const)('resolves %s', (text, want) => {
    expect(resolveNumeric(text)).toMatchObject(want);
  });

  it('keeps plain scalars that only look like exponents strings ("e2", "E3", "e+5"), as go-yaml does', () => {
    const doc = parseDocument('a: e2\nb: E3\nc: e+5\nd: 1e3\n', false) as Record<string, unknown>;
    expect(doc).toEqual({ a: 'e2', b: 'E3', c: 'e+5', d: 1000 });
  });

  it('refuses depth past go-yaml\'s limit on the line it went over, and past ours without recursing', () => {
    expect(() => parseDocument(`a:\n  b: ${'['.repeat(10_001)}${']'.repeat(10_001)}\n`, false)).toThrow(
      'error converting YAML to JSON: yaml: line 2: exceeded max depth of 10000',
    );
    expect(() => parseDocument(`${'- '.repeat(10_001)}1\n`, false)).toThrow('error converting YAML to JSON: yaml: exceeded max depth of 10000');
    expect(() => parseDocument(`a: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`, false)).toThrow(NestingError);
    expect(parseDocument(`a: ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n`, false)).toBeDefined();
  });

  it('expands aliases as copies, never a circular value, and counts them as go-yaml does', () => {
    const v = parseDocument('a: &x {b: 1}\nc: *x\n', false) as Record<string, Record<string, number>>;
    expect(v).toEqual({ a: { b: 1 }, c: { b: 1 } });
    expect(v.a).not.toBe(v.c);
    expect(() => parseDocument('a: &x [*x]\n', false)).toThrow("yaml: anchor 'x' value contains itself");
    expect(() => parseDocument('a: &x {b: *x}\n', false)).toThrow("yaml: anchor 'x' value contains itself");
    // 100 small aliases are fine; a thousandfold expansion is not.
    const many = `a: &a [1]\nb: [${Array(100).fill('*a').join(', ')}]\n`;
    expect((parseDocument(many, false) as { b: unknown[] }).b).toHaveLength(100);
    const lol = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, c] of [...'bcde'].entries()) lol.push(`${c}: &${c} [${Array(10).fill('*' + 'abcde'[i]).join(', ')}]`);
    expect(() => parseDocument(lol.join('\n') + '\n', false)).toThrow('yaml: document contains excessive aliasing');
  });

  it('sets every key as an own property', () => {
    const v = parseDocument('__proto__: {polluted: 1}\nconstructor: 2\nbase: &b {__proto__: 3}\nm: {<<: *b}\n', false) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 'base', 'm']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v.m as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the API server decodes numbers and []byte as Go does', () => {
  const err = (obj: Record<string, unknown>, type: string) => decode(obj, type).typeError;

  it('from JSON: integers in their Go range, the literal in the error', () => {
    expect(err({ spec: { replicas: 2147483647 } }, 'Deployment')).toBeUndefined();
    expect(err({ spec: { replicas: 2147483648 } }, 'Deployment')).toBe(
      'json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(err({ spec: { replicas: -2147483649 } }, 'Deployment')).toMatch(/number -2147483649 into/);
    expect(err({ spec: { replicas: 1.5 } }, 'Deployment')).toMatch(/number 1\.5 into/);
    expect(err({ spec: { replicas: 1e308 } }, 'Deployment')).toMatch(/number 1e\+308 into/);
    expect(err({ spec: { replicas: 'x' } }, 'Deployment')).toMatch(/cannot unmarshal string into/);
    expect(err({ metadata: { generation: 2 ** 62 } }, 'Deployment')).toBeUndefined();
    expect(err({ metadata: { generation: 2 ** 63 } }, 'Deployment')).toBe(
      'json: cannot unmarshal number 9223372036854776000 into Go struct field ObjectMeta.metadata.generation of type int64',
    );
    expect(err({ spec: { strategy: { rollingUpdate: { maxSurge: 2147483648 } } } }, 'Deployment')).toBe(
      'json: cannot unmarshal number 2147483648 into Go value of type int32',
    );
    expect(err({ spec: { strategy: { rollingUpdate: { maxSurge: true } } } }, 'Deployment')).toBe('json: cannot unmarshal bool into Go value of type int32');
    expect(err({ data: { a: 'abc!' } }, 'Secret')).toBe('illegal base64 data at input byte 3');
    expect(err({ binaryData: { a: 'YWJj' } }, 'ConfigMap')).toBeUndefined();
  });

  it('from a strategic patch\'s map: Go\'s conversions and the unstructured converter\'s words', () => {
    const wrapped: Record<string, unknown> = { spec: { replicas: 4294967297, progressDeadlineSeconds: 2147483648 } };
    expect(fromUnstructuredError(wrapped, 'Deployment')).toBeUndefined();
    expect(wrapped).toEqual({ spec: { replicas: 1, progressDeadlineSeconds: -2147483648 } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ spec: { replicas: 'two' } }, 'Deployment', 'unrecognized type: int32'],
      [{ spec: { replicas: 1.5 } }, 'Deployment', 'cannot convert float64 to int32'],
      [{ spec: { replicas: [1] } }, 'Deployment', 'unrecognized type: int32'],
      [{ spec: 'x' }, 'Deployment', 'cannot restore struct from: string'],
      [{ spec: { template: { spec: { containers: {} } } } }, 'Deployment', 'cannot restore slice from map'],
      [{ metadata: { labels: [] } }, 'Deployment', 'cannot restore map from slice'],
      [{ metadata: { labels: { a: 5 } } }, 'Deployment', 'cannot convert int64 to string'],
      [{ metadata: { labels: { a: true } } }, 'Deployment', 'unrecognized type: string'],
      [{ spec: { paused: 'yes' } }, 'Deployment', 'unrecognized type: bool'],
      [{ spec: { strategy: { rollingUpdate: { maxSurge: 2147483648 } } } }, 'Deployment', 'json: cannot unmarshal number 2147483648 into Go value of type int32'],
      [{ data: { a: 'abc!' } }, 'Secret', 'error decoding from json: illegal base64 data at input byte 3'],
      [{ data: { a: 5 } }, 'Secret', 'cannot restore slice from int64'],
    ];
    for (const [obj, type, want] of cases) expect(fromUnstructuredError(obj, type)).toBe(want);
    // Struct fields in Go's order: metadata comes before spec.
    expect(fromUnstructuredError({ spec: { replicas: 'x' }, metadata: { name: 5 } }, 'Deployment')).toBe('cannot convert int64 to string');
  });
});

describe('the scale subresource and ConfigMap size', () => {
  it('serves a Deployment as a Scale and refuses a negative or undecodable one', () => {
    const { client } = newWorld();
    client.create(deployment.type, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
      },
    } as KubeObject);
    const scale = client.getScale(deployment.type, 'default', 'web');
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2 } });
    expect(scale.status?.selector).toBe('app=web');
    const negative = statusOf(() => client.updateScale(deployment.type, { ...scale, spec: { replicas: -2147483648 } }));
    expect(negative.message).toBe('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0');
    const big = statusOf(() => client.patchScale(deployment.type, 'default', 'web', { spec: { replicas: 2147483648 } }));
    expect(big.reason).toBe('Invalid');
    expect(big.status.details?.causes?.[0].message).toMatch(/^Invalid value: "\{\\"apiVersion\\":\\"autoscaling\/v1\\",\\"kind\\":\\"Scale\\",.*\\"spec\\":\{\\"replicas\\":2147483648\},.*": json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32$/);
    // The server answers with the Scale as written; the deployment took the change.
    expect(client.patchScale(deployment.type, 'default', 'web', { spec: { replicas: 3 } })).toMatchObject({ kind: 'Scale', spec: { replicas: 3 } });
    const scaled = client.get<Deployment>(deployment.type, 'default', 'web');
    expect(scaled.spec.replicas).toBe(3);
    expect(scaled.metadata.generation).toBe(2);
  });

  it('refuses ConfigMaps and Secrets past 1 MiB, counting bytes', () => {
    const { client } = newWorld();
    const over = statusOf(() =>
      client.create(configmap.type, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'default' }, data: { a: 'é'.repeat(512 * 1024 + 1) } } as KubeObject),
    );
    expect(over.message).toBe('ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes');
    const binary = Buffer.alloc(512 * 1024).toString('base64');
    expect(() =>
      client.create(configmap.type, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fits', namespace: 'default' }, data: { a: 'a'.repeat(512 * 1024) }, binaryData: { b: binary } } as KubeObject),
    ).not.toThrow();
    const secretOver = statusOf(() =>
      client.create(secret.type, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'big', namespace: 'default' }, data: { a: Buffer.alloc(1024 * 1024 + 1).toString('base64') } } as KubeObject),
    );
    expect(secretOver.message).toBe('Secret "big" is invalid: data: Too long: may not be more than 1048576 bytes');
  });
});

describe('keys named like JavaScript\'s object machinery are data', () => {
  const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
  /** A map with every such key, made the way outside text makes it. */
  const hostile = (value: (k: string) => unknown) => JSON.parse(JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, value(k)])))) as Record<string, unknown>;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const ownKeys = (v: unknown) => Object.keys(v as object);

  it('survive cloning, merge patches, apply\'s three-way patches and struct ordering', () => {
    const data = hostile((k) => ({ polluted: k }));
    const copy = clone(data);
    expect(ownKeys(copy)).toEqual(KEYS);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    const merged = applyMergePatch({ keep: 1 }, { data }) as { data: Record<string, unknown> };
    expect(ownKeys(merged.data)).toEqual(KEYS);
    expect(Object.getPrototypeOf(merged.data)).toBe(Object.prototype);
    // Keys the last apply set and the manifest dropped are deleted, inherited names included.
    expect(createThreeWayMergePatch({ data }, { data: {} }, { data })).toEqual({ data: hostile(() => null) });
    const ordered = inStructOrder({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: hostile((k) => k) }, 'ConfigMap') as ConfigMap;
    expect(ownKeys(ordered.data)).toEqual([...KEYS].sort());
  });

  it('survive strategic merge patches, both ways', () => {
    const live = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: hostile((k) => k) };
    const patched = applyStrategicPatch({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, { data: hostile((k) => k) }, 'ConfigMap') as { data: object };
    expect(ownKeys(patched.data)).toEqual(KEYS);
    expect(createThreeWayPatch(live, { ...live, data: {} }, live, 'ConfigMap')).toEqual({ data: hostile(() => null) });
    const added = createThreeWayPatch({}, live, { ...live, data: {} }, 'ConfigMap') as { data: object };
    expect(ownKeys(added.data)).toEqual(KEYS);
  });

  it('are paths like any other in a JSON patch', () => {
    const doc = { data: {} as Record<string, unknown> };
    const out = applyJsonPatch(doc, KEYS.map((k) => ({ op: 'add', path: `/data/${k}`, value: { polluted: k } }))) as typeof doc;
    expect(ownKeys(out.data)).toEqual(KEYS);
    expect(() => applyJsonPatch(doc, [{ op: 'remove', path: '/data/constructor' }])).toThrow('Unable to remove nonexistent key: constructor: missing value');
    // json-patch v4 (the API server's and kubectl's) lets replace set a key the map lacks: an own key here.
    const replaced = applyJsonPatch(doc, [{ op: 'replace', path: '/data/toString', value: 1 }]) as { data: Record<string, unknown> };
    expect(Object.getOwnPropertyNames(replaced.data)).toContain('toString');
    expect(replaced.data.toString).toBe(1);
    expect(() => applyJsonPatch(doc, [{ op: 'add', path: '/constructor/name', value: 1 }])).toThrow('add operation does not apply: doc is missing path: "/constructor/name": missing value');
  });

  it('go through the API server as ConfigMap keys, and as unknown fields elsewhere', () => {
    const { client } = newWorld();
    const cm = client.create(configmap.type, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keys', namespace: 'default' }, data: hostile((k) => k) } as KubeObject) as ConfigMap;
    expect(ownKeys(cm.data)).toEqual(KEYS);
    const patched = client.patch(configmap.type, 'default', 'keys', 'strategic', '{"metadata":{"__proto__":{"polluted":1}},"data":{"constructor":null}}') as ConfigMap;
    expect(client.takeWarnings()).toEqual(['unknown field "metadata.__proto__"']);
    expect(ownKeys(patched.data)).toEqual(KEYS.filter((k) => k !== 'constructor'));
    expect(ownKeys(patched.metadata)).not.toContain('__proto__');
    const merged = client.patch(configmap.type, 'default', 'keys', 'merge', '{"data":{"__proto__":null,"prototype":"p"}}') as ConfigMap;
    expect(merged.data).toEqual({ prototype: 'p', toString: 'toString', hasOwnProperty: 'hasOwnProperty' });
    const strict = statusOf(() =>
      client.create(deployment.type, JSON.parse('{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"default"},"spec":{"__proto__":{"replicas":5}}}'), { fieldValidation: 'Strict' }),
    );
    expect(strict.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.__proto__"');
  });

  it('are ordinary shell variable names', () => {
    const h = fakeHost({ env: JSON.parse('{"PATH":"/usr/bin:/bin","__proto__":"from-env"}') });
    const r = runToEnd(['sh', '-c', 'echo "[$__proto__]"; __proto__=x; constructor=y; echo "[$__proto__] [$constructor] [$unset]"; env | grep -c __proto__'], h, 0, 60_000);
    expect(r.output.map((c) => c.text).join('')).toBe('[from-env]\n[x] [y] []\n1\n');
  });

  it('leave Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('a JSON patch decoded as json-patch v4 decodes it (recorded from kubectl v1.32 patch --local)', () => {
  const doc = { kind: 'ConfigMap', data: { a: 'b' } };
  const fails = (ops: unknown) => () => applyJsonPatch(doc, ops);

  it('takes a list of objects, null as an empty one', () => {
    expect(fails({ op: 'add' })).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(fails('x')).toThrow('json: cannot unmarshal string into Go value of type jsonpatch.Patch');
    expect(fails([1])).toThrow('json: cannot unmarshal number into Go value of type jsonpatch.Operation');
    expect(fails([[1]])).toThrow('json: cannot unmarshal array into Go value of type jsonpatch.Operation');
    expect(fails([null])).toThrow('Unexpected kind: unknown');
  });

  it('reads the kind first ("unknown" unless a string), then from, then path, each operation wording a bad one its way', () => {
    expect(fails([{ path: '/a' }])).toThrow('Unexpected kind: unknown');
    expect(fails([{ op: 5, path: '/a' }])).toThrow('Unexpected kind: unknown');
    expect(fails([{ op: 'add', path: 5 }])).toThrow(/^add operation failed to decode path: missing value$/);
    expect(fails([{ op: 'remove' }])).toThrow(/^remove operation failed to decode path: missing value$/);
    expect(fails([{ op: 'copy', from: '/data' }])).toThrow(/^copy operation failed to decode path: missing value$/);
    expect(fails([{ op: 'replace' }])).toThrow('replace operation failed to decode path: operation missing path field: missing value');
    expect(fails([{ op: 'test', path: 5 }])).toThrow('test operation failed to decode path: json: cannot unmarshal number into Go value of type string');
    expect(fails([{ op: 'move', from: '/data' }])).toThrow('move operation failed to decode path: operation missing path field: missing value');
    expect(fails([{ op: 'move' }])).toThrow('move operation failed to decode from: operation, missing from field: missing value');
    expect(fails([{ op: 'copy', path: '/a', from: null }])).toThrow('copy operation failed to decode from: operation, missing from field: missing value');
    expect(fails([{ op: 'move', path: '/a', from: 5 }])).toThrow('move operation failed to decode from: json: cannot unmarshal number into Go value of type string');
    expect(applyJsonPatch(doc, [{ op: 'copy', from: '/data', path: '/d2' }])).toEqual({ ...doc, d2: { a: 'b' } });
  });

  it('applies as v4 does: replace sets a missing key or the whole document, copy of a missing key copies null, and words a missing path per operation', () => {
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '/data/z', value: '1' }])).toEqual({ kind: 'ConfigMap', data: { a: 'b', z: '1' } });
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '', value: [2] }])).toEqual([2]);
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '', value: 1 }])).toEqual(doc);
    expect(applyJsonPatch(doc, [{ op: 'copy', from: '/data/nope', path: '/a' }])).toEqual({ ...doc, a: null });
    expect(applyJsonPatch(doc, [{ op: 'test', path: '', value: doc }, { op: 'test', path: '/data/nope', value: null }])).toEqual(doc);
    expect(fails([{ op: 'test', path: '', value: 1 }])).toThrow(/^testing value  failed: test failed$/);
    expect(fails([{ op: 'replace', path: '/nope/x', value: 1 }])).toThrow(/^replace operation does not apply: doc is missing path: \/nope\/x: missing value$/);
    expect(fails([{ op: 'test', path: '/nope/x', value: 1 }])).toThrow(/^test operation does not apply: is missing path: \/nope\/x: missing value$/);
    expect(fails([{ op: 'add', path: '/nope/x', value: 1 }])).toThrow('add operation does not apply: doc is missing path: "/nope/x": missing value');
    expect(fails([{ op: 'copy', from: '/nope/x', path: '/a' }])).toThrow('copy operation does not apply: doc is missing from path: /nope/x: missing value');
    expect(fails([{ op: 'copy', from: '/data', path: '/nope/x' }])).toThrow('copy operation does not apply: doc is missing destination path: /nope/x: missing value');
    expect(fails([{ op: 'move', from: '', path: '/x' }])).toThrow(/^move operation does not apply: doc is missing from path: : missing value$/);
    expect(fails([{ op: 'move', from: '/data', path: '/nope/x' }])).toThrow('move operation does not apply: doc is missing destination path: /nope/x: missing value');
    expect(fails([{ op: 'move', from: '/data/nope', path: '/a' }])).toThrow(/^error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value$/);
  });
});
