// Reading -f manifests as kubectl does: parse, validation and decode errors worded exactly as
// kubectl v1.32 words them (goldens recorded from the real binary), documents before a bad one
// still applied, empty input refused, and what apply/create print for what they read.
import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Home } from '../helpers/cli';
import golden from './fixtures/manifest-errors.json';

const lines = (...l: string[]) => l.join('\n') + '\n';
const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

describe('manifest errors match kubectl v1.32 (recorded goldens)', () => {
  const h = new Home();
  afterAll(() => h.remove());
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = path.join(h.dir, 'cases', String(golden.cases.indexOf(c)));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, c.file), c.content);
    expect(h.run(c.args, { cwd: dir })).toEqual({ code: c.code, stdout: c.stdout, stderr: c.stderr });
  });
});

describe('reading manifests', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('applies the documents before one that does not parse, then reports it with its own line number', () => {
    const f = h.file('two.yaml', `${cm('first')}---\n${cm('second')}  labels: [x\n`);
    expect(h.run(['apply', '-f', f])).toEqual({
      code: 1,
      stdout: 'configmap/first created\n',
      stderr: `error: error parsing ${f}: error converting YAML to JSON: yaml: line 5: did not find expected ',' or ']'\n`,
    });
  });

  it('skips a document it cannot decode and goes on with the rest of the file', () => {
    const f = h.file('skip.yaml', `${cm('one')}---\n- a list\n---\n${cm('two')}`);
    expect(h.run(['apply', '-f', f, '--validate=false'])).toEqual({
      code: 1,
      stdout: 'configmap/one created\nconfigmap/two created\n',
      stderr: `error: unable to decode ${JSON.stringify(f)}: json: cannot unmarshal array into Go value of type unstructured.detector\n`,
    });
  });

  it('refuses empty input as kubectl does', () => {
    const empty = h.file('empty.yaml', '# nothing here\n---\n');
    expect(h.run(['apply', '-f', empty])).toEqual({ code: 1, stdout: '', stderr: 'error: no objects passed to apply\n' });
    expect(h.run(['create', '-f', empty])).toEqual({ code: 1, stdout: '', stderr: 'error: no objects passed to create\n' });
    expect(h.run(['delete', '-f', empty])).toEqual({ code: 0, stdout: 'No resources found\n', stderr: '' });
    expect(h.run(['apply', '-f', '-'], { input: '' })).toEqual({ code: 1, stdout: '', stderr: 'error: no objects passed to apply\n' });
  });

  it('reads YAML the way go-yaml v2 does: timestamps and sexagesimals stay strings, a repeated key keeps the last value', () => {
    const f = h.file('values.yaml', cm('values', 'data:\n  date: 2024-12-15\n  stamp: 2024-12-15T10:00:00Z\n  clock: 12:30:45\n  twice: a\n  twice: b\n'));
    h.ok('apply', '-f', f);
    const data = JSON.parse(h.ok('get', 'cm', 'values', '-o', 'json')).data;
    expect(data).toEqual({ clock: '12:30:45', date: '2024-12-15', stamp: '2024-12-15T10:00:00Z', twice: 'b' });
  });

  it('reads a stream of JSON objects', () => {
    const f = h.file('stream.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j1"}}\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j2"}}');
    expect(h.ok('apply', '-f', f)).toBe('configmap/j1 created\nconfigmap/j2 created\n');
  });

  it('explains objects that cannot be applied by name', () => {
    const gen = h.file('gen.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n');
    expect(h.run(['apply', '-f', gen]).stderr).toBe('error: from gen-: cannot use generate name with apply\n');
    const nameless = h.file('nameless.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n');
    expect(h.run(['apply', '-f', nameless]).stderr).toBe(
      `error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "default"\nfrom server for: ${JSON.stringify(nameless)}: resource name may not be empty\n`,
    );
    expect(h.run(['delete', '-f', nameless]).stderr).toBe(`error: error when deleting ${JSON.stringify(nameless)}: resource name may not be empty\n`);
  });
});

describe('what apply and create print', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('apply -o yaml|json prints everything at the end, several objects as a v1 List', () => {
    const f = h.file('pair.yaml', `${cm('p1')}---\n${cm('p2')}`);
    const yaml = h.ok('apply', '-f', f, '-o', 'yaml');
    expect(yaml).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n/);
    expect(yaml).toMatch(/\nkind: List\nmetadata: {}\n$/);
    const json = h.ok('apply', '-f', f, '-o', 'json');
    expect(json).toMatch(/^{\n    "kind": "List",\n    "apiVersion": "v1",\n    "metadata": {},\n    "items": \[\n        {\n            "apiVersion": "v1",\n/);
    expect(JSON.parse(json).items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['p1', 'p2']);
  });

  it('apply --dry-run=server says configured when the manifest changes something, unchanged when not', () => {
    const f = h.file('dry.yaml', cm('dry', 'data:\n  a: "1"\n'));
    h.ok('apply', '-f', f);
    expect(h.ok('apply', '-f', f, '--dry-run=server')).toBe('configmap/dry unchanged (server dry run)\n');
    fs.writeFileSync(f, cm('dry', 'data:\n  a: "2"\n'));
    expect(h.ok('apply', '-f', f, '--dry-run=server')).toBe('configmap/dry configured (server dry run)\n');
    expect(JSON.parse(h.ok('get', 'cm', 'dry', '-o', 'json')).data).toEqual({ a: '1' });
  });

  it('apply --dry-run=client neither warns about a missing annotation nor computes a patch', () => {
    h.ok('create', 'configmap', 'plain', '--from-literal=a=1');
    const f = h.file('plain.yaml', cm('plain', 'data:\n  a: "1"\n'));
    expect(h.run(['apply', '-f', f, '--dry-run=client'])).toEqual({ code: 0, stdout: 'configmap/plain configured (dry run)\n', stderr: '' });
  });

  it('create -f --dry-run=client prints the object in the namespace it would land in', () => {
    const f = h.file('ns.yaml', cm('in-ns'));
    expect(h.ok('create', '-f', f, '--dry-run=client', '-o', 'yaml')).toBe(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: in-ns', '  namespace: default'));
  });

  it('--record records the command line and says the flag is deprecated', () => {
    const f = h.file('rec.yaml', cm('rec'));
    const r = h.run(['apply', '-f', f, '--record']);
    expect(r).toEqual({ code: 0, stdout: 'configmap/rec created\n', stderr: 'Flag --record has been deprecated, --record will be removed in the future\n' });
    const annotations = JSON.parse(h.ok('get', 'cm', 'rec', '-o', 'json')).metadata.annotations;
    expect(annotations['kubernetes.io/change-cause']).toBe(`kubectl apply --filename=${f} --record=true`);
    h.ok('create', 'deployment', 'rec', '--image=nginx');
    expect(h.run(['scale', 'deploy/rec', '--replicas=2', '--record']).stdout).toBe('deployment.apps/rec scaled\n');
    const dep = JSON.parse(h.ok('get', 'deploy', 'rec', '-o', 'json'));
    expect(dep.metadata.annotations['kubernetes.io/change-cause']).toBe('kubectl scale deploy/rec --replicas=2 --record=true');
  });
});
