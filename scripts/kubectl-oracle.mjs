// Real kubectl as an oracle for pocketkube's printers: serves the objects of a pocketkube home,
// read-only, as a minimal Kubernetes API server (legacy discovery, list and get by name), and runs
// the given kubectl command line against it. What kubectl prints from those objects is what
// pocketkube's `get` must print from the same objects (custom columns, templates, sorting, ...).
//
//   node scripts/kubectl-oracle.mjs --home DIR -- get pods -o custom-columns=NAME:.metadata.name
//
// Prints kubectl's standard output, then its standard error and exit code on standard error.
// Selectors are equality terms only; a watch gets no events (its stream ends at once), and writes
// are not served: record what kubectl prints before it would wait.
// Tables (kubectl's default output) have a NAME column only: they show row order, not columns.
// metrics.k8s.io (the metrics-server add-on) is passed on to pocketkube's own API, for `top`.
// Lists are answered as kube-apiserver answers them: items without kind and apiVersion, the
// list's resourceVersion the home's revision (what a typed clientset decodes and prints, as
// `cluster-info dump` does). Services and ReplicationControllers, which pocketkube does not
// serve, are listed empty (as a cluster without such objects lists them), though discovery
// still leaves them out. A pod's log (pods/NAME/log) is passed on to pocketkube's own
// API: its text, or its error as a Status.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'pocketkube');

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const homeAt = argv.indexOf('--home');
if (sep < 0 || homeAt < 0 || homeAt > sep) {
  process.stderr.write('usage: node scripts/kubectl-oracle.mjs --home DIR -- KUBECTL_ARGS...\n');
  process.exit(2);
}
const home = argv[homeAt + 1];
const kubectlArgs = argv.slice(sep + 1);

function pocketkube(...args) {
  return execFileSync(process.execPath, [BIN, ...args], { env: { ...process.env, POCKETKUBE_HOME: home }, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The resources pocketkube serves, as `api-resources -o wide` lists them. */
function resources() {
  const lines = pocketkube('api-resources', '-o', 'wide', '--no-headers').trim().split('\n');
  return lines.map((line) => {
    // NAME [SHORTNAMES] APIVERSION NAMESPACED KIND VERBS [CATEGORIES]
    const f = line.trim().split(/\s+/);
    const at = f.findIndex((x, i) => i > 0 && /^(v\d\w*|[a-z0-9.-]+\/v\d\w*)$/.test(x));
    const [apiVersion, namespaced, kind, verbs] = f.slice(at, at + 4);
    return { name: f[0], shortNames: at === 2 ? f[1].split(',') : [], apiVersion, namespaced: namespaced === 'true', kind, verbs: verbs.split(',') };
  });
}

const served = resources();
/** Every object by resource, with its kind and apiVersion. */
const objects = new Map();
for (const r of served) {
  const list = JSON.parse(pocketkube('get', r.name, ...(r.namespaced ? ['-A'] : []), '-o', 'json'));
  objects.set(r.name, list.items);
}

const groupVersions = [...new Set(served.map((r) => r.apiVersion))];

/** The home's revision: every list's resourceVersion, as etcd's revision is a real server's. */
const revision = JSON.parse(pocketkube('get', '--raw', '/api/v1/namespaces')).metadata.resourceVersion;

/** Kinds pocketkube does not serve that a typed clientset lists (cluster-info dump): always empty. */
const emptyLists = [
  { name: 'services', apiVersion: 'v1', kind: 'Service' },
  { name: 'replicationcontrollers', apiVersion: 'v1', kind: 'ReplicationController' },
];

function resourceList(gv) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: served
      .filter((r) => r.apiVersion === gv)
      .map((r) => ({ name: r.name, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, ...(r.shortNames.length ? { shortNames: r.shortNames } : {}) })),
  };
}

function status(code, reason, message) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/**
 * A server-side Table of NAME only, each row with its object: enough for kubectl's table paths
 * that depend on the objects (row order under --sort-by), not for its columns.
 */
function table(items) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1' },
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
    rows: items.map((o) => ({ cells: [o.metadata.name], object: o })),
  };
}

/** A dotted path's value (metadata.name, involvedObject.kind), as a field selector reads it. */
const fieldOf = (obj, path) => path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), obj);

/** Equality terms of a field or label selector (a=b, a==b, a!=b); set-based label terms are not served. */
function matches(selector, get) {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) return true;
    const value = get(m[1]) ?? '';
    return m[2] === '!=' ? String(value) !== m[3] : String(value) === m[3];
  });
}

/**
 * metrics.k8s.io is pocketkube's aggregated group (the metrics-server add-on): its paths are
 * passed on to `pocketkube get --raw`, so kubectl's `top` reads the metrics pocketkube serves.
 */
function metrics(url) {
  try {
    // Its error is the answer, not the oracle's output: standard error is kept from ours.
    const body = execFileSync(process.execPath, [BIN, 'get', '--raw', url], { env: { ...process.env, POCKETKUBE_HOME: home }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return [200, JSON.parse(body)];
  } catch (e) {
    const m = /^Error from server \((\w+)\): (.*)$/m.exec(String(e.stderr ?? ''));
    const codes = { NotFound: 404, BadRequest: 400, ServiceUnavailable: 503, Forbidden: 403 };
    return m ? [codes[m[1]] ?? 500, status(codes[m[1]] ?? 500, m[1], m[2])] : [404, status(404, 'NotFound', 'the server could not find the requested resource')];
  }
}

/** A pod's log, from pocketkube's API: its text, or its error as the Status a server sends. */
function podLog(url) {
  try {
    const body = execFileSync(process.execPath, [BIN, 'get', '--raw', url], { env: { ...process.env, POCKETKUBE_HOME: home }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return [200, body, 'text/plain'];
  } catch (e) {
    const m = /^Error from server \((\w+)\): (.*)$/m.exec(String(e.stderr ?? ''));
    const codes = { NotFound: 404, BadRequest: 400, Forbidden: 403, InternalError: 500 };
    return m ? [codes[m[1]] ?? 500, status(codes[m[1]] ?? 500, m[1], m[2])] : [500, status(500, 'InternalError', String(e.stderr ?? e))];
  }
}

function answer(url, wantsTable) {
  const { pathname, searchParams } = new URL(url, 'http://x');
  if (pathname.startsWith('/apis/metrics.k8s.io')) return metrics(url);
  if (/^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/log$/.test(pathname)) return podLog(url);
  if (pathname === '/version') return [200, { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' }];
  if (pathname === '/api') return [200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] }];
  if (pathname === '/apis') {
    const groups = groupVersions.filter((gv) => gv.includes('/')).map((gv) => {
      const [group, version] = gv.split('/');
      const v = { groupVersion: gv, version };
      return { name: group, versions: [v], preferredVersion: v };
    });
    const aggregated = JSON.parse(pocketkube('get', '--raw', '/apis')).groups.filter((g) => g.name === 'metrics.k8s.io');
    return [200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups, ...aggregated] }];
  }
  const m = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(pathname);
  if (!m) return [404, status(404, 'NotFound', 'the server could not find the requested resource')];
  const gv = m[1] ?? m[2];
  let [namespace, resource, name] = [m[3], m[4], m[5]];
  if (!resource) return [200, resourceList(gv)];
  // /api/v1/namespaces/NAME is the namespace itself.
  if (namespace && !resource) [resource, name, namespace] = ['namespaces', namespace, undefined];
  const r = served.find((x) => x.name === resource && x.apiVersion === gv);
  const empty = emptyLists.find((x) => x.name === resource && x.apiVersion === gv);
  if (!r && empty && !name && !wantsTable) return [200, { kind: `${empty.kind}List`, apiVersion: gv, metadata: { resourceVersion: revision }, items: [] }];
  if (!r) return [404, status(404, 'NotFound', 'the server could not find the requested resource')];
  const items = objects
    .get(resource)
    .filter((o) => !namespace || o.metadata.namespace === namespace)
    .filter((o) => matches(searchParams.get('fieldSelector'), (path) => fieldOf(o, path)))
    .filter((o) => matches(searchParams.get('labelSelector'), (key) => o.metadata.labels?.[key]));
  if (name) {
    const found = items.find((o) => o.metadata.name === name);
    const group = gv.includes('/') ? gv.split('/')[0] : '';
    if (found && wantsTable) return [200, table([found])];
    return found ? [200, found] : [404, status(404, 'NotFound', `${resource}${group ? '.' + group : ''} "${name}" not found`)];
  }
  if (wantsTable) return [200, table(items)];
  // kube-apiserver's list items carry no kind or apiVersion (kubectl's unstructured lists take the list's).
  const bare = items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
  return [200, { kind: `${r.kind}List`, apiVersion: gv, metadata: { resourceVersion: revision }, items: bare }];
}

const server = http.createServer((req, res) => {
  // A watch: no events, and the stream ends at once (kubectl then stops watching).
  if (/[?&]watch=(true|1)/.test(req.url)) {
    if (process.env.ORACLE_TRACE) process.stderr.write(`${req.method} ${req.url} (watch)\n`);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end();
    return;
  }
  const [code, body, contentType] = answer(req.url, (req.headers.accept ?? '').includes('as=Table'));
  if (process.env.ORACLE_TRACE) process.stderr.write(`${req.method} ${req.url} ${req.headers.accept} -> ${code}\n`);
  res.writeHead(code, { 'Content-Type': contentType ?? 'application/json' });
  res.end(contentType ? body : JSON.stringify(body));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-oracle-'));
  const kubeconfig = path.join(tmp, 'config');
  fs.writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: oracle
  cluster:
    server: http://127.0.0.1:${port}
contexts:
- name: oracle
  context:
    cluster: oracle
    user: oracle
    namespace: default
current-context: oracle
users:
- name: oracle
  user: {}
`,
  );
  // cobra's __complete takes the command line after it, flags included; it must come first.
  const connect = ['--kubeconfig', kubeconfig, '--cache-dir', path.join(tmp, 'cache')];
  const args = kubectlArgs[0]?.startsWith('__complete') ? [kubectlArgs[0], ...connect, ...kubectlArgs.slice(1)] : [...connect, ...kubectlArgs];
  const child = spawn('kubectl', args, { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (code) => {
    process.stderr.write(stderr);
    process.stderr.write(`[exit ${code}]\n`);
    fs.rmSync(tmp, { recursive: true, force: true });
    server.close();
  });
});
