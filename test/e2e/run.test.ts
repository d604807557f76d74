// kubectl run's flags beyond the pod generator's: --overrides (merge, json, strategic), image
// reference and flag checks, --expose on a server without Services, --save-config, and --rm,
// -q, --leave-stdin-open and --pod-running-timeout around an attached run. Expected texts were
// recorded from kubectl v1.32 (scripts/kubectl-oracle.mjs for the client-side ones).
import { afterAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

const lines = (...l: string[]) => l.join('\n') + '\n';
const usage = (msg: string) => `error: ${msg}\nSee 'kubectl run -h' for help and examples\n`;

describe('kubectl run --overrides', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('merges a strategic patch into the generated pod (containers by name)', () => {
    const out = h.ok('run', 'x', '--image=nginx', '--override-type=strategic', '--overrides={"spec":{"containers":[{"name":"x","image":"busybox"}],"hostNetwork":true}}', '--dry-run=client', '-o', 'yaml');
    expect(out).toBe(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    run: x',
        '  name: x',
        'spec:',
        '  containers:',
        '  - image: busybox',
        '    name: x',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  hostNetwork: true',
        '  restartPolicy: Always',
        'status: {}',
      ),
    );
  });

  it('applies a JSON patch, and names the namespace given with -n', () => {
    const out = h.ok('run', 'x', '--image=nginx', '--override-type=json', '--overrides=[{"op":"add","path":"/metadata/labels/tier","value":"web"},{"op":"remove","path":"/metadata/labels/run"}]', '-n', 'other', '--dry-run=client', '-o', 'yaml');
    expect(out).toBe(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    tier: web',
        '  name: x',
        '  namespace: other',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    name: x',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Always',
        'status: {}',
      ),
    );
  });

  it('merges by default and drops what the Pod type has no field for', () => {
    const out = JSON.parse(h.ok('run', 'x', '--image=nginx', '--overrides={"metadata":{"annotations":{"a":"b"}},"spec":{"bogus":1,"restartPolicy":"Never"}}', '--dry-run=client', '-o', 'json'));
    expect(out.metadata).toEqual({ name: 'x', creationTimestamp: null, labels: { run: 'x' }, annotations: { a: 'b' } });
    expect(out.spec).toEqual({ containers: [{ name: 'x', image: 'nginx', resources: {} }], restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' });
  });

  it('reports a bad override as kubectl does', () => {
    const err = (...extra: string[]) => h.run(['run', 'x', '--image=nginx', '--dry-run=client', ...extra]);
    expect(err('--overrides={bad').stderr).toBe('error: Invalid JSON Patch\n');
    expect(err('--overrides="s"').stderr).toBe('error: Invalid JSON Patch\n');
    expect(err('--override-type=strategic', '--overrides=[1]').stderr).toBe('error: invalid JSON document\n');
    expect(err('--override-type=foo', '--overrides={}').stderr).toBe('error: invalid override type: foo\n');
    expect(err('--overrides={"apiVersion":"v2"}').stderr).toBe('error: no kind "Pod" is registered for version "v2" in scheme "pkg/scheme/scheme.go:28"\n');
    expect(err('--overrides=[1]').stderr).toBe(
      'error: couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }\n',
    );
    expect(err('--overrides={"kind":null}').stderr).toBe(
      'error: Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null,"labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\'\n',
    );
    // An override type is checked only when there is an override.
    expect(err('--override-type=foo', '-o', 'name').stdout).toBe('pod/x\n');
  });
});

describe('kubectl run checks its flags in its order', () => {
  const h = new Home();
  afterAll(() => h.remove());
  const run = (...args: string[]) => {
    const r = h.run(['run', ...args]);
    return [r.code, r.stderr];
  };

  it('refuses what kubectl refuses, before anything is created', () => {
    expect(run('x', '--image=UPPER')).toEqual([1, 'error: Invalid image name "UPPER": invalid reference format\n']);
    expect(run('x', '--image=nginx:')).toEqual([1, 'error: Invalid image name "nginx:": invalid reference format\n']);
    expect(run('x', '--image=')).toEqual([1, 'error: --image is required\n']);
    expect(run('x', '--image=nginx', '--pod-running-timeout=0s')).toEqual([1, usage('--pod-running-timeout must be higher than zero')]);
    expect(run('x', '--image=nginx', '--image-pull-policy=Sometimes')).toEqual([1, usage('invalid image pull policy: Sometimes')]);
    expect(run('x', '--image=nginx', '--cascade=bad')).toEqual([1, 'error: invalid cascade value (bad). Must be "background", "foreground", or "orphan"\n']);
    expect(run('x', '--image=nginx', '--expose')).toEqual([1, usage('--port must be set when exposing a service')]);
    expect(run('x', '--image=nginx', '--port=abc')).toEqual([1, 'error: strconv.Atoi: parsing "abc": invalid syntax\n']);
    expect(run('x', '--image=nginx', '--env=1A=x')).toEqual([1, 'error: invalid env: 1A=x\n']);
    expect(run('x', '--image=nginx', '--labels=a=b=c')).toEqual([1, 'error: unexpected label spec: a=b=c\n']);
    expect(run('x', '--image=nginx', '--annotations=k')).toEqual([1, 'error: invalid annotations format: k\n']);
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('');
  });

  it('converts --port with Go’s int32(), as the generator does', () => {
    expect(h.ok('run', 'x', '--image=nginx', '--port=99999999999', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0].ports[0].containerPort}')).toBe('1215752191');
  });

  it('leaves out empty --env and --annotations values, and an empty variable value', () => {
    const pod = JSON.parse(h.ok('run', 'x', '--image=nginx', '--env=', '--annotations=', '--env=C=', '--dry-run=client', '-o', 'json'));
    expect([pod.metadata.annotations, pod.spec.containers[0].env]).toEqual([undefined, [{ name: 'C' }]]);
  });

  it('accepts image references with a registry, port, path and tag', () => {
    expect(h.ok('run', 'x', '--image=localhost:5000/team/app:v1.2', '--dry-run=client', '-o', 'name')).toBe('pod/x\n');
    expect(h.ok('run', 'x', '--image=[::1]:5000/app', '--dry-run=client', '-o', 'name')).toBe('pod/x\n');
  });
});

describe('kubectl run on the cluster', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('with --expose creates the pod, then fails on the Service a server without Services cannot map', () => {
    const r = h.run(['run', 'web', '--image=nginx', '--port=80', '--expose']);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, 'pod/web created\n', 'error: no matches for kind "Service" in version "v1"\n']);
    expect(h.ok('get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[0].ports}')).toBe('[{"containerPort":80,"protocol":"TCP"}]');
  });

  it('with --save-config records the configuration it sent', () => {
    h.ok('run', 'cfg', '--image=nginx', '--save-config');
    // kubectl holds the generated pod as its Go type: struct order, no emptied annotations map.
    expect(h.ok('get', 'pod', 'cfg', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}')).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"cfg","creationTimestamp":null,"labels":{"run":"cfg"}},"spec":{"containers":[{"name":"cfg","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    );
  });

  it('with --rm -q deletes the pod without saying so, and returns its exit code', () => {
    const r = h.run(['run', 'once', '-i', '--rm', '-q', '--restart=Never', '--image=busybox', '--', 'sh', '-c', 'echo hi; exit 3']);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, 'hi\n', 'pod default/once terminated (Error)\n']);
    expect(h.run(['get', 'pod', 'once']).code).toBe(1);
  });

  it('with --leave-stdin-open does not wait for the exit code', () => {
    const r = h.run(['run', 'open', '-i', '--leave-stdin-open', '--restart=Never', '--image=busybox', '--', 'sh', '-c', 'exit 4']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('gives up on a pod that is not running and ready within --pod-running-timeout', () => {
    const now = () => Date.parse(h.ok('clock', 'show').trim());
    const before = now();
    const r = h.run(['run', 'loop', '-i', '--restart=OnFailure', '--pod-running-timeout=30s', '--image=busybox', '--', 'false']);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'error: timed out waiting for the condition\n']);
    expect(h.ok('get', 'pod', 'loop', '-o', 'jsonpath={.status.containerStatuses[0].ready}')).toBe('false');
    // The wait took the timeout's 30s of cluster time.
    expect(now() - before).toBe(30_000);
  });
});
