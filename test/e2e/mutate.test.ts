// Mutating verbs through the launcher: apply, create, delete, scale and their dry runs, outputs
// and errors, as kubectl prints them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, Home } from '../helpers/cli';
import { deploymentManifest } from '../helpers/manifests';

const NGINX = path.join(FIXTURES, 'nginx-deployment.yaml');

const deploymentYaml = (name: string) => deploymentManifest(name, { spec: '  replicas: 2\n' });

describe('kubectl apply', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('creates, leaves unchanged, configures and records the last applied configuration', () => {
    expect(h.ok('apply', '-f', NGINX)).toBe('deployment.apps/nginx-deployment created\n');
    expect(h.ok('apply', '-f', NGINX)).toBe('deployment.apps/nginx-deployment unchanged\n');
    const scaled = h.file('nginx-4.yaml', fs.readFileSync(NGINX, 'utf8').replace('replicas: 3', 'replicas: 4'));
    expect(h.ok('apply', '-f', scaled)).toBe('deployment.apps/nginx-deployment configured\n');
    const d = JSON.parse(h.ok('get', 'deploy', 'nginx-deployment', '-o', 'json'));
    expect(d.spec.replicas).toBe(4);
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx-deployment","namespace":"default"},"spec":{"replicas":4,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.7.9","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n',
    );
    expect(h.ok('get', 'pods', '-l', 'app=nginx', '--no-headers').trim().split('\n')).toHaveLength(4);
  });

  it('removes a field the manifest dropped but keeps fields it never set', () => {
    const f = h.file('labelled.yaml', deploymentYaml('lab').replace('  name: lab\n', '  name: lab\n  labels:\n    team: a\n    tier: web\n'));
    h.ok('apply', '-f', f);
    h.ok('scale', 'deploy', 'lab', '--replicas=3');
    const g = h.file('labelled2.yaml', deploymentYaml('lab').replace('  name: lab\n', '  name: lab\n  labels:\n    team: a\n'));
    expect(h.ok('apply', '-f', g)).toBe('deployment.apps/lab configured\n');
    const d = JSON.parse(h.ok('get', 'deploy', 'lab', '-o', 'json'));
    expect(d.metadata.labels).toEqual({ team: 'a' });
    expect(d.spec.replicas).toBe(2);
  });

  it('warns when the live object was not created by apply', () => {
    h.ok('create', 'configmap', 'plain', '--from-literal=a=1');
    const f = h.file('plain.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "2"\n');
    const r = h.run(['apply', '-f', f]);
    expect(r.stdout).toBe('configmap/plain configured\n');
    expect(r.stderr).toBe(
      "Warning: resource configmaps/plain is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
    );
  });

  it('reads directories, stdin, multi-document files and Lists', () => {
    h.file('dir/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    h.file('dir/sub/c.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] }));
    h.file('dir/notes.txt', 'not a manifest');
    const dir = path.join(h.dir, 'files', 'dir');
    expect(h.ok('apply', '-f', dir)).toBe('configmap/a created\nconfigmap/b created\n');
    expect(h.ok('apply', '-f', dir, '-R')).toBe('configmap/a unchanged\nconfigmap/b unchanged\nconfigmap/c created\n');
    const r = h.run(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-stdin\n' });
    expect(r).toEqual({ code: 0, stdout: 'namespace/from-stdin created\n', stderr: '' });
  });

  it('keeps going after one bad object and exits 1', () => {
    const f = h.file(
      'mixed.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad\n',
    );
    const r = h.run(['apply', '-f', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('configmap/good created\n');
    expect(r.stderr).toBe(
      `The ConfigMap "Bad" is invalid: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
  });

  it('prints the object or its name with -o, and nothing changes on a client dry run', () => {
    const f = h.file('dry.yaml', deploymentYaml('dry'));
    expect(h.ok('apply', '-f', f, '--dry-run=client')).toBe('deployment.apps/dry created (dry run)\n');
    expect(h.ok('apply', '-f', f, '--dry-run=server')).toBe('deployment.apps/dry created (server dry run)\n');
    expect(h.run(['get', 'deploy', 'dry']).code).toBe(1);
    expect(h.ok('apply', '-f', f, '-o', 'name')).toBe('deployment.apps/dry\n');
    expect(h.ok('apply', '-f', f, '-o', 'yaml')).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
  });

  it('reports manifest errors as kubectl does', () => {
    const cases: [string, string, string][] = [
      ['nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n', 'error: error validating "@": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n'],
      ['noversion.yaml', 'kind: ConfigMap\nmetadata:\n  name: x\n', 'error: error validating "@": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n'],
      [
        'foo.yaml',
        'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n',
        'error: resource mapping not found for name: "x" namespace: "" from "@": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n',
      ],
      ['syntax.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n', 'error: error parsing @: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n'],
      [
        'typed.yaml',
        deploymentYaml('typed').replace('replicas: 2', 'replicas: "2"'),
        'Error from server (BadRequest): error when creating "@": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
      ],
      [
        'nsmissing.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: nope\n',
        'Error from server (NotFound): error when creating "@": namespaces "nope" not found\n',
      ],
    ];
    for (const [name, content, err] of cases) {
      const f = h.file(name, content);
      expect({ name, ...h.run(['apply', '-f', f]) }).toEqual({ name, code: 1, stdout: '', stderr: err.replace('@', f) });
    }
    expect(h.run(['apply', '-f', '/no/such.yaml'])).toEqual({ code: 1, stdout: '', stderr: 'error: the path "/no/such.yaml" does not exist\n' });
    expect(h.run(['apply'])).toEqual({ code: 1, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
    const other = h.file('ns-dev.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: dev\n');
    expect(h.run(['apply', '-f', other, '-n', 'default']).stderr).toBe(
      `error: the namespace from the provided object "dev" does not match the namespace "default". You must pass '--namespace=dev' to perform this operation.\n`,
    );
  });
});

describe('kubectl create', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('builds the same objects as kubectl on a client dry run', () => {
    expect(h.ok('create', 'deployment', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml')).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: nginx\n  name: nginx\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: nginx\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n',
    );
    expect(h.ok('create', 'namespace', 'foo', '--dry-run=client', '-o', 'json')).toBe(
      '{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "foo",\n        "creationTimestamp": null\n    },\n    "spec": {},\n    "status": {}\n}\n',
    );
    expect(h.ok('create', 'configmap', 'cfg', '--from-literal=b=2', '--from-literal=a=1', '--dry-run=client', '-o', 'yaml')).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cfg\n',
    );
    expect(h.ok('create', 'deployment', 'web', '--image=nginx', '--dry-run=client')).toBe('deployment.apps/web created (dry run)\n');
  });

  it('creates objects and refuses duplicates', () => {
    expect(h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3')).toBe('deployment.apps/web created\n');
    expect(h.ok('get', 'deploy', 'web', '--no-headers')).toBe('web   3/3   3     3     0s\n');
    // kubectl's generators wrap the server's error in their own words; create namespace and -f do not.
    expect(h.run(['create', 'deployment', 'web', '--image=nginx'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
    });
    expect(h.run(['create', 'configmap', 'x', '-n', 'nope']).stderr).toBe('error: failed to create configmap: namespaces "nope" not found\n');
    expect(h.run(['create', 'deployment', 'web', '--image=nginx', '--dry-run=server']).stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
    expect(h.run(['create', 'namespace', 'default'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (AlreadyExists): namespaces "default" already exists\n' });
    const f = h.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n');
    expect(h.ok('create', '-f', f)).toBe('configmap/cfg created\n');
    expect(h.run(['create', '-f', f]).stderr).toBe(`Error from server (AlreadyExists): error when creating "${f}": configmaps "cfg" already exists\n`);
    // cobra's required flag, as kubectl reports it: klog's "command failed" line (recorded from kubectl v1.32).
    const noImage = h.run(['create', 'deployment', 'x']);
    expect([noImage.code, noImage.stdout]).toEqual([1, '']);
    expect(noImage.stderr).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"image\\" not set"\n$/);
    expect(h.run(['create'])).toEqual({ code: 1, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
  });
});

describe('kubectl scale and delete', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('scales with preconditions', () => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    expect(h.ok('scale', 'deploy/web', '--replicas=4')).toBe('deployment.apps/web scaled\n');
    expect(h.ok('get', 'pods', '--no-headers').trim().split('\n')).toHaveLength(4);
    expect(h.run(['scale', 'deploy', 'web', '--replicas=1', '--current-replicas=2'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: Expected replicas to be 2, was 4\n',
    });
    expect(h.run(['scale', 'deploy', 'web', '--replicas=-1']).stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(h.run(['scale', 'deploy', 'nosuch', '--replicas=1']).stderr).toBe('error: no objects passed to scale deployments.apps "nosuch" not found\n');
    expect(h.ok('scale', 'deploy', 'web', '--replicas=1')).toBe('deployment.apps/web scaled\n');
    expect(h.ok('get', 'pods', '--no-headers').trim().split('\n')).toHaveLength(1);
  });

  it('deletes with kubectl\'s words and cascades', () => {
    h.ok('create', 'deployment', 'gone', '--image=nginx:1.25');
    expect(h.ok('delete', 'deployment', 'gone')).toBe('deployment.apps "gone" deleted\n');
    expect(h.ok('get', 'rs', '-l', 'app=gone')).toBe('');
    h.ok('create', 'deployment', 'kept', '--image=nginx:1.25');
    expect(h.ok('delete', 'deploy/kept', '--cascade=orphan')).toBe('deployment.apps "kept" deleted\n');
    expect(h.ok('get', 'pods', '-l', 'app=kept', '--no-headers').trim().split('\n')).toHaveLength(1);
    expect(h.ok('delete', 'rs', '-l', 'app=kept', '-o', 'name')).toMatch(/^replicaset\.apps\/kept-[4-9bcdf]+\n$/);
    expect(h.ok('delete', 'pods', '-l', 'app=nothing')).toBe('No resources found\n');
    expect(h.run(['delete', 'pod', 'nosuch'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n' });
    expect(h.run(['delete', 'pod']).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(h.run(['delete', 'pods', '--all', '-l', 'a=b']).stderr).toBe('error: cannot set --all and --selector at the same time\n');
    expect(h.run(['delete', 'ns', 'default']).stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
  });

  it('deletes a namespace with everything in it', () => {
    h.ok('create', 'namespace', 'dev');
    h.ok('create', 'deployment', 'api', '--image=redis:7', '-n', 'dev');
    expect(h.ok('delete', 'namespace', 'dev')).toBe('namespace "dev" deleted\n');
    expect(h.run(['get', 'ns', 'dev']).stderr).toBe('Error from server (NotFound): namespaces "dev" not found\n');
    expect(h.run(['get', 'pods', '-n', 'dev']).stderr).toBe('No resources found in dev namespace.\n');
  });
});

describe('kubectl version, cluster-info, api-resources and config', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('prints versions and where the control plane is', () => {
    expect(h.ok('version')).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n');
    expect(h.ok('version', '--client')).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
    expect(h.ok('cluster-info')).toBe(
      "Kubernetes control plane is running at https://172.18.0.2:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('lists the served resources', () => {
    const out = h.ok('api-resources');
    expect(out.split('\n')[0]).toBe('NAME                     SHORTNAMES   APIVERSION                  NAMESPACED   KIND');
    expect(out).toContain('\ndeployments              deploy       apps/v1                     true         Deployment\n');
    expect(out).toContain('\napiservices                           apiregistration.k8s.io/v1   false        APIService\n');
    expect(out).toContain('\npoddisruptionbudgets     pdb          policy/v1                   true         PodDisruptionBudget\n');
    expect(out).toContain('\npersistentvolumeclaims   pvc          v1                          true         PersistentVolumeClaim\n');
    expect(h.ok('api-resources', '--namespaced=false', '-o', 'name')).toBe('namespaces\nnodes\napiservices.apiregistration.k8s.io\n');
    expect(h.ok('api-resources', '--api-group=apps', '--no-headers')).toBe(
      'controllerrevisions            apps/v1   true   ControllerRevision\n' +
        'daemonsets            ds       apps/v1   true   DaemonSet\n' +
        'deployments           deploy   apps/v1   true   Deployment\n' +
        'replicasets           rs       apps/v1   true   ReplicaSet\n' +
        'statefulsets          sts      apps/v1   true   StatefulSet\n',
    );
  });

  it('switches the namespace of the current context', () => {
    expect(h.ok('config', 'current-context')).toBe('kubernetes-admin@kubernetes\n');
    expect(h.ok('config', 'set-context', '--current', '--namespace=kube-system')).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(h.ok('get', 'deploy', '-o', 'name')).toBe('deployment.apps/coredns\n');
    expect(h.ok('config', 'get-contexts')).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n',
    );
    expect(h.ok('config', 'view', '--minify')).toBe(
      'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://172.18.0.2:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    namespace: kube-system\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    token: REDACTED\n',
    );
    expect(h.run(['config', 'use-context', 'nosuch']).stderr).toBe('error: no context exists with the name: "nosuch"\n');
  });

  it('sees the default cluster from config verbs on a fresh home, as from any first command', () => {
    for (const [args, out] of [
      [['config', 'current-context'], 'kubernetes-admin@kubernetes\n'],
      [['config', 'get-contexts', '-o', 'name'], 'kubernetes-admin@kubernetes\n'],
      [['config', 'set-context', '--current', '--namespace=kube-system'], 'Context "kubernetes-admin@kubernetes" modified.\n'],
    ] as const) {
      const fresh = new Home();
      try {
        expect(fresh.run([...args])).toEqual({ code: 0, stdout: out, stderr: '' });
        expect(fresh.ok('get', 'nodes', '-o', 'name')).toBe('node/pocket-control-plane\nnode/pocket-worker\nnode/pocket-worker2\n');
      } finally {
        fresh.remove();
      }
    }
    const fresh = new Home();
    try {
      expect(fresh.ok('config', 'view')).toMatch(/^apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA\+OMITTED\n    server: https:\/\/172\.18\.0\.2:6443\n/);
    } finally {
      fresh.remove();
    }
  });

  it('answers unknown commands like cobra', () => {
    expect(h.run(['gett', 'pods'])).toEqual({ code: 1, stdout: '', stderr: 'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n' });
    expect(h.run(['zzzzzz'])).toEqual({ code: 1, stdout: '', stderr: 'Error: unknown command "zzzzzz" for "kubectl"\n' });
  });
});
