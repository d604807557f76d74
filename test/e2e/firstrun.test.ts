// The first command on an empty home: the default cluster, made from the build's template (or
// bootstrapped directly for another seed), is the same cluster in every home with the same seed
// and wall clock, while its keys and tokens are the home's own.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Home, ROOT, WALLCLOCK } from '../helpers/cli';

const homes: Home[] = [];
function home(env: Record<string, string> = {}): Home {
  const h = new Home(env);
  homes.push(h);
  return h;
}
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

/** What only the home may know: the CA's key, the admin token, the bootstrap token. */
function secrets(h: Home): { caKey: string; adminToken: string; bootstrapToken: string } {
  // One line per key, "<key>"<TAB><value>, then the index line.
  const lines = h.collectionText('/node/kubeadm').trim().split('\n').slice(0, -1);
  const kubeadm = Object.fromEntries(lines.map((l) => [JSON.parse(l.slice(0, l.indexOf('\t'))), JSON.parse(l.slice(l.indexOf('\t') + 1))]));
  const config = JSON.parse(fs.readFileSync(path.join(h.dir, 'config'), 'utf8'));
  const secret = JSON.parse(h.ok('get', 'secrets', '-n', 'kube-system', '-o', 'json')).items.find((s: { type: string }) => s.type === 'bootstrap.kubernetes.io/token');
  const decode = (s: string) => Buffer.from(s, 'base64').toString();
  return {
    caKey: kubeadm['cert/ca'].keyPem,
    adminToken: config.users[0].user.token,
    bootstrapToken: `${decode(secret.data['token-id'])}.${decode(secret.data['token-secret'])}`,
  };
}

/** The cluster as kubectl shows it, apart from what carries the home's keys and tokens. */
function cluster(h: Home): string {
  return [
    h.ok('get', 'nodes', '-o', 'yaml'),
    h.ok('get', 'pods,deployments,replicasets,serviceaccounts,namespaces', '-A', '-o', 'yaml'),
    h.ok('get', 'events', '-A', '-o', 'yaml'),
    h.ok('get', 'configmaps', '-n', 'kube-system', 'coredns', 'kubeadm-config', 'kubelet-config', '-o', 'yaml'),
  ].join('---\n');
}

function expectOwnSecrets(a: Home, b: Home): void {
  const x = secrets(a);
  const y = secrets(b);
  expect(x.caKey).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
  expect(y.caKey).not.toBe(x.caKey);
  expect(x.adminToken).toMatch(/^[a-z0-9]{32}$/);
  expect(y.adminToken).not.toBe(x.adminToken);
  expect(x.bootstrapToken).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
  expect(y.bootstrapToken).not.toBe(x.bootstrapToken);
  // Both halves: kubeadm draws the id at random too (it names the token's Secret).
  expect(y.bootstrapToken.slice(0, 6)).not.toBe(x.bootstrapToken.slice(0, 6));
  expect(y.bootstrapToken.slice(7)).not.toBe(x.bootstrapToken.slice(7));
  // Each home's kubeconfig trusts its own CA and its token is the one its API server accepts.
  expect(a.ok('get', 'configmap', 'kube-root-ca.crt', '-o', 'jsonpath={.data.ca\\.crt}')).not.toBe(b.ok('get', 'configmap', 'kube-root-ca.crt', '-o', 'jsonpath={.data.ca\\.crt}'));
}

describe('the first command on an empty home', () => {
  it('gives two homes the same cluster with their own CA key, admin token and bootstrap token', () => {
    const a = home();
    const b = home();
    expect(a.ok('get', 'nodes')).toBe(b.ok('get', 'nodes'));
    expect(cluster(a)).toBe(cluster(b));
    expectOwnSecrets(a, b);
  });

  it('is the same whether it reads or writes', () => {
    const a = home();
    const b = home();
    a.ok('get', 'pods');
    b.ok('create', 'namespace', 'first');
    a.ok('create', 'namespace', 'first');
    expect(cluster(a)).toBe(cluster(b));
    expectOwnSecrets(a, b);
  });

  it('keeps the cluster when the first command fails after reading it, and saves nothing when a write fails', () => {
    const a = home();
    expect(a.run(['get', 'pod', 'missing']).code).toBe(1);
    expect(fs.existsSync(path.join(a.dir, 'store.json'))).toBe(true);
    expect(a.ok('get', 'deploy', '-n', 'kube-system', '-o', 'name')).toBe('deployment.apps/coredns\n');
    const b = home();
    expect(b.run(['create', 'namespace', 'kube-system']).code).toBe(1);
    expect(fs.existsSync(path.join(b.dir, 'store.json'))).toBe(false);
  });

  it('with POCKETKUBE_SEED builds the same cluster in two homes, with their own keys and tokens', () => {
    const a = home({ POCKETKUBE_SEED: 'first-run' });
    const b = home({ POCKETKUBE_SEED: 'first-run' });
    const d = home();
    expect(cluster(a)).toBe(cluster(b));
    expect(a.ok('get', 'pods', '-n', 'kube-system', '-o', 'name')).not.toBe(d.ok('get', 'pods', '-n', 'kube-system', '-o', 'name'));
    expectOwnSecrets(a, b);
  });

  it('is, from the build\'s template, the cluster a direct bootstrap builds (beside keys and tokens)', () => {
    // The build's generator bootstraps directly and from the template, for a read and a write,
    // and compares the stores byte for byte with the home's keys and tokens masked.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'gen-bootstrap-template.cjs'), 'check', path.join(ROOT, 'dist', 'bootstrap-template.json'), WALLCLOCK, '2027-02-28T23:59:59.999Z'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
