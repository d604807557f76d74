// Kubeconfig as kubectl v1.32 loads and writes it: --kubeconfig, $KUBECONFIG merging (first file
// wins an entry; writes go where the entry came from), the config verbs, and the flags that
// override the context (--context, --cluster, --user, -s/--server, --token). Expected texts were
// recorded from kubectl v1.32 on the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Home, throwawayHomes } from '../helpers/cli';

const A = `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster: {server: "https://127.0.0.1:1"}
users:
- name: u1
  user: {token: abc}
contexts:
- name: x1
  context: {cluster: c1, user: u1, namespace: ns1}
current-context: x1
`;

const B = `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster: {server: "https://127.0.0.2:2"}
- name: c2
  cluster: {server: "https://127.0.0.3:3"}
users:
- name: u2
  user: {token: def}
contexts:
- name: x2
  context: {cluster: c2, user: u2}
- name: x1
  context: {cluster: c2, user: u2}
current-context: x2
preferences: {}
`;

const MERGED = `apiVersion: v1
clusters:
- cluster:
    server: https://127.0.0.1:1
  name: c1
- cluster:
    server: https://127.0.0.3:3
  name: c2
contexts:
- context:
    cluster: c1
    namespace: ns1
    user: u1
  name: x1
- context:
    cluster: c2
    user: u2
  name: x2
current-context: x1
kind: Config
preferences: {}
users:
- name: u1
  user:
    token: REDACTED
- name: u2
  user:
    token: REDACTED
`;

const newHome = throwawayHomes();

function files() {
  const h = newHome();
  const a = h.file('a.yaml', A);
  const b = h.file('b.yaml', B);
  return { h, a, b, dir: path.dirname(a) };
}

describe('$KUBECONFIG', () => {
  it('merges the files: the first to name an entry wins it, and the first current-context', () => {
    const { h, a, b } = files();
    expect(h.run(['config', 'view'], { env: { KUBECONFIG: `${a}:${b}` } }).stdout).toBe(MERGED);
    expect(h.run(['config', 'current-context'], { env: { KUBECONFIG: `${b}:${a}` } }).stdout).toBe('x2\n');
  });

  it('writes an entry back to the file it came from, and new entries and the current context to the first file that exists', () => {
    const { h, a, b, dir } = files();
    const env = { KUBECONFIG: `${path.join(dir, 'none.yaml')}:${a}:${b}` };
    expect(h.run(['config', 'set-context', 'x2', '--namespace=q'], { env }).stdout).toBe('Context "x2" modified.\n');
    expect(h.run(['config', 'set-context', 'new1', '--cluster=c1'], { env }).stdout).toBe('Context "new1" created.\n');
    expect(h.run(['config', 'use-context', 'x2'], { env }).stdout).toBe('Switched to context "x2".\n');
    expect(fs.existsSync(path.join(dir, 'none.yaml'))).toBe(false);
    // a.yaml was YAML and stays YAML, as kubectl writes it (a context keeps its empty user).
    expect(fs.readFileSync(a, 'utf8')).toBe(`apiVersion: v1
clusters:
- cluster:
    server: https://127.0.0.1:1
  name: c1
contexts:
- context:
    cluster: c1
    user: ""
  name: new1
- context:
    cluster: c1
    namespace: ns1
    user: u1
  name: x1
current-context: x2
kind: Config
preferences: {}
users:
- name: u1
  user:
    token: abc
`);
    expect(fs.readFileSync(b, 'utf8')).toContain('- context:\n    cluster: c2\n    namespace: q\n    user: u2\n  name: x2\n');
  });

  it('creates the last file when none exists', () => {
    const h = newHome();
    const dir = path.dirname(h.file('x', ''));
    const env = { KUBECONFIG: `${path.join(dir, 'one.yaml')}:${path.join(dir, 'two.yaml')}` };
    expect(h.run(['config', 'set-credentials', 'u7', '--token=z'], { env }).stdout).toBe('User "u7" set.\n');
    expect(fs.existsSync(path.join(dir, 'one.yaml'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'two.yaml'), 'utf8')).toContain('- name: u7\n  user:\n    token: z\n');
  });
});

describe('--kubeconfig', () => {
  it('a missing file is an empty config to config view, and an error to a command that talks to the cluster', () => {
    const h = newHome();
    const missing = path.join(h.dir, 'nonexist');
    expect(h.run(['--kubeconfig', missing, 'config', 'view'])).toEqual({
      stdout: 'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
      stderr: '',
      code: 0,
    });
    expect(h.run(['--kubeconfig', missing, 'get', 'pods'])).toEqual({ stdout: '', stderr: `error: stat ${missing}: no such file or directory\n`, code: 1 });
  });

  it('a current context that is not there, a missing --cluster or --user: kubectl\'s configuration errors', () => {
    const { h, a } = files();
    const c = h.file('c.yaml', A.replace('current-context: x1', 'current-context: gone'));
    expect(h.run(['--kubeconfig', c, 'get', 'pods']).stderr).toBe('Error in configuration: context was not found for specified context: gone\n');
    expect(h.run(['--kubeconfig', a, 'get', 'pods', '--cluster', 'nope']).stderr).toBe('error: no server found for cluster "nope"\n');
    expect(h.run(['--kubeconfig', c, 'get', 'pods', '--cluster', 'nope']).stderr).toBe(
      'Error in configuration: \n* context was not found for specified context: gone\n* no server found for cluster "nope"\n',
    );
    expect(h.run(['--kubeconfig', a, 'get', 'pods', '--user', 'nope']).stderr).toBe('error: auth info "nope" does not exist\n');
  });
});

describe('flags over the context', () => {
  it('--server that is not the cluster\'s is refused as kubectl reports it; -s with the cluster\'s address reaches it', () => {
    const h = newHome();
    h.ok('get', 'ns');
    const r = h.run(['get', 'ns', '--server', 'https://127.0.0.1:9', '--request-timeout=2s']);
    const attempt = 'E1126 12:00:00.000000 {pid} memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"https://127.0.0.1:9/api?timeout=2s\\": dial tcp 127.0.0.1:9: connect: connection refused"';
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 5).map((l) => l.replace(/^(E\d{4} [\d:.]+) +\d+ /, 'E1126 12:00:00.000000 {pid} '))).toEqual(Array(5).fill(attempt));
    expect(lines.slice(5)).toEqual(['The connection to the server 127.0.0.1:9 was refused - did you specify the right host or port?', '']);
    expect(r.code).toBe(1);
    expect(h.ok('get', 'ns', 'default', '-s', 'https://172.18.0.2:6443', '-o', 'name')).toBe('namespace/default\n');
  });

  it('--token replaces the user\'s token; --user picks another user', () => {
    const h = newHome();
    h.ok('get', 'ns');
    expect(h.run(['get', 'ns', '--token', 'nope'])).toEqual({ stdout: '', stderr: 'error: You must be logged in to the server (Unauthorized)\n', code: 1 });
    h.ok('config', 'set-credentials', 'stranger', '--token=not-a-real-token');
    expect(h.run(['get', 'ns', '--user', 'stranger']).stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
    const token = JSON.parse(h.ok('config', 'view', '--raw', '-o', 'json')).users.find((u: { name: string }) => u.name === 'kubernetes-admin').user.token;
    expect(h.ok('get', 'ns', 'default', '--user', 'stranger', '--token', token, '-o', 'name')).toBe('namespace/default\n');
  });

  it('-n wins over the context\'s namespace', () => {
    const h = newHome();
    h.ok('config', 'set-context', '--current', '--namespace=kube-system');
    expect(h.ok('get', 'deploy', '-o', 'name')).toBe('deployment.apps/coredns\n');
    expect(h.run(['get', 'deploy', '-n', 'default']).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('config verbs', () => {
  it('set-cluster, set-credentials, set, unset, rename-context and delete-* as kubectl words them', () => {
    const h = newHome();
    const n = path.join(h.dir, 'n.yaml');
    const k = (...args: string[]) => h.run(['--kubeconfig', n, 'config', ...args]);
    expect(k('set-cluster', 'c1', '--server=https://1.2.3.4:6443', '--insecure-skip-tls-verify=true').stdout).toBe('Cluster "c1" set.\n');
    expect(k('set-cluster', 'c1', '--tls-server-name=foo').stdout).toBe('Cluster "c1" set.\n');
    expect(k('set-credentials', 'u1', '--token=t1').stdout).toBe('User "u1" set.\n');
    expect(k('set-credentials', 'u1', '--username=a', '--password=b').stdout).toBe('User "u1" set.\n');
    expect(k('set-credentials', 'u9', '--token=a', '--username=b').stderr).toBe(
      'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n',
    );
    expect(k('set', 'users.u3.token', 'xyz').stdout).toBe('Property "users.u3.token" set.\n');
    expect(k('set', 'contexts.k1.namespace', 'ns9').stdout).toBe('Property "contexts.k1.namespace" set.\n');
    expect(k('unset', 'users.u3.token').stdout).toBe('Property "users.u3.token" unset.\n');
    expect(k('set', 'foo.bar', 'x').stderr).toBe('error: unable to parse foo.bar after [] at api.Config\n');
    expect(k('set-context', 'k2', '--cluster=c1', '--user=u1', '--namespace=n2').stdout).toBe('Context "k2" created.\n');
    expect(k('get-contexts').stdout).toBe('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n          k1                          ns9\n          k2     c1        u1         n2\n');
    expect(k('get-users').stdout).toBe('NAME\nu1\nu3\n');
    expect(k('delete-user')).toEqual({ stdout: '', stderr: "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n", code: 1 });
    expect(k('delete-cluster', 'nope').stderr).toBe(`error: cannot delete cluster nope, not in ${n}\n`);
    expect(k('use-context', 'k2').stdout).toBe('Switched to context "k2".\n');
    expect(k('rename-context', 'k2', 'k3').stdout).toBe('Context "k2" renamed to "k3".\n');
    expect(k('rename-context', 'k3', 'k1').stderr).toBe(`error: cannot rename the context "k3", the context "k1" already exists in ${n}\n`);
    expect(k('current-context').stdout).toBe('k3\n');
    expect(k('delete-context', 'k3')).toEqual({
      stdout: `deleted context k3 from ${n}\n`,
      stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
      code: 0,
    });
    expect(k('set-cluster', 'c5', '--embed-certs').stderr).toBe('error: you must specify a --certificate-authority to embed\n');
    expect(fs.readFileSync(n, 'utf8')).toBe(`apiVersion: v1
clusters:
- cluster:
    server: https://1.2.3.4:6443
    tls-server-name: foo
  name: c1
contexts:
- context:
    cluster: ""
    namespace: ns9
    user: ""
  name: k1
current-context: k3
kind: Config
preferences: {}
users:
- name: u1
  user:
    password: b
    username: a
- name: u3
  user: {}
`);
  });

  it('drops the fields no kubeconfig type has, at any depth and in any case but the field\'s own, from what it shows and writes back', () => {
    const h = newHome();
    const file = h.file(
      'odd.yaml',
      `apiVersion: v1
kind: Config
bogus: top
clusters:
- name: c
  extra: 1
  cluster:
    server: https://1.2.3.4
    unknownField: x
contexts:
- name: x
  context:
    cluster: c
    user: u
    Namespace: ns1
    what: ever
current-context: x
preferences:
  colors: true
  other: 1
users:
- name: u
  user:
    token: abc
    weird: 2
`,
    );
    const env = { KUBECONFIG: file };
    expect(h.run(['config', 'view'], { env })).toEqual({
      code: 0,
      stdout: `apiVersion: v1
clusters:
- cluster:
    server: https://1.2.3.4
  name: c
contexts:
- context:
    cluster: c
    user: u
  name: x
current-context: x
kind: Config
preferences:
  colors: true
users:
- name: u
  user:
    token: REDACTED
`,
      stderr: '',
    });
    expect(h.run(['config', 'set-context', 'x', '--namespace=n2'], { env }).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(`apiVersion: v1
clusters:
- cluster:
    server: https://1.2.3.4
  name: c
contexts:
- context:
    cluster: c
    namespace: n2
    user: u
  name: x
current-context: x
kind: Config
preferences:
  colors: true
users:
- name: u
  user:
    token: abc
`);
  });

  it('view: --minify, --flatten (unredacted), -o json, jsonpath, go-template, name', () => {
    const { h, a } = files();
    const v = (...args: string[]) => h.run(['--kubeconfig', a, 'config', 'view', ...args]);
    expect(v('--raw', '-o', 'jsonpath={.users[*].user.token}').stdout).toBe('abc');
    expect(v('-o', 'jsonpath={.users[*].user.token}').stdout).toBe('REDACTED');
    expect(v('-o', 'go-template={{range .contexts}}{{.name}} {{end}}').stdout).toBe('x1 ');
    expect(v('-o', 'name').stdout).toBe('config/<unknown>\n');
    expect(v('--minify', '--context', 'x9').stderr).toBe('error: cannot locate context x9\n');
    expect(v('--flatten').stdout).toContain('    token: abc\n');
    expect(v('-o', 'json').stdout).toBe(`{
    "kind": "Config",
    "apiVersion": "v1",
    "preferences": {},
    "clusters": [
        {
            "name": "c1",
            "cluster": {
                "server": "https://127.0.0.1:1"
            }
        }
    ],
    "users": [
        {
            "name": "u1",
            "user": {
                "token": "REDACTED"
            }
        }
    ],
    "contexts": [
        {
            "name": "x1",
            "context": {
                "cluster": "c1",
                "user": "u1",
                "namespace": "ns1"
            }
        }
    ],
    "current-context": "x1"
}
`);
    expect(v('-o', 'custom-columns=X:.kind').stderr).toBe(
      'error: unable to match a printer suitable for the output format "custom-columns=X:.kind", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });

  it('set decodes a []byte value as base64 (or, with --set-raw-bytes, takes its bytes) and sets preferences.colors (recorded from kubectl)', () => {
    const h = newHome();
    const file = path.join(h.dir, 'k');
    const set = (...args: string[]) => h.run(['config', 'set', ...args, `--kubeconfig=${file}`]);
    expect(set('clusters.x.certificate-authority-data', 'hello')).toEqual({ code: 1, stdout: '', stderr: 'error: error decoding input value: illegal base64 data at input byte 4\n' });
    expect(fs.existsSync(file)).toBe(false);
    expect(set('clusters.x.certificate-authority-data', 'aGVsbG8=', '--set-raw-bytes=true').code).toBe(0);
    expect(set('users.u.client-key-data', 'aGk=').code).toBe(0);
    expect(set('preferences.colors', 'true').stdout).toBe('Property "preferences.colors" set.\n');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('    certificate-authority-data: YUdWc2JHOD0=\n');
    expect(text).toContain('    client-key-data: aGk=\n');
    expect(text).toContain('preferences:\n  colors: true\n');
  });

  it('set-cluster writes a certificate authority beside or below the kubeconfig relative to it, any other absolute, and a cluster without a server says so (recorded from kubectl)', () => {
    const h = newHome();
    const dir = path.join(h.dir, 'kc');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const file = path.join(dir, 'config');
    const set = (...args: string[]) => h.ok('config', 'set-cluster', ...args, `--kubeconfig=${file}`);
    const run = (args: string[]) => h.run(args, { cwd: dir });
    expect(run(['config', 'set-cluster', 'beside', '--certificate-authority=ca.crt', `--kubeconfig=${file}`]).stdout).toBe('Cluster "beside" set.\n');
    expect(run(['config', 'set-cluster', 'below', '--certificate-authority=sub/ca.crt', `--kubeconfig=${file}`]).code).toBe(0);
    set('elsewhere', '--certificate-authority=/etc/ssl/ca.crt');
    expect(run(['config', 'set-cluster', 'up', '--certificate-authority=ca.crt', `--kubeconfig=${path.join(dir, 'sub', 'config')}`]).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority: sub/ca.crt
    server: ""
  name: below
- cluster:
    certificate-authority: ca.crt
    server: ""
  name: beside
- cluster:
    certificate-authority: /etc/ssl/ca.crt
    server: ""
  name: elsewhere
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`);
    expect(fs.readFileSync(path.join(dir, 'sub', 'config'), 'utf8')).toContain(`    certificate-authority: ${path.join(dir, 'ca.crt')}\n`);
  });
});
