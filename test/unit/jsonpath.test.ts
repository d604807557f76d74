// JSONPath templates. The golden cases in fixtures/jsonpath-golden.json were produced by the real
// kubectl v1.32 against a fake API server (see fixtures/gen-jsonpath-golden.mjs); each is
// replayed here through the module and must match kubectl's stdout, stderr and exit code.
//
// How kubectl forms its error lines around the module's errors (all exit with code 1):
//   -o jsonpath / -o jsonpath-as-json (cli-runtime's JSONPathPrintFlags and JSONPathPrinter):
//     parse error     "error: error parsing jsonpath <template>, <client-go message>\n"
//     execution error "error: error executing jsonpath <%q template>: Error executing template:
//                     <client-go message>. Printing more information ...<%#v of the object>\n\n\n"
//     newJsonPathPrinter / JsonPathPrinter.print throw JsonPathPrinterError whose message is
//     everything after "error: ". kubectl's fatal() adds "\n" unless the text already ends in one.
//   wait --for=jsonpath=... (kubectl's wait.go / json.go): the message bare,
//     "error: <message>\n", for flag errors, relaxed-path errors, parse errors and evaluation
//     errors alike; parseWaitJsonPath / waitJsonPathMet throw JsonPathError with that message.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  JsonPath,
  JsonPathError,
  JsonPathPrinter,
  executeJsonPath,
  newJsonPathPrinter,
  parseJsonPath,
  parseWaitJsonPath,
  printJsonPath,
  printJsonPathAsJson,
  relaxedJsonPath,
  waitJsonPathMet,
} from '../../src/printers/jsonpath';
import { formatFloat } from '../../src/printers/jsonpath/gofmt';

interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}
interface GoldenCase extends Outcome {
  name: string;
  target: string;
  output: 'jsonpath' | 'jsonpath-as-json';
  template: string;
  allowMissingKeys: boolean;
  unordered?: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const golden: {
  generatedBy: string;
  objects: Record<string, unknown>;
  cases: GoldenCase[];
  waits: (Outcome & { target: string; for: string })[];
  sequences: (Outcome & { template: string; objects: unknown[] })[];
} = JSON.parse(fs.readFileSync(path.join(here, 'fixtures', 'jsonpath-golden.json'), 'utf8'));

/** kubectl's fatal(): "error: " unless already there, and a final newline unless already there. */
const errorLine = (message: string) => (message.startsWith('error: ') ? message : `error: ${message}`) + (message.endsWith('\n') ? '' : '\n');

/** What `kubectl get <target> -o <format>=<template>` does with the module. */
function get(c: GoldenCase): Outcome {
  try {
    const printer = newJsonPathPrinter(c.output, c.template, c.allowMissingKeys);
    return { stdout: printer.print(golden.objects[c.target]), stderr: '', exitCode: 0 };
  } catch (e) {
    return { stdout: '', stderr: errorLine((e as Error).message), exitCode: 1 };
  }
}

/**
 * Go walks maps in random order: such outputs are compared as multisets, of the words of the
 * text, or of the elements of the one JSON array -o jsonpath-as-json printed.
 */
const unordered = (c: GoldenCase, s: string) =>
  c.output === 'jsonpath-as-json' ? (JSON.parse(s) as unknown[]).map((v) => JSON.stringify(v)).sort() : s.split(' ').sort();

describe('kubectl get -o jsonpath (golden cases)', () => {
  it('has the golden cases', () => {
    expect(golden.cases.length).toBeGreaterThan(250);
    expect(golden.cases.filter((c) => c.exitCode !== 0).length).toBeGreaterThan(60);
  });
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = get(c);
    if (c.unordered) {
      expect(unordered(c, got.stdout)).toEqual(unordered(c, c.stdout));
      expect([got.stderr, got.exitCode]).toEqual([c.stderr, c.exitCode]);
    } else expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  });
});

/** How kubectl names the targets in wait's output and errors. */
const WAIT_NAMES: Record<string, { printed: string; resource: string }> = {
  'pod/web': { printed: 'pod/web', resource: 'pods/web' },
  'configmap/odd': { printed: 'configmap/odd', resource: 'configmaps/odd' },
  'deployment/nginx': { printed: 'deployment.apps/nginx', resource: 'deployments/nginx' },
};

describe('kubectl wait --for=jsonpath= --timeout=0 (golden cases)', () => {
  it.each(golden.waits.map((w) => [w.for, w] as const))('%s', (_for, w) => {
    let got: Outcome;
    try {
      const wait = parseWaitJsonPath(w.for.slice('jsonpath='.length));
      const names = WAIT_NAMES[w.target];
      got = waitJsonPathMet(wait, golden.objects[w.target])
        ? { stdout: `${names.printed} condition met\n`, stderr: '', exitCode: 0 }
        : { stdout: '', stderr: `error: condition not met for ${names.resource}\n`, exitCode: 1 };
    } catch (e) {
      expect(e).toBeInstanceOf(JsonPathError);
      got = { stdout: '', stderr: errorLine((e as Error).message), exitCode: 1 };
    }
    expect(got).toEqual({ stdout: w.stdout, stderr: w.stderr, exitCode: w.exitCode });
  });
});

describe('one printer for several objects keeps its range state, as kubectl does', () => {
  it.each(golden.sequences.map((s) => [s.template, s] as const))('%s', (_t, s) => {
    const printer = newJsonPathPrinter('jsonpath', s.template);
    let stdout = '';
    let stderr = '';
    for (const obj of s.objects) {
      try {
        stdout += printer.print(obj);
      } catch (e) {
        stderr = errorLine((e as Error).message);
        break;
      }
    }
    expect({ stdout, stderr, exitCode: stderr ? 1 : 0 }).toEqual({ stdout: s.stdout, stderr: s.stderr, exitCode: s.exitCode });
  });
});

describe('API', () => {
  const pod = golden.objects['pod/web'];

  it('parse errors are JsonPathErrors with client-go text', () => {
    expect(() => parseJsonPath('{.a')).toThrow(new JsonPathError('unclosed action'));
    expect(() => parseJsonPath('{.a[x]}')).toThrow('invalid array index x');
    expect(() => newJsonPathPrinter('jsonpath', '')).toThrow('template format specified but no template given');
  });

  it('executeJsonPath returns the values of each top-level node', () => {
    const t = parseJsonPath('{.metadata.name}: {.spec.containers[*].ports[*].containerPort}');
    expect(executeJsonPath(t, pod, { allowMissingKeys: true })).toEqual([['web'], [': '], [80, 443, 9090]]);
    expect(executeJsonPath(parseJsonPath('{range .spec.containers[*]}{.name}{end}'), pod, { allowMissingKeys: true })).toEqual([['app'], ['sidecar']]);
  });

  it('missing keys: silent or an error', () => {
    const t = parseJsonPath('{.metadata.nope}');
    expect(printJsonPath(t, pod, { allowMissingKeys: true })).toBe('');
    expect(() => printJsonPath(t, pod, { allowMissingKeys: false })).toThrow(new JsonPathError('nope is not found'));
  });

  it('fresh evaluations do not share range state; a reused JsonPath does', () => {
    const t = parseJsonPath('{range .spec.containers[*]}{.name} {end}');
    expect(printJsonPath(t, pod, { allowMissingKeys: true })).toBe(printJsonPath(t, pod, { allowMissingKeys: true }));
    const reused = new JsonPath(t, true);
    reused.findResults(pod);
    expect(() => reused.findResults(pod)).toThrow('not in range, nothing to end');
  });

  it('jsonpath-as-json prints one indented array per node', () => {
    expect(printJsonPathAsJson(parseJsonPath('{.spec.containers[*].name}'), pod, { allowMissingKeys: true })).toBe('[\n    "app",\n    "sidecar"\n]\n');
  });

  it('JsonPathPrinter throws the raw parse error; newJsonPathPrinter words it', () => {
    expect(() => new JsonPathPrinter('{.a', { allowMissingKeys: true, outputJson: false })).toThrow(JsonPathError);
    expect(() => newJsonPathPrinter('jsonpath', '{.a')).toThrow('error parsing jsonpath {.a, unclosed action');
  });

  it('relaxedJsonPath', () => {
    expect(['a.b', '.a.b', '{a.b}', '{.a.b}'].map(relaxedJsonPath)).toEqual(['{.a.b}', '{.a.b}', '{.a.b}', '{.a.b}']);
    expect(relaxedJsonPath('')).toBe('');
    expect(relaxedJsonPath('{.}')).toBe('{..}');
    expect(() => relaxedJsonPath('{.a}{.b}')).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });

  it('formats float64 as Go %v', () => {
    const cases: [number, string][] = [
      [0.5, '0.5'],
      [1, '1'],
      [-0, '-0'],
      [123456.5, '123456.5'],
      [1e6, '1e+06'],
      [1234567.5, '1.2345675e+06'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1e21, '1e+21'],
      [1.5e-300, '1.5e-300'],
      [-2.5e100, '-2.5e+100'],
    ];
    expect(cases.map(([v]) => formatFloat(v))).toEqual(cases.map(([, s]) => s));
  });
});
