// Command-line behaviour around the verbs, checked against kubectl v1.32's exact text: pflag's
// integer and boolean flags, help, deprecation warnings, kind prefixes, selector errors the API
// server reports, and a reader that goes away mid-output.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Home, WALLCLOCK } from '../helpers/cli';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('kubectl command line', () => {
  const h = new Home();
  beforeAll(() => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25');
  });
  afterAll(() => h.remove());

  it('rejects bad integers the way pflag does', () => {
    const bad = (flag: string, value: string, cmd: string, reason = 'invalid syntax') =>
      `Error: invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": ${reason}\nSee 'kubectl ${cmd} --help' for usage.\n`;
    expect(h.run(['create', 'deployment', 'x', '--image=nginx', '--port=abc'])).toEqual({ code: 1, stdout: '', stderr: bad('--port', 'abc', 'create deployment') });
    expect(h.run(['create', 'deployment', 'x', '--image=nginx', '--replicas=1.5']).stderr).toBe(bad('-r, --replicas', '1.5', 'create deployment'));
    expect(h.run(['scale', 'deploy/web', '--replicas=abc']).stderr).toBe(bad('--replicas', 'abc', 'scale'));
    expect(h.run(['delete', 'pod', 'x', '--grace-period=99999999999999999999']).stderr).toBe(bad('--grace-period', '99999999999999999999', 'delete', 'value out of range'));
    // Go's base 0: hex, octal and underscores are integers too.
    expect(h.ok('create', 'deployment', 'x', '--image=nginx', '-r', '0x10', '--port=0o17', '--dry-run=client', '-o', 'yaml')).toMatch(/replicas: 16\n[\s\S]*containerPort: 15\n/);
  });

  it('asks for exactly one name', () => {
    expect(h.run(['create', 'namespace', 'a', 'b'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n",
    });
  });

  it('checks configmap keys client-side and writes data keys sorted', () => {
    expect(h.run(['create', 'configmap', 'c', '--from-literal=a=1', '--from-literal=a=2']).stderr).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n',
    );
    expect(h.run(['create', 'configmap', 'c', '--from-literal=bad key=1']).stderr).toBe(
      `error: "bad key" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    );
    const json = h.ok('create', 'configmap', 'c', '--from-literal=b=1', '--from-literal=a=2', '--dry-run=client', '-o', 'json');
    expect(json).toContain('"data": {\n        "a": "2",\n        "b": "1"\n    }');
  });

  it('sends a deployment without containers when --image is empty, and the API server refuses it', () => {
    const r = h.run(['create', 'deployment', 'empty', '--image=']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec.template.spec.containers: Required value');
  });

  it('warns about deprecated boolean forms of --cascade and --dry-run', () => {
    h.ok('create', 'configmap', 'c1');
    expect(h.run(['delete', 'cm', 'c1', '--cascade=false'])).toEqual({
      code: 0,
      stdout: 'configmap "c1" deleted\n',
      stderr: 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    });
    expect(h.run(['delete', 'cm', 'c1', '--cascade=bogus']).stderr).toBe('error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n');
    const dry = h.run(['create', 'configmap', 'c2', '--dry-run', '-o', 'name']);
    expect(dry.stdout).toBe('configmap/c2\n');
    expect(dry.stderr).toMatch(/^W1126 12:00:00\.000000 +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
    expect(WALLCLOCK).toBe('2026-11-26T12:00:00Z');
  });

  it('prefixes names with their kind only when the results span several kinds', () => {
    expect(h.ok('get', 'deploy/web')).toBe(lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    1/1     1            1           0s'));
    expect(h.ok('get', 'deploy,sa', '-n', 'kube-public')).toBe(lines('NAME      SECRETS   AGE', 'default   0         0s'));
    expect(h.ok('get', 'deploy,sa').split('\n')[1]).toMatch(/^deployment\.apps\/web /);
  });

  it('words selector errors as the API server and kubectl do', () => {
    expect(h.run(['get', 'pods', '-l', 'app in (a'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error from server (BadRequest): Unable to find {"" "v1" "pods"} that match label selector "app in (a", field selector "": unable to parse requirement: found '', expected: ',' or ')'\n`,
    });
    expect(h.run(['get', 'deploy', '--field-selector', 'spec.foo=x']).stderr).toBe(
      `Error from server (BadRequest): Unable to find {"apps" "v1" "deployments"} that match label selector "", field selector "spec.foo=x": field label not supported: spec.foo\n`,
    );
  });

  it('lists kubeconfig contexts sorted by name and reports every missing one', () => {
    h.ok('config', 'set-context', 'aaa', '--cluster=kubernetes', '--user=kubernetes-admin');
    expect(h.ok('config', 'get-contexts', '-o', 'name')).toBe('aaa\nkubernetes-admin@kubernetes\n');
    // kubectl v1.32 prints the aggregate one error a line, without "error: " (recorded).
    expect(h.run(['config', 'get-contexts', 'x', 'y']).stderr).toBe('context x not found\ncontext y not found\n');
  });

  it('shows env values from fieldRef only for what kubectl resolves (metadata.name, metadata.namespace)', () => {
    const pod = h.file(
      'env.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: env\nspec:\n  containers:\n  - name: c\n    image: busybox\n    env:\n    - name: POD_IP\n      valueFrom:\n        fieldRef:\n          fieldPath: status.podIP\n    - name: POD_NAME\n      valueFrom:\n        fieldRef:\n          fieldPath: metadata.name\n',
    );
    h.ok('apply', '-f', pod);
    const out = h.ok('describe', 'pod', 'env');
    expect(out).toContain('\n      POD_IP:     (v1:status.podIP)\n      POD_NAME:  env (v1:metadata.name)\n');
  });

  it('ends quietly, like SIGPIPE ends kubectl, when the reader goes away', async () => {
    h.ok('scale', 'deploy/web', '--replicas=60');
    const child = spawn(process.execPath, [BIN, 'get', 'pods', '-o', 'json'], { env: { PATH: process.env.PATH ?? '', POCKETKUBE_HOME: h.dir } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 141, stderr: '' });
  });
});
