// kubectl get --raw: kube-apiserver v1.32's answers (compact JSON in Go struct order with a
// trailing newline; /version indented without one; health checks in plain text), the body
// printed as it came, and kubectl's errors (its validation texts recorded from kubectl v1.32).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

const ALL_VERBS = '["create","delete","deletecollection","get","list","patch","update","watch"]';
const STATUS = (kind: string) => `"singularName":"","namespaced":true,"kind":"${kind}","verbs":["get","patch","update"]}`;

describe('kubectl get --raw', () => {
  const h = new Home();
  beforeAll(() => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
  });
  afterAll(() => h.remove());
  const raw = (path: string) => h.run(['get', '--raw', path]);

  it('answers the health checks in plain text, every check with ?verbose', () => {
    for (const p of ['/healthz', '/livez', '/readyz', '/readyz/etcd', '/livez/ping']) expect(raw(p)).toEqual({ code: 0, stdout: 'ok', stderr: '' });
    const ready = raw('/readyz?verbose').stdout.split('\n');
    expect(ready.slice(0, 6)).toEqual(['[+]ping ok', '[+]log ok', '[+]etcd ok', '[+]etcd-readiness ok', '[+]informer-sync ok', '[+]poststarthook/start-apiserver-admission-initializer ok']);
    expect(ready.slice(-4)).toEqual(['[+]poststarthook/apiservice-openapiv3-controller ok', '[+]shutdown ok', 'readyz check passed', '']);
    expect(ready).toHaveLength(36);
    const live = raw('/livez?verbose&exclude=etcd').stdout.split('\n');
    expect(live.slice(0, 4)).toEqual(['[+]ping ok', '[+]log ok', '[+]etcd excluded: ok', '[+]poststarthook/start-apiserver-admission-initializer ok']);
    expect(live.slice(-2)).toEqual(['livez check passed', '']);
    expect(live).toHaveLength(33);
  });

  it('answers /version indented, without a final newline', () => {
    expect(raw('/version').stdout).toBe(
      '{\n  "major": "1",\n  "minor": "32",\n  "gitVersion": "v1.32.0",\n  "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",\n  "gitTreeState": "clean",\n  "buildDate": "2024-12-11T17:59:15Z",\n  "goVersion": "go1.23.3",\n  "compiler": "gc",\n  "platform": "linux/amd64"\n}',
    );
  });

  it('answers discovery as kube-apiserver does for the groups it serves', () => {
    expect(raw('/api').stdout).toBe('{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"172.18.0.2:6443"}]}\n');
    const apps = '{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}';
    const apiregistration =
      '{"name":"apiregistration.k8s.io","versions":[{"groupVersion":"apiregistration.k8s.io/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apiregistration.k8s.io/v1","version":"v1"}}';
    const batch = '{"name":"batch","versions":[{"groupVersion":"batch/v1","version":"v1"}],"preferredVersion":{"groupVersion":"batch/v1","version":"v1"}}';
    const policy = '{"name":"policy","versions":[{"groupVersion":"policy/v1","version":"v1"}],"preferredVersion":{"groupVersion":"policy/v1","version":"v1"}}';
    expect(raw('/apis').stdout).toBe(`{"kind":"APIGroupList","apiVersion":"v1","groups":[${apiregistration},${apps},${batch},${policy}]}\n`);
    expect(raw('/apis/policy/v1').stdout).toBe(
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"policy/v1","resources":[' +
        `{"name":"poddisruptionbudgets","singularName":"poddisruptionbudget","namespaced":true,"kind":"PodDisruptionBudget","verbs":${ALL_VERBS},"shortNames":["pdb"],"storageVersionHash":"EVWiDmWqyJw="},` +
        `{"name":"poddisruptionbudgets/status",${STATUS('PodDisruptionBudget')}]}\n`,
    );
    expect(raw('/apis/batch/v1').stdout).toBe(
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"batch/v1","resources":[' +
        `{"name":"cronjobs","singularName":"cronjob","namespaced":true,"kind":"CronJob","verbs":${ALL_VERBS},"shortNames":["cj"],"categories":["all"],"storageVersionHash":"sd5LIXh4Fjs="},` +
        `{"name":"cronjobs/status",${STATUS('CronJob')},` +
        `{"name":"jobs","singularName":"job","namespaced":true,"kind":"Job","verbs":${ALL_VERBS},"categories":["all"],"storageVersionHash":"mudhfqk/qZY="},` +
        `{"name":"jobs/status",${STATUS('Job')}]}\n`,
    );
    expect(raw('/apis/apps').stdout).toBe(`{"kind":"APIGroup","apiVersion":"v1",${apps.slice(1)}\n`);
    expect(raw('/apis/apps/v1').stdout).toBe(
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":[' +
        `{"name":"controllerrevisions","singularName":"controllerrevision","namespaced":true,"kind":"ControllerRevision","verbs":${ALL_VERBS},"storageVersionHash":"85nkx63pcBU="},` +
        `{"name":"daemonsets","singularName":"daemonset","namespaced":true,"kind":"DaemonSet","verbs":${ALL_VERBS},"shortNames":["ds"],"categories":["all"],"storageVersionHash":"dd7pWHUlMKQ="},` +
        `{"name":"daemonsets/status",${STATUS('DaemonSet')},` +
        `{"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment","verbs":${ALL_VERBS},"shortNames":["deploy"],"categories":["all"],"storageVersionHash":"8aSe+NMegvE="},` +
        '{"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]},' +
        `{"name":"deployments/status",${STATUS('Deployment')},` +
        `{"name":"replicasets","singularName":"replicaset","namespaced":true,"kind":"ReplicaSet","verbs":${ALL_VERBS},"shortNames":["rs"],"categories":["all"],"storageVersionHash":"P1RzHs8/mWQ="},` +
        '{"name":"replicasets/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]},' +
        `{"name":"replicasets/status",${STATUS('ReplicaSet')},` +
        `{"name":"statefulsets","singularName":"statefulset","namespaced":true,"kind":"StatefulSet","verbs":${ALL_VERBS},"shortNames":["sts"],"categories":["all"],"storageVersionHash":"H+vl74LkKdo="},` +
        '{"name":"statefulsets/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]},' +
        `{"name":"statefulsets/status",${STATUS('StatefulSet')}]}\n`,
    );
    const core = JSON.parse(raw('/api/v1').stdout);
    expect(Object.keys(core)).toEqual(['kind', 'groupVersion', 'resources']);
    expect(core.resources.map((r: { name: string }) => r.name)).toEqual([
      'configmaps', 'events', 'namespaces', 'namespaces/finalize', 'namespaces/status', 'nodes', 'nodes/proxy', 'nodes/status',
      'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'pods/attach', 'pods/binding', 'pods/ephemeralcontainers', 'pods/eviction', 'pods/exec', 'pods/log', 'pods/portforward', 'pods/proxy', 'pods/status',
      'secrets', 'serviceaccounts', 'serviceaccounts/token',
    ]);
    expect(raw('/api/v1').stdout).toContain(
      `{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":${ALL_VERBS},"shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="},` +
        '{"name":"pods/attach","singularName":"","namespaced":true,"kind":"PodAttachOptions","verbs":["create","get"]},',
    );
    expect(raw('/api/v1').stdout).toContain(
      `{"name":"namespaces","singularName":"namespace","namespaced":false,"kind":"Namespace","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["ns"],"storageVersionHash":"Q3oi5N2YM8M="},{"name":"namespaces/finalize","singularName":"","namespaced":false,"kind":"Namespace","verbs":["update"]},`,
    );
    expect(raw('/api/v1').stdout).toContain(
      '{"name":"serviceaccounts/token","singularName":"","namespaced":true,"group":"authentication.k8s.io","version":"v1","kind":"TokenRequest","verbs":["create"]}]}\n',
    );
  });

  it('answers objects in Go struct order: a list (items without kind), one object, or its status', () => {
    const list = raw('/apis/apps/v1/namespaces/default/deployments');
    expect(list.stdout).toMatch(/^\{"kind":"DeploymentList","apiVersion":"apps\/v1","metadata":\{"resourceVersion":"\d+"\},"items":\[\{"metadata":\{"name":"web","namespace":"default","uid":/);
    expect(list.stdout.endsWith('}]}\n')).toBe(true);
    const one = JSON.parse(raw('/apis/apps/v1/namespaces/default/deployments/web').stdout);
    expect(Object.keys(one)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(one).toEqual(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')));
    expect(JSON.parse(raw('/api/v1/nodes/pocket-worker/status').stdout).metadata.name).toBe('pocket-worker');
    expect(raw('/api/v1/namespaces/default/pods?labelSelector=app%3Dnone').stdout).toMatch(/"items":\[\]\}\n$/);
    expect(raw('/api/v1/namespaces/nowhere/configmaps').stdout).toMatch(/^\{"kind":"ConfigMapList","apiVersion":"v1","metadata":\{"resourceVersion":"\d+"\},"items":\[\]\}\n$/);
  });

  it('reports what is not there as kubectl reports the server’s answer', () => {
    expect(raw('/api/v1/namespaces/default/pods/nope')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(raw('/apis/apps/v1/namespaces/default/deployments/nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    for (const p of ['/api/v1/foo', '/foo', '/apis/nogroup', '/api/v1/pods/x'])
      expect(raw(p)).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n' });
  });

  it('refuses what kubectl refuses before sending anything', () => {
    const err = (...args: string[]) => h.run(['get', ...args]);
    expect(err('pods', '--raw', '/x')).toEqual({ code: 1, stdout: '', stderr: 'error: arguments may not be passed when --raw is specified\n' });
    expect(err('--raw', '/x', '-l', 'a=b').stderr).toBe('error: --raw may not be specified with other flags that filter the server request or alter the output\n');
    expect(err('--raw', '/x', '-o', 'json').stderr).toBe('error: --raw and --output are mutually exclusive\n');
    expect(err('--raw', 'api').stderr).toBe('error: --raw must be a valid URL path: parse "api": invalid URI for request\n');
    expect(err('--raw', '/a%zz').stderr).toBe('error: --raw must be a valid URL path: parse "/a%zz": invalid URL escape "%zz"\n');
  });
});
