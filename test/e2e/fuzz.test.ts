// Hostile input, generated: manifests and patches derived from valid objects by fast-check's
// mutations (any JSON value anywhere, out-of-range numbers, deep nesting, prototype keys, YAML
// aliases), sent through create, apply, replace and patch. Whatever the input: the answer is
// kubectl's (never a JavaScript engine's message, an internal error or a stack), it comes (never a
// hang), a rejected command leaves the store byte-identical, and the process's Object.prototype
// stays as it was. A fixed seed in CI; POCKETKUBE_FUZZ_RUNS and POCKETKUBE_FUZZ_SEED for more.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home, ROOT } from '../helpers/cli';

const RUNS = Number(process.env.POCKETKUBE_FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.POCKETKUBE_FUZZ_SEED ?? 20261207);
/** A case that has not answered after this long is a hang. */
const CASE_TIMEOUT_MS = 30_000;

/** What a JavaScript engine says, never kubectl. */
const ENGINE_TEXT =
  /TypeError|ReferenceError|RangeError|Cannot read propert|Cannot set propert|Cannot convert|is not a function|is not iterable|is not defined|Maximum call stack|Converting circular|undefined is not|\[object Object\]|internal error|InternalError|\n\s+at .+[(:]\d+/;

const templates = {
  deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
      },
    },
  },
  configmap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { key: 'value' }, binaryData: { bin: 'AAEC' } },
  secret: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, type: 'Opaque', data: { password: 'aHVudGVyMg==' }, stringData: { user: 'admin' } },
  pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'one', labels: { run: 'one' } },
    spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], env: [{ name: 'A', value: 'b' }] }], restartPolicy: 'Always' },
  },
  namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
} as const;
type Kind = keyof typeof templates;

/** Every path into an object (keys and list indices) down to a depth, for a mutation to pick. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (at.length >= 12) return out;
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** `obj` with the value at `at` (its parent's key `last` when `add`) set to `value`; own properties only. */
function setAt(obj: unknown, at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const [head, ...rest] = at;
  const copy: any = Array.isArray(obj) ? [...obj] : obj && typeof obj === 'object' ? { ...obj } : {};
  Object.defineProperty(copy, head, { value: setAt(copy[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

const DEEP = '(nested this deep)';
const nested = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { n: v };
  return v;
};

/** Values hostile input is made of, besides any JSON value. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(2147483648, -2147483649, 9223372036854775807, 1e308, -1, 0, 0.5, 1e-7, '', ' ', '\u0000', 'a'.repeat(300), '-'.repeat(64), '🙂', 'nginx:1.25'),
  // Deep nesting stays a depth until the case is built: a value thousands deep is no counterexample to print.
  fc.integer({ min: 1, max: 3000 }).map((depth) => ({ [DEEP]: depth })),
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    JSON.parse('{"prototype": {"x": 1}}'),
    { toString: 'x', valueOf: 1, hasOwnProperty: true },
  ),
);

/** A key to add, ordinary or not. */
const hostileKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$patch', '$retainKeys', 'metadata', 'spec'));

const mutation = fc.record({ pick: fc.nat(), add: fc.boolean(), key: hostileKey, value: hostileValue });

/** A generated value as sent: a depth marker becomes that deep a nesting. */
const built = (v: unknown): unknown => (v && typeof v === 'object' && DEEP in v ? nested((v as Record<string, number>)[DEEP], 'deep') : v);

function mutate(base: unknown, ms: { pick: number; add: boolean; key: string; value: unknown }[]): unknown {
  let obj = base;
  for (const m of ms) {
    const all = paths(obj);
    const at = all[m.pick % all.length];
    obj = setAt(obj, m.add ? [...at, m.key] : at, built(m.value));
  }
  return obj;
}

/** A document's text: JSON, YAML, or YAML with aliases (a billion-laughs shape, or an alias of itself). */
const encoding = fc.constantFrom('json', 'yaml', 'aliases', 'self-alias');
/** YAML text of `obj`; one too deep for the yaml library's writer is written in flow style (JSON is YAML too). */
function yamlText(obj: unknown): string {
  try {
    return stringify(obj, { aliasDuplicateObjects: false });
  } catch {
    return `${JSON.stringify(obj)}\n`;
  }
}

function encode(obj: unknown, how: string): string {
  if (how === 'json') return JSON.stringify(obj);
  if (how === 'yaml') return yamlText(obj);
  if (how === 'aliases') {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    return `${yamlText(obj)}extra:\n${laughs.map((l) => `  ${l}`).join('\n')}\n`;
  }
  return `${yamlText(obj)}loop: &loop\n  self: *loop\n`;
}

interface Case {
  kind: Kind;
  verb: 'create' | 'apply' | 'replace' | 'patch';
  patchType: 'strategic' | 'merge' | 'json';
  mutations: { pick: number; add: boolean; key: string; value: unknown }[];
  how: string;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  kind: fc.constantFrom(...(Object.keys(templates) as Kind[])),
  verb: fc.constantFrom('create', 'apply', 'replace', 'patch'),
  patchType: fc.constantFrom('strategic', 'merge', 'json'),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  how: encoding,
});

/** The command line and files of a case. */
function commandOf(c: Case, dir: string): { argv: string[]; stdin?: string } {
  const base = templates[c.kind];
  if (c.verb === 'patch') {
    const target = `${base.kind.toLowerCase()}/${base.metadata.name}`;
    const changed = mutate({}, c.mutations);
    const body =
      c.patchType === 'json'
        ? JSON.stringify(c.mutations.map((m, i) => ({ op: ['add', 'replace', 'remove', 'test', 'move', 'copy'][m.pick % 6], path: `/${m.key}/${i}`, value: built(m.value), from: '/metadata' })))
        : JSON.stringify(changed);
    return { argv: ['patch', target, '--type', c.patchType, '-p', body] };
  }
  const file = path.join(dir, `case.${c.how === 'json' ? 'json' : 'yaml'}`);
  fs.writeFileSync(file, encode(mutate(base, c.mutations), c.how));
  return { argv: [c.verb, '-f', file] };
}

/** The home's store, as a digest of every file's name and bytes. */
function storeDigest(home: string): string {
  const h = createHash('sha256');
  const dir = path.join(home, 'store');
  for (const f of [path.join(home, 'store.json'), ...fs.readdirSync(dir).sort().map((f) => path.join(dir, f))]) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex');
}

let runner: ChildProcessWithoutNullStreams;
let answers: readline.Interface;
const waiting = new Map<number, (r: { code: number; stdout: string; stderr: string; pollution?: string[] }) => void>();
let template: Home;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-fuzz-'));

beforeAll(() => {
  template = new Home();
  for (const base of Object.values(templates)) template.ok('create', '-f', template.file(`${base.kind}.json`, JSON.stringify(base)));
  runner = spawn(process.execPath, [path.join(ROOT, 'test', 'fuzz', 'runner.cjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
  answers = readline.createInterface({ input: runner.stdout });
  answers.on('line', (line) => {
    const r = JSON.parse(line);
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
});

afterAll(() => {
  runner?.kill();
  template?.remove();
  fs.rmSync(work, { recursive: true, force: true });
});

let next = 0;
function run(argv: string[], home: string, stdin?: string): Promise<{ code: number; stdout: string; stderr: string; pollution?: string[] }> {
  const id = next++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      runner.kill();
      reject(new Error(`no answer after ${CASE_TIMEOUT_MS / 1000}s (a hang): pocketkube ${argv.join(' ').slice(0, 2000)}`));
    }, CASE_TIMEOUT_MS);
    waiting.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    runner.stdin.write(`${JSON.stringify({ id, argv, home, stdin })}\n`);
  });
}

describe('hostile input', () => {
  it(`gets kubectl's answers, never hangs, and leaves the store alone when refused (${RUNS} cases, seed ${SEED})`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const home = path.join(work, 'home');
        fs.rmSync(home, { recursive: true, force: true });
        fs.cpSync(template.dir, home, { recursive: true });
        fs.rmSync(path.join(home, 'files'), { recursive: true, force: true });
        const before = storeDigest(home);
        const { argv, stdin } = commandOf(c, work);
        const r = await run(argv, home, stdin);
        const sent = argv[1] === '-f' ? `\n--- ${argv[2]}:\n${fs.readFileSync(argv[2], 'utf8').slice(0, 3000)}\n---` : '';
        const said = `pocketkube ${argv.join(' ').slice(0, 300)}${sent}\n${r.stdout}${r.stderr}`;
        expect(r.pollution, said).toBeUndefined();
        expect(`${r.stdout}${r.stderr}`, said).not.toMatch(ENGINE_TEXT);
        expect([0, 1], said).toContain(r.code);
        if (r.code !== 0) {
          refused++;
          expect(storeDigest(home), `a refused command changed the store: ${said}`).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generator reaches the refusals it is for.
    expect(refused).toBeGreaterThan(RUNS / 4);
  }, 3_600_000);
});
