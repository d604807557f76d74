// create|replace|delete --raw: the file's bytes sent to an API path as POST, PUT or DELETE, and
// the API server's answer printed as it came (kubectl's rawhttp); and replace --subresource.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const CM = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c1"},"data":{"a":"1"}}';
const PATH = '/api/v1/namespaces/default/configmaps';
const newHome = throwawayHomes();


describe('kubectl create|replace|delete --raw', () => {
  it('creates, replaces and deletes through the REST paths, printing the server’s JSON', () => {
    const h = newHome();
    const file = h.file('cm.json', CM);
    const created = h.ok('create', '--raw', PATH, '-f', file);
    expect(created.endsWith('}\n')).toBe(true);
    const obj = JSON.parse(created);
    expect(Object.keys(obj)).toEqual(['kind', 'apiVersion', 'metadata', 'data']);
    expect(obj.metadata).toMatchObject({ name: 'c1', namespace: 'default' });
    const again = h.run(['create', '--raw', PATH, '-f', file]);
    expect([again.code, again.stdout, again.stderr]).toEqual([1, '', 'Error from server (AlreadyExists): configmaps "c1" already exists\n']);

    const replaced = JSON.parse(h.ok('replace', '--raw', `${PATH}/c1`, '-f', h.file('cm2.json', CM.replace('"1"', '"2"'))));
    expect(replaced.data).toEqual({ a: '2' });
    expect(Number(replaced.metadata.resourceVersion)).toBeGreaterThan(Number(obj.metadata.resourceVersion));
    const misnamed = h.run(['replace', '--raw', `${PATH}/other`, '-f', file]);
    expect([misnamed.code, misnamed.stderr]).toEqual([1, 'Error from server (BadRequest): the name of the object (c1) does not match the name on the URL (other)\n']);

    expect(JSON.parse(h.ok('delete', '--raw', `${PATH}/c1`))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'c1', kind: 'configmaps', uid: obj.metadata.uid },
    });
    const gone = h.run(['delete', '--raw', `${PATH}/c1`]);
    expect([gone.code, gone.stderr]).toEqual([1, 'Error from server (NotFound): configmaps "c1" not found\n']);
  });

  it('sends standard input with -f -, and reports a body the server cannot decode', () => {
    const h = newHome();
    expect(JSON.parse(h.run(['create', '--raw', PATH, '-f', '-'], { input: CM }).stdout).metadata.name).toBe('c1');
    const yaml = h.run(['create', '--raw', PATH, '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\n' });
    expect([yaml.code, yaml.stderr]).toEqual([
      1,
      "Error from server (BadRequest): the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: invalid character 'a' looking for beginning of value (61706956657273696f6e3a2076310a6b696e643a20436f6e6669674d6170 ...)\n",
    ]);
    const elsewhere = h.run(['create', '--raw', '/api/v1/namespaces/kube-system/configmaps', '-f', '-'], { input: CM.replace('"c1"', '"c1","namespace":"default"') });
    expect([elsewhere.code, elsewhere.stderr]).toEqual([1, 'Error from server (BadRequest): the namespace of the provided object does not match the namespace sent on the request\n']);
  });

  it('answers a graceful delete with the object, still there, and deletes what a DeleteOptions body says at once', () => {
    const h = newHome();
    h.ok('run', 'p1', '--image=nginx');
    h.ok('run', 'p2', '--image=nginx');
    const graceful = JSON.parse(h.ok('delete', '--raw', '/api/v1/namespaces/default/pods/p1'));
    expect([graceful.kind, typeof graceful.metadata.deletionTimestamp, graceful.metadata.deletionGracePeriodSeconds]).toEqual(['Pod', 'string', 30]);
    const now = JSON.parse(h.ok('delete', '--raw', '/api/v1/namespaces/default/pods/p2', '-f', h.file('opts.json', '{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0}')));
    expect([now.kind, now.status, now.details.name]).toEqual(['Status', 'Success', 'p2']);
    expect(h.run(['get', 'pod', 'p2']).code).toBe(1);
  });

  it('refuses writes on a namespaced kind’s path across namespaces (it only lists), and evicts through pods/NAME/eviction', () => {
    const h = newHome();
    const before = h.ok('get', 'cm', '-A', '-o', 'name');
    const across = h.run(['delete', '--raw', '/api/v1/configmaps']);
    expect([across.code, across.stderr]).toEqual([1, 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n']);
    expect(h.run(['create', '--raw', '/api/v1/configmaps', '-f', '-'], { input: CM }).code).toBe(1);
    expect(h.ok('get', 'cm', '-A', '-o', 'name')).toBe(before);
    h.ok('run', 'p', '--image=nginx');
    const evicted = h.run(['create', '--raw', '/api/v1/namespaces/default/pods/p/eviction', '-f', '-'], { input: '{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"p"},"deleteOptions":{"gracePeriodSeconds":0}}' });
    expect(evicted).toEqual({ code: 0, stdout: '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}\n', stderr: '' });
    expect(h.run(['get', 'pod', 'p']).code).toBe(1);
  });

  it('refuses what kubectl refuses beside --raw', () => {
    const h = newHome();
    const file = h.file('cm.json', CM);
    const err = (...args: string[]) => h.run(args).stderr;
    expect(err('create', '--raw', PATH, '-f', file, '-f', file)).toBe('error: --raw can only use a single local file or stdin\n');
    expect(err('create', '--raw', PATH, '-f', 'https://example.com/cm.json')).toBe('error: --raw cannot read from a url\n');
    expect(err('create', '--raw', PATH, '-f', file, '-R')).toBe('error: --raw and --recursive are mutually exclusive\n');
    expect(err('create', '--raw', PATH, '-f', file, '-l', 'a=b')).toBe('error: --raw and --selector (-l) are mutually exclusive\n');
    expect(err('create', '--raw', PATH, '-f', file, '-o', 'yaml')).toBe('error: --raw and --output are mutually exclusive\n');
    expect(err('create', '--raw', 'a b', '-f', file)).toBe('error: --raw must be a valid URL path: parse "a b": invalid URI for request\n');
    expect(err('replace', '--raw', `${PATH}/c1`)).toBe('error: must specify --filename to replace\n');
    expect(err('delete', '--raw', `${PATH}/c1`, '-i')).toBe('error: --interactive can not be used with --raw\n');
    expect(err('delete', '--raw', `${PATH}/c1`, '-o', 'name')).toBe('error: --raw and --output are mutually exclusive\n');
    expect(h.ok('get', 'cm', '-o', 'name')).toBe('configmap/kube-root-ca.crt\n');
  });
});

describe('kubectl replace --subresource', () => {
  it('writes the status alone, and gets the server’s 404 for a subresource it serves no PUT of', () => {
    const h = newHome();
    h.ok('create', 'namespace', 'team');
    const ns = JSON.parse(h.ok('get', 'namespace', 'team', '-o', 'json'));
    ns.metadata.labels = { changed: 'yes' };
    ns.status = { phase: 'Active' };
    const file = h.file('ns.json', JSON.stringify(ns));
    expect(h.ok('replace', '--subresource=status', '-f', file)).toBe('namespace/team replaced\n');
    // The status write keeps the object's metadata as it was.
    expect(h.ok('get', 'namespace', 'team', '-o', 'jsonpath={.metadata.labels}')).toBe('{"kubernetes.io/metadata.name":"team"}');
    const r = h.run(['replace', '--subresource=foo', '-f', file]);
    expect([r.code, r.stderr]).toEqual([1, `Error from server (NotFound): error when replacing "${file}": the server could not find the requested resource\n`]);
  });
});
