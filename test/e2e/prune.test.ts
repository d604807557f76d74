// apply --prune (kubectl v1.32's allowlist pruner): what is pruned, in which order, and the
// errors. Expected texts were recorded from the real kubectl: the flag errors offline (they come
// before any request), the rest with --dry-run=client through scripts/kubectl-oracle.mjs serving
// the same objects (discovery extended with the default allowlist's other kinds, all empty).
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';

const newHome = throwawayHomes();

const APP = `apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels: {app: web}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c1
  labels: {app: web}
data: {a: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c2
  labels: {app: other}
data: {b: "2"}
---
apiVersion: v1
kind: Secret
metadata:
  name: s1
  labels: {app: web}
stringData: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: tc
  namespace: team
  labels: {app: web}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
const C1 = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  labels: {app: web}\ndata: {a: "1"}\n';

/** A home with APP applied, and `plain` (app=web) made without the last-applied annotation. */
function home(): { h: Home; app: string; c1: string } {
  const h = newHome();
  const app = h.file('app.yaml', APP);
  h.ok('apply', '-f', app);
  h.ok('create', 'configmap', 'plain', '--from-literal=x=1');
  h.ok('label', 'configmap', 'plain', 'app=web');
  return { h, app, c1: h.file('c1.yaml', C1) };
}

const WARNING =
  /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ prune\.go:71\] Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release\. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag\.\n$/;

const names = (h: Home, what: string, ...flags: string[]) =>
  h
    .ok('get', what, '-o', 'name', ...flags)
    .split('\n')
    .filter(Boolean);

describe('apply --prune', () => {
  it('deletes what was applied before, matches -l and is no longer applied, in the visited namespaces and cluster-wide', () => {
    const { h, c1 } = home();
    const dry = h.run(['apply', '-f', c1, '--prune', '-l', 'app=web', '--dry-run=client']);
    expect(dry.stdout).toBe('configmap/c1 configured (dry run)\nsecret/s1 pruned (dry run)\ndeployment.apps/web pruned (dry run)\nnamespace/team pruned (dry run)\n');
    expect(dry.stderr).toMatch(WARNING);
    expect(h.run(['apply', '-f', c1, '--prune', '-l', 'app=web', '--dry-run=server']).stdout).toBe(
      'configmap/c1 unchanged (server dry run)\nsecret/s1 pruned (server dry run)\ndeployment.apps/web pruned (server dry run)\nnamespace/team pruned (server dry run)\n',
    );
    expect(names(h, 'secrets')).toEqual(['secret/s1']);
    const r = h.run(['apply', '-f', c1, '--prune', '-l', 'app=web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('configmap/c1 unchanged\nsecret/s1 pruned\ndeployment.apps/web pruned\nnamespace/team pruned\n');
    expect(r.stderr).toMatch(WARNING);
    // c2 does not match; plain was never applied; the Deployment's ReplicaSet has no annotation of its own.
    expect(names(h, 'configmaps')).toEqual(['configmap/c1', 'configmap/c2', 'configmap/kube-root-ca.crt', 'configmap/plain']);
    expect(names(h, 'secrets')).toEqual([]);
    expect(names(h, 'deployments')).toEqual([]);
    expect(h.run(['get', 'namespace', 'team']).stdout).not.toMatch(/Active/);
  });

  it('with --all prunes whatever was applied; --prune-allowlist chooses the kinds, in its order', () => {
    const { h, c1 } = home();
    expect(h.run(['apply', '-f', c1, '--prune', '--all', '--dry-run=client']).stdout).toBe(
      'configmap/c1 configured (dry run)\nconfigmap/c2 pruned (dry run)\nsecret/s1 pruned (dry run)\ndeployment.apps/web pruned (dry run)\nnamespace/team pruned (dry run)\n',
    );
    expect(h.run(['apply', '-f', c1, '--prune', '-l', 'app=web', '--prune-allowlist=apps/v1/Deployment', '--prune-allowlist=core/v1/Secret', '--dry-run=client', '-o', 'name'])).toEqual({
      code: 0,
      stdout: 'configmap/c1\ndeployment.apps/web\nsecret/s1\n',
      stderr: '',
    });
    // A kind named twice is pruned twice.
    expect(h.run(['apply', '-f', c1, '--prune', '--all', '--prune-allowlist=core/v1/Secret', '--prune-allowlist=core/v1/Secret', '--dry-run=client']).stdout).toBe(
      'configmap/c1 configured (dry run)\nsecret/s1 pruned (dry run)\nsecret/s1 pruned (dry run)\n',
    );
    expect(h.run(['apply', '-f', c1, '--prune', '--all', '--prune-allowlist=core/v1/ConfigMap'])).toEqual({ code: 0, stdout: 'configmap/c1 unchanged\nconfigmap/c2 pruned\n', stderr: '' });
    expect(names(h, 'configmaps')).toEqual(['configmap/c1', 'configmap/kube-root-ca.crt', 'configmap/plain']);
    expect(names(h, 'secrets')).toEqual(['secret/s1']);
  });

  it('visits an explicit -n even when nothing applied lands there', () => {
    const { h, c1 } = home();
    expect(h.run(['apply', '-f', c1, '--prune', '--all', '--prune-allowlist=core/v1/ConfigMap', '-n', 'team'])).toEqual({
      code: 0,
      stdout: 'configmap/c1 created\nconfigmap/tc pruned\n',
      stderr: '',
    });
    expect(names(h, 'configmaps', '-n', 'team')).toEqual(['configmap/c1', 'configmap/kube-root-ca.crt']);
  });

  it('prints pruned objects one printer each with -o yaml: no document separators', () => {
    const { h, c1 } = home();
    const r = h.run(['apply', '-f', c1, '--prune', '-l', 'app=web', '--prune-allowlist=core/v1/Secret', '--prune-allowlist=/v1/Namespace', '--dry-run=client', '-o', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('---');
    expect(r.stdout.split('\n').filter((l) => /^kind: /.test(l))).toEqual(['kind: ConfigMap', 'kind: Secret', 'kind: Namespace']);
  });

  it("refuses kubectl's flag combinations before touching anything", () => {
    const { h, c1 } = home();
    const before = h.storeHash();
    const fail = (stderr: string) => ({ code: 1, stdout: '', stderr });
    const apply = (...flags: string[]) => h.run(['apply', '-f', c1, ...flags]);
    expect(apply('--prune')).toEqual(
      fail(
        'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n',
      ),
    );
    expect(apply('--prune', '--all', '-l', 'a=b')).toEqual(fail('error: cannot set --all and --selector at the same time\n'));
    expect(apply('--all', '-l', 'a=b')).toEqual(fail('error: cannot set --all and --selector at the same time\n'));
    expect(apply('--prune', '--all', '--prune-allowlist=foo')).toEqual(fail('error: invalid GroupVersionKind format: foo, please follow <group/version/kind>\n'));
    expect(apply('--prune', '--all', '--prune-allowlist=v1/ConfigMap')).toEqual(fail('error: invalid GroupVersionKind format: v1/ConfigMap, please follow <group/version/kind>\n'));
    expect(apply('--prune', '--all', '--prune-allowlist=core/v1/Foo')).toEqual(fail('error: no matches for kind "Foo" in version "v1"\n'));
    expect(apply('--prune', '--all', '--prune-allowlist=apps/v1/Foo')).toEqual(fail('error: no matches for kind "Foo" in version "apps/v1"\n'));
    expect(apply('--prune', '--all', '--prune-allowlist=apps/v1/Deployment,core/v1/Secret')).toEqual(
      fail('error: invalid GroupVersionKind format: apps/v1/Deployment,core/v1/Secret, please follow <group/version/kind>\n'),
    );
    expect(apply('--prune-whitelist=core/v1/ConfigMap')).toEqual(fail("Error: unknown flag: --prune-whitelist\nSee 'kubectl apply --help' for usage.\n"));
    expect(apply('--prune', '--server-side', '--all')).toEqual(fail("error: --prune is in alpha and doesn't currently work on objects created by server-side apply\n"));
    expect(apply('--prune', '--all', '--cascade=foo')).toEqual(fail('error: invalid cascade value (foo). Must be "background", "foreground", or "orphan"\n'));
    expect(apply('--prune', '-l', 'a b')).toEqual(fail('error: the provided selector "a b" is not valid: unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n'));
    expect(apply('--prune', '--all', 'x')).toEqual(fail("error: Unexpected args: [x]\nSee 'kubectl apply -h' for help and examples\n"));
    expect(apply('-l', 'app=zzz')).toEqual(fail('error: no objects passed to apply\n'));
    expect(h.storeHash()).toBe(before);
  });
});
