// kubectl diff through the launcher: the live object against what apply would make of it, via
// the system's diff (or $KUBECTL_EXTERNAL_DIFF), with kubectl's exit codes 0, 1 and 2.
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';

const manifest = (image: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
`;

/** The temporary directories and file times differ on every run. */
function normalize(out: string): string {
  return out
    .replace(/\/[^\s]*\/(LIVE|MERGED)-[^/\s]+\//g, '$1/')
    .replace(/^(---|\+\+\+) (\S+)\t.*$/gm, '$1 $2');
}

const home = throwawayHomes();

/** A home of its own and web.yaml in it (nginx:1.25, three replicas), not applied. */
function withManifest(): { h: Home; file: string } {
  const h = home();
  return { h, file: h.file('web.yaml', manifest('nginx:1.25', 3)) };
}

/** As withManifest, with web.yaml applied and then changed to nginx:1.26, two replicas. */
function withChange(): { h: Home; file: string } {
  const { h, file } = withManifest();
  h.ok('apply', '-f', file);
  fs.writeFileSync(file, manifest('nginx:1.26', 2));
  return { h, file };
}

describe('kubectl diff', () => {
  it('shows a new object as all added, and exits 1', () => {
    const { h, file } = withManifest();
    const r = h.run(['diff', '-f', file]);
    expect(r.code).toBe(1);
    const out = normalize(r.stdout).split('\n');
    expect(out.slice(0, 4)).toEqual([
      'diff -u -N LIVE/apps.v1.Deployment.default.web MERGED/apps.v1.Deployment.default.web',
      '--- LIVE/apps.v1.Deployment.default.web',
      '+++ MERGED/apps.v1.Deployment.default.web',
      '@@ -0,0 +1,39 @@',
    ]);
    expect(out).toContain('+  replicas: 3');
    expect(r.stderr).toBe('');
    // A dry run: nothing was created.
    expect(h.run(['get', 'deploy', 'web']).code).toBe(1);
  });

  it('exits 0 with no output when apply would change nothing', () => {
    const { h, file } = withManifest();
    h.ok('apply', '-f', file);
    expect(h.run(['diff', '-f', file])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('shows what apply would change, server defaults and generation included', () => {
    const { h, file } = withChange();
    const r = h.run(['diff', '-f', file]);
    expect(r.code).toBe(1);
    expect(normalize(r.stdout).split('\n').slice(3)).toEqual([
      '@@ -6,14 +6,14 @@',
      '     kubectl.kubernetes.io/last-applied-configuration: |',
      '       {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"web"}]}}}}',
      '   creationTimestamp: "2026-11-26T12:00:00Z"',
      '-  generation: 1',
      '+  generation: 2',
      '   name: web',
      '   namespace: default',
      expect.stringMatching(/^ {3}resourceVersion: "\d+"$/),
      expect.stringMatching(/^ {3}uid: [0-9a-f-]{36}$/),
      ' spec:',
      '   progressDeadlineSeconds: 600',
      '-  replicas: 3',
      '+  replicas: 2',
      '   revisionHistoryLimit: 10',
      '   selector:',
      '     matchLabels:',
      '@@ -30,7 +30,7 @@',
      '         app: web',
      '     spec:',
      '       containers:',
      '-      - image: nginx:1.25',
      '+      - image: nginx:1.26',
      '         imagePullPolicy: IfNotPresent',
      '         name: web',
      '         resources: {}',
      '',
    ]);
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).spec.replicas).toBe(3);
  });

  it('runs KUBECTL_EXTERNAL_DIFF, keeping only its plain words', () => {
    const { h, file } = withChange();
    const r = h.run(['diff', '-f', file], { env: { KUBECTL_EXTERNAL_DIFF: 'diff -q --ignore=$(x)' } });
    expect(r.code).toBe(1);
    expect(normalize(r.stdout)).toMatch(/^Files \/\S+\/LIVE-\S+\/apps\.v1\.Deployment\.default\.web and \S+ differ\n$|^Files LIVE\/apps\.v1\.Deployment\.default\.web and MERGED\/apps\.v1\.Deployment\.default\.web differ\n$/);
  });

  it('fails with exit code 2', () => {
    const { h, file } = withChange();
    const cases: [string[], string][] = [
      [['diff'], 'error: must specify one of -f and -k\n'],
      [['diff', '--foo'], "error: unknown flag: --foo\nSee 'kubectl diff -h' for help and examples\n"],
      [['diff', 'a', '-f', file], "error: Unexpected args: [a]\nSee 'kubectl diff -h' for help and examples\n"],
      [['diff', '-f', '/nonexistent.yaml'], 'error: the path "/nonexistent.yaml" does not exist\n'],
      [['diff', '--force-conflicts', '-f', file], 'error: --force-conflicts only works with --server-side\n'],
      [['diff', '-f', file, '-n', 'nope'], 'Error from server (NotFound): namespaces "nope" not found\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = h.run(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 2, stderr]);
    }
    const missing = h.run(['diff', '-f', file], { env: { KUBECTL_EXTERNAL_DIFF: 'no-such-diff-program' } });
    expect([missing.code, missing.stderr]).toEqual([2, 'error: failed to run "no-such-diff-program": exec: "no-such-diff-program": executable file not found in $PATH\n']);
  });
});
