// kubectl get through the launcher: tables, formats, selectors and its errors, compared with
// kubectl's exact text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('kubectl get', () => {
  const h = new Home();
  let pods: string[] = [];
  let rs = '';
  beforeAll(() => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2', '--port=80');
    pods = h.ok('get', 'pods', '-o', 'name').trim().split('\n').map((p) => p.replace('pod/', ''));
    rs = h.ok('get', 'rs', '-o', 'name').trim().replace('replicaset.apps/', '');
  });
  afterAll(() => h.remove());

  it('prints kind tables with kubectl column widths', () => {
    const w = Math.max(...pods.map((p) => p.length), 4) + 3;
    expect(h.ok('get', 'pods')).toBe(
      lines(`${'NAME'.padEnd(w)}READY   STATUS    RESTARTS   AGE`, ...pods.map((p) => `${p.padEnd(w)}1/1     Running   0          0s`)),
    );
    expect(h.ok('get', 'deploy')).toBe(lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/2     2            2           0s'));
    expect(h.ok('get', 'deployments.apps', 'web', '-o', 'wide')).toBe(
      lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR', 'web    2/2     2            2           0s    nginx        nginx:1.25   app=web'),
    );
    expect(h.ok('get', 'ns')).toBe(
      lines('NAME              STATUS   AGE', 'default           Active   0s', 'kube-node-lease   Active   0s', 'kube-public       Active   0s', 'kube-system       Active   0s'),
    );
  });

  it('prefixes kinds and separates tables when several kinds are asked for', () => {
    const out = h.ok('get', 'deploy,rs');
    expect(out).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/2     2            2           0s',
        '',
        `${'NAME'.padEnd(`replicaset.apps/${rs}`.length + 3)}DESIRED   CURRENT   READY   AGE`,
        `${`replicaset.apps/${rs}`.padEnd(`replicaset.apps/${rs}`.length + 3)}2         2         2       0s`,
      ),
    );
    expect(h.ok('get', 'all').split('\n\n')).toHaveLength(3);
    expect(h.ok('get', 'deploy', 'web', '--show-kind').split('\n')[1]).toMatch(/^deployment\.apps\/web /);
  });

  it('filters by label and field selectors, and shows labels and label columns', () => {
    expect(h.ok('get', 'pods', '-l', 'app=web', '-o', 'name').trim().split('\n')).toHaveLength(2);
    expect(h.ok('get', 'pods', '-l', 'app in (db,cache)', '-o', 'name')).toBe('');
    expect(h.ok('get', 'pods', '--field-selector', `metadata.name=${pods[0]}`, '-o', 'name')).toBe(`pod/${pods[0]}\n`);
    expect(h.ok('get', 'rs', '--show-labels').split('\n')[1]).toMatch(new RegExp(`   app=web,pod-template-hash=${rs.slice(4)}$`));
    const labelCols = h.ok('get', 'pods', '-L', 'app,tier').split('\n');
    expect(labelCols[0]).toMatch(/AGE   APP   TIER$/);
    expect(labelCols[1]).toMatch(/0s    web   $/);
    expect(h.ok('get', 'pods', '--no-headers').split('\n')[0]).toMatch(/^web-/);
  });

  it('adds NAMESPACE with -A for namespaced kinds only', () => {
    expect(h.ok('get', 'deploy', '-A')).toBe(
      lines(
        'NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE',
        'default       web       2/2     2            2           0s',
        'kube-system   coredns   2/2     2            2           0s',
      ),
    );
    expect(h.ok('get', 'nodes', '-A').split('\n')[0]).toBe('NAME                   STATUS   ROLES           AGE   VERSION');
  });

  it('prints one object bare and several as a List in json and yaml', () => {
    const one = JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json'));
    expect(one.kind).toBe('Deployment');
    expect(h.ok('get', 'deploy', 'web', '-o', 'json')).toMatch(/^\{\n {4}"apiVersion": "apps\/v1",\n {4}"kind": "Deployment",\n/);
    const list = JSON.parse(h.ok('get', 'deploy', '-o', 'json'));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(list.items).toHaveLength(1);
    expect(h.ok('get', 'pods', '-n', 'empty', '-o', 'yaml')).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(h.ok('get', 'ns', 'default', '-o', 'yaml')).toMatch(
      /^apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: "2026-11-26T12:00:00Z"\n  labels:\n    kubernetes.io\/metadata.name: default\n  name: default\n  resourceVersion: "\d+"\n  uid: [0-9a-f-]{36}\nspec:\n  finalizers:\n  - kubernetes\nstatus:\n  phase: Active\n$/,
    );
    expect(h.ok('get', 'deploy/web', 'ns/default', '-o', 'name')).toBe('deployment.apps/web\nnamespace/default\n');
  });

  it('says "No resources found" on stderr, exit 0', () => {
    const ns = h.run(['get', 'pods', '-n', 'nothing-here']);
    expect(ns).toEqual({ code: 0, stdout: '', stderr: 'No resources found in nothing-here namespace.\n' });
    expect(h.run(['get', 'pods', '-A', '-l', 'x=y'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
  });

  it('prints what it found and reports what it did not', () => {
    const r = h.run(['get', 'deploy', 'web', 'nosuch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/2     2            2           0s'));
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nosuch" not found\n');
    expect(h.run(['get', 'deploy', 'nosuch', '--ignore-not-found'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('in json/yaml prints only the error for one missing object, an empty List for several', () => {
    const notFound = (n: string) => `Error from server (NotFound): deployments.apps "${n}" not found\n`;
    expect(h.run(['get', 'deploy', 'nosuch', '-o', 'yaml'])).toEqual({ code: 1, stdout: '', stderr: notFound('nosuch') });
    expect(h.run(['get', 'deploy', 'a', 'b', '-o', 'yaml'])).toEqual({
      code: 1,
      stdout: lines('apiVersion: v1', 'items: []', 'kind: List', 'metadata:', '  resourceVersion: ""'),
      stderr: notFound('a') + notFound('b'),
    });
    expect(h.run(['get', 'deploy', 'nosuch', '-o', 'json', '--ignore-not-found'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(h.run(['get', 'pods', '-n', 'nothing-here', '-o', 'json', '--ignore-not-found'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fails like kubectl on bad requests', () => {
    const cases: [string[], string][] = [
      [['get', 'foo'], 'error: the server doesn\'t have a resource type "foo"\n'],
      [['get', 'pod/a/b'], 'error: arguments in resource/name form may not have more than one slash\n'],
      [
        ['get', 'pods', 'pod/x'],
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
      ],
      [['get', 'pods', '--show-labels', '-o', 'yaml'], 'error: --show-labels option cannot be used with yaml printer\n'],
      [
        ['get', 'pods', '-o', 'foo'],
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      ],
      [
        ['get'],
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      ],
      [['get', 'pods', '--foo'], "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
      [['get', 'pods', '-x'], "Error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"],
      [['get', 'pods', '-o'], "Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"],
      [['get', 'pods', '--namespace'], "Error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n"],
    ];
    for (const [args, stderr] of cases) expect({ args, ...h.run(args) }).toEqual({ args, code: 1, stdout: '', stderr });
  });

  it('accepts pflag spellings: -o=yaml, --all-namespaces=true, -n=ns', () => {
    expect(h.ok('get', 'ns', 'default', '-o=name')).toBe('namespace/default\n');
    expect(h.ok('get', 'deploy', '--all-namespaces=true', '-o', 'name')).toBe('deployment.apps/web\ndeployment.apps/coredns\n');
    expect(h.ok('get', 'deploy', '-n=kube-system', '-o', 'name')).toBe('deployment.apps/coredns\n');
    expect(h.ok('-n', 'kube-system', 'get', 'deploy', '-o', 'name')).toBe('deployment.apps/coredns\n');
  });
});
