// -o yaml. The golden cases in fixtures/yaml-golden.json were printed by the real kubectl v1.32
// (see fixtures/gen-yaml-golden.mjs): for each case the object kubectl printed with -o json is fed
// to toYaml and must come out byte for byte as kubectl's -o yaml.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toYaml, yamlKeyLess } from '../../src/printers/yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const golden: {
  generatedBy: string;
  cases: { name: string; json: string; yaml: string }[];
  commands: { name: string; args: string[]; json: string; yaml: string }[];
} = JSON.parse(
  fs.readFileSync(path.join(here, 'fixtures', 'yaml-golden.json'), 'utf8'),
);

describe('toYaml matches kubectl -o yaml (golden cases)', () => {
  it('has the golden cases', () => {
    expect(golden.cases.length).toBeGreaterThan(140);
  });
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(toYaml(JSON.parse(c.json))).toBe(c.yaml);
  });
});

describe('toYaml matches kubectl create --dry-run=client -o yaml', () => {
  it.each(golden.commands.map((c) => [c.args.join(' '), c] as const))('%s', (_args, c) => {
    expect(toYaml(JSON.parse(c.json))).toBe(c.yaml);
  });
});

describe('toYaml: quoting of single values (from the golden cases, spelled out)', () => {
  // [string value, how kubectl prints it after "a: "]
  const cases: [string, string][] = [
    ['hello', 'hello'],
    ['true', '"true"'],
    ['yes', '"yes"'],
    ['no', '"no"'],
    ['on', '"on"'],
    ['Off', '"Off"'],
    ['y', '"y"'],
    ['N', '"N"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['', '""'],
    ['123', '"123"'],
    ['0755', '"0755"'],
    ['0x1F', '"0x1F"'],
    ['1_000', '"1_000"'],
    ['1.5', '"1.5"'],
    ['.5', '".5"'],
    ['1e3', '"1e3"'],
    ['.inf', '".inf"'],
    ['1.2.3', '1.2.3'],
    ['12:30:45', '"12:30:45"'],
    ['12:60', '12:60'],
    ['2024-12-15', '"2024-12-15"'],
    ['2024-12-15T10:00:00Z', '"2024-12-15T10:00:00Z"'],
    ['2024-12-15 10:00:00', '"2024-12-15 10:00:00"'],
    ['- item', "'- item'"],
    ['-item', '-item'],
    ['key: value', "'key: value'"],
    ['a:b', 'a:b'],
    ['a #b', "'a #b'"],
    ['a#b', 'a#b'],
    ['#x', "'#x'"],
    ["it's", "it's"],
    ["'quoted'", "'''quoted'''"],
    ['"quoted"', `'"quoted"'`],
    ['say "hi"', 'say "hi"'],
    ['`cmd`', "'`cmd`'"],
    ['@home', "'@home'"],
    ['*alias', "'*alias'"],
    ['[a, b]', "'[a, b]'"],
    ['a, b', 'a, b'],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['a\tb', '"a\\tb"'],
    ['C:\\path', 'C:\\path'],
    ['héllo wörld', 'héllo wörld'],
  ];
  it.each(cases)('%j -> a: %s', (value, printed) => {
    expect(toYaml({ a: value })).toBe(`a: ${printed}\n`);
  });
});

describe('toYaml: literal blocks', () => {
  const cases: [string, string][] = [
    ['line1\nline2', 'a: |-\n  line1\n  line2\n'],
    ['line1\nline2\n', 'a: |\n  line1\n  line2\n'],
    ['line1\nline2\n\n', 'a: |+\n  line1\n  line2\n\n'],
    ['  indented\nline2', 'a: |2-\n    indented\n  line2\n'],
    ['\nline2', 'a: |2-\n\n  line2\n'],
    ['a\n\nb', 'a: |-\n  a\n\n  b\n'],
    ['a\nb ', 'a: "a\\nb "\n'],
    ['a \nb', 'a: "a \\nb"\n'],
  ];
  it.each(cases)('%j', (value, expected) => {
    expect(toYaml({ a: value })).toBe(expected);
  });
  it('indents block content under nested keys and list items', () => {
    expect(toYaml({ m: { k: 'x\ny\n' }, l: ['p\nq'] })).toBe('l:\n- |-\n  p\n  q\nm:\n  k: |\n    x\n    y\n');
  });
});

describe('toYaml: folding long scalars past column 80', () => {
  const long = 'The quick brown fox jumps over the lazy dog and keeps running across the wide green field until the sun goes down';
  it('plain scalars break at the first space after column 80 and continue two spaces deeper', () => {
    expect(toYaml({ a: long })).toBe(
      'a: The quick brown fox jumps over the lazy dog and keeps running across the wide green\n  field until the sun goes down\n',
    );
    expect(toYaml({ m: { p: { v: long } } })).toBe(
      'm:\n  p:\n    v: The quick brown fox jumps over the lazy dog and keeps running across the wide\n      green field until the sun goes down\n',
    );
  });
  it('a word longer than the line is never broken', () => {
    expect(toYaml({ a: 'x'.repeat(120) })).toBe(`a: ${'x'.repeat(120)}\n`);
  });
});

describe('toYaml: structure', () => {
  // checked with sigs.k8s.io/yaml JSONToYAML (go-yaml v2), which kubectl uses
  const cases: [string, unknown, string][] = [
    ['empty map', {}, '{}\n'],
    ['empty list', [], '[]\n'],
    ['null', null, 'null\n'],
    ['top-level string', 'x', 'x\n'],
    ['top-level quoted string', 'true', '"true"\n'],
    ['top-level number', 1.5, '1.5\n'],
    ['top-level list', [1, 'a'], '- 1\n- a\n'],
    ['list of empty list', [[]], '- []\n'],
    ['list of empty map', [{}], '- {}\n'],
    ['nested lists', [[1, [2]]], '- - 1\n  - - 2\n'],
    ['list under key is flush with the key', { a: [[1, 2], [3]] }, 'a:\n- - 1\n  - 2\n- - 3\n'],
    ['list of maps', [{ a: 1, b: 2 }], '- a: 1\n  b: 2\n'],
    ['empty collections as values', { m: {}, l: [], n: null, t: true, z: 0 }, 'l: []\nm: {}\n"n": null\nt: true\nz: 0\n'],
    ['keys in natural order', { k10: 1, k2: 2, k1: 3 }, 'k1: 3\nk2: 2\nk10: 1\n'],
    ['undefined members are skipped', { a: 1, b: undefined }, 'a: 1\n'],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(toYaml(value)).toBe(expected);
  });
});

describe('yamlKeyLess (go-yaml keyList.Less)', () => {
  // The order kubectl printed these map keys in (golden case "keys: natural order").
  const kubectlOrder = [
    '-x', '.x', '_x', '1', '9', '10', 'A', 'B', 'Z', 'a', 'a0', 'a00', 'a9', 'a09', 'a10', 'a010', 'b-2', 'b.1', 'b_3',
    'e', 'f', 'k1', 'k2', 'k10', 'x1', 'x1y2', 'x1y10', 'x01', 'z', 'é', '日', 'ｱ', '𝐀',
  ];
  const pairs = kubectlOrder.slice(1).map((b, i) => [kubectlOrder[i], b] as const);
  it.each(pairs)('%j < %j', (a, b) => {
    expect(yamlKeyLess(a, b)).toBe(true);
    expect(yamlKeyLess(b, a)).toBe(false);
  });
  const more: [string, string, boolean][] = [
    ['k2', 'k10', true],
    ['k10', 'k2', false],
    ['a', 'a', false],
    ['a', 'ab', true],
    ['ab', 'a', false],
    ['item2', 'item10', true],
    ['v1beta1', 'v1', false],
    ['v1', 'v1beta1', true],
    ['containerPort', 'containers', true],
    ['apiVersion', 'kind', true],
    ['kind', 'metadata', true],
    ['metadata', 'spec', true],
    ['spec', 'status', true],
  ];
  it.each(more)('yamlKeyLess(%j, %j) = %s', (a, b, expected) => {
    expect(yamlKeyLess(a, b)).toBe(expected);
  });
});
