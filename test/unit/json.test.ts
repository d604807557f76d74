// -o json: Go's json.MarshalIndent with 4 spaces (kubectl's JSONPrinter). Golden texts come from the
// real kubectl v1.32 (fixtures/yaml-golden.json, see fixtures/gen-yaml-golden.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/printers/json';

const here = path.dirname(fileURLToPath(import.meta.url));
const golden: {
  cases: { name: string; json: string }[];
  commands: { name: string; args: string[]; json: string }[];
} = JSON.parse(fs.readFileSync(path.join(here, 'fixtures', 'yaml-golden.json'), 'utf8'));

describe('toJson matches kubectl -o json for objects read as maps (sorted keys)', () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(toJson(JSON.parse(c.json))).toBe(c.json);
  });
});

describe('toJson({sortKeys: false}) matches kubectl create --dry-run=client -o json (Go struct order)', () => {
  it.each(golden.commands.map((c) => [c.args.join(' '), c] as const))('%s', (_args, c) => {
    expect(toJson(JSON.parse(c.json), { sortKeys: false })).toBe(c.json);
  });
});

describe('toJson: layout', () => {
  const cases: [string, unknown, string][] = [
    ['empty object', {}, '{}\n'],
    ['empty array', [], '[]\n'],
    ['null', null, 'null\n'],
    ['string', 'x', '"x"\n'],
    ['number', 1.5, '1.5\n'],
    ['boolean', false, 'false\n'],
    ['flat object', { b: 1, a: 'x' }, '{\n    "a": "x",\n    "b": 1\n}\n'],
    ['nested empties', { m: {}, l: [], n: null }, '{\n    "l": [],\n    "m": {},\n    "n": null\n}\n'],
    ['array of values', [1, 'a', true, null], '[\n    1,\n    "a",\n    true,\n    null\n]\n'],
    ['array of objects', [{ a: 1 }, {}], '[\n    {\n        "a": 1\n    },\n    {}\n]\n'],
    ['nested arrays', { a: [[1], []] }, '{\n    "a": [\n        [\n            1\n        ],\n        []\n    ]\n}\n'],
    ['undefined members are left out', { a: 1, b: undefined }, '{\n    "a": 1\n}\n'],
    ['an object of only undefined members is empty', { b: undefined }, '{}\n'],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(toJson(value)).toBe(expected);
  });
});

describe('toJson: key order', () => {
  it('sorts keys by byte order at every level by default', () => {
    expect(toJson({ b: { z: 1, y: 2 }, B: 0, a: [{ d: 1, c: 2 }], '10': 1, '9': 2 })).toBe(
      '{\n    "10": 1,\n    "9": 2,\n    "B": 0,\n    "a": [\n        {\n            "c": 2,\n            "d": 1\n        }\n    ],\n    "b": {\n        "y": 2,\n        "z": 1\n    }\n}\n',
    );
  });
  it('sorts by code point (UTF-8 byte order), not UTF-16 units', () => {
    // kubectl prints "ｱ" (U+FF71) before "𝐀" (U+1D400), see golden case "keys: natural order"
    expect(toJson({ '𝐀': 1, 'ｱ': 2 })).toBe('{\n    "ｱ": 2,\n    "𝐀": 1\n}\n');
  });
  it('sortKeys: false keeps insertion order', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: null } }, { sortKeys: false })).toBe(
      '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "x",\n        "creationTimestamp": null\n    }\n}\n',
    );
  });
});

describe('toJson: string escaping (encoding/json with HTML escaping)', () => {
  const cases: [string, string][] = [
    ['<b>', '"\\u003cb\\u003e"'],
    ['a&b', '"a\\u0026b"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak\r\t', '"line\\nbreak\\r\\t"'],
    ['\b\f', '"\\b\\f"'],
    ['\u0001\u001f', '"\\u0001\\u001f"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['héllo 日本 😀', '"héllo 日本 😀"'],
    ['\u007f', '"\u007f"'],
    ["it's", '"it\'s"'],
  ];
  it.each(cases)('%j -> %s', (value, encoded) => {
    expect(toJson({ v: value })).toBe(`{\n    "v": ${encoded}\n}\n`);
  });
  it('escapes keys too', () => {
    expect(toJson({ '<k>&': 1 })).toBe('{\n    "\\u003ck\\u003e\\u0026": 1\n}\n');
  });
});
