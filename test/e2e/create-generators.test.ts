// What a differential run against kubectl v1.32 found in create's generators and the print flags
// (expected texts recorded from kubectl through scripts/kubectl-oracle.mjs): -n names the
// namespace in a generated object, `create deployment NAME --image -- CMD` sets the command,
// --template alone prints with a Go template, and an object without a name is "<unknown>".
import { afterAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

describe('create generators and print flags as kubectl v1.32', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('names the namespace -n gave in a generated object, and only then', () => {
    expect(h.ok('create', 'configmap', 'c', '--from-literal=a=1', '-n', 'staging', '--dry-run=client', '-o', 'jsonpath={.metadata.namespace}')).toBe('staging');
    expect(h.ok('create', 'configmap', 'c', '--from-literal=a=1', '--dry-run=client', '-o', 'yaml')).not.toContain('namespace:');
  });

  it('create deployment NAME --image=I -- CMD sets the containers’ command, refused beside several images', () => {
    expect(h.ok('create', 'deployment', 'x', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].command}', '--', 'sleep', '3600')).toBe('["sleep","3600"]');
    expect(h.run(['create', 'deployment', 'x', '--image=nginx', '--image=redis', '--dry-run=client', '--', 'sleep'])).toEqual({ code: 1, stdout: '', stderr: 'error: cannot specify multiple --image options and command\n' });
    expect(h.run(['create', 'deployment', 'x', 'y', '--image=nginx']).stderr).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n");
  });

  it('prints with --template alone as with -o go-template', () => {
    expect(h.ok('create', 'deployment', 'd', '--image=nginx', '--dry-run=client', '--template={{.kind}}')).toBe('Deployment');
    h.ok('create', 'configmap', 'cm', '--from-literal=pw=hunter2');
    expect(h.ok('get', 'configmap', 'cm', '--template={{.data.pw}}')).toBe('hunter2');
  });

  it('records a generated object’s --save-config annotation as its Go encoding (as kubectl does)', () => {
    h.ok('create', 'configmap', 'saved', '--from-literal=a=1', '--save-config');
    expect(h.ok('get', 'configmap', 'saved', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}')).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"saved","creationTimestamp":null},"data":{"a":"1"}}\n',
    );
  });

  it('prints several objects with -o yaml as kubectl does: label and patch a printer each (no "---"), annotate one', () => {
    const f = h.file('multi.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    const docs = (out: string) => out.split('\n').filter((l) => l === '---').length;
    expect(docs(h.ok('label', '--local', '-f', f, 'x=y', '-o', 'yaml'))).toBe(0);
    expect(docs(h.ok('patch', '--local', '-f', f, '-p', '{"data":{"k":"v"}}', '-o', 'yaml'))).toBe(0);
    expect(docs(h.ok('annotate', '--local', '-f', f, 'x=y', '-o', 'yaml'))).toBe(1);
  });

  it('words what it refuses as kubectl does: a directory without manifests, a JSON patch removing a missing key, a root flag without its value', () => {
    const dir = h.file('empty/readme.txt', 'no manifests here').replace(/readme\.txt$/, '');
    const clean = dir.replace(/\/$/, '');
    expect(h.run(['create', '-f', clean, '--dry-run=client'])).toEqual({ code: 1, stdout: '', stderr: `error: error reading [${clean}]: recognized file extensions are [.json .yaml .yml]\n` });
    const cm = h.file('cmp.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n');
    expect(h.run(['patch', '--local', '-f', cm, '--type', 'json', '-p', '[{"op":"remove","path":"/data/nope"}]', '-o', 'yaml']).stderr).toBe(
      "error: error in remove for path: '/data/nope': Unable to remove nonexistent key: nope: missing value\n",
    );
    expect(h.run(['-n']).stderr).toBe("Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n");
  });

  it('patches locally as kubectl v1.32 does: the body read as YAML once, the result decoded as unstructured', () => {
    const cm = h.file('cml.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n');
    const patch = (type: string, p: string) => h.run(['patch', '-f', cm, '--local', '--type', type, '-p', p, '-o', 'jsonpath={.data}']);
    const fails = (stderr: string) => ({ code: 1, stdout: '', stderr: `error: ${stderr}\n` });
    expect(patch('merge', '[1]')).toEqual(fails('json: cannot unmarshal array into Go value of type unstructured.detector'));
    expect(patch('merge', '{"kind":null}')).toEqual(
      fails('Object \'Kind\' is missing in \'{"apiVersion":"v1","data":{"a":"b"},"metadata":{"name":"c"}}\''),
    );
    expect(patch('json', '[{"op":"remove","path":"/kind"}]')).toEqual(
      fails('Object \'Kind\' is missing in \'{"apiVersion":"v1","data":{"a":"b"},"metadata":{"name":"c"}}\''),
    );
    expect(patch('json', '[1]')).toEqual(fails('json: cannot unmarshal number into Go value of type jsonpatch.Operation'));
    expect(patch('json', '[[1]]')).toEqual(fails('json: cannot unmarshal array into Go value of type jsonpatch.Operation'));
    expect(patch('json', '"x"')).toEqual(fails('json: cannot unmarshal string into Go value of type jsonpatch.Patch'));
    expect(patch('json', 'x')).toEqual(fails('json: cannot unmarshal string into Go value of type jsonpatch.Patch'));
    expect(patch('merge', '"x"')).toEqual(fails('Invalid JSON Patch'));
    expect(patch('strategic', '[1]')).toEqual(fails('invalid JSON document'));
    expect(patch('strategic', 'data: {a: q}')).toEqual({ code: 0, stdout: '{"a":"q"}', stderr: '' });
  });

  it('names an object with only a generateName "<unknown>"', () => {
    const f = h.file('gen.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: g-\n');
    expect(h.ok('create', '-f', f, '--dry-run=client')).toBe('configmap/<unknown> created (dry run)\n');
  });
});
