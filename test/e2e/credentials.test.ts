// Credentials come from the system's random source, names from the seeded generator: two homes
// that run the same commands get the same nodes, pods and UIDs, and share no credential — not the
// admin token, not the bootstrap token's id or secret, not a key, not a certificate serial.
// Both ways a cluster is made: the default one (from the build's template) and kubeadm init.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store';
import { Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

interface Credentials {
  admin: string;
  tokenIds: string[];
  tokenSecrets: string[];
  /** Every certificate kubeadm recorded: its serial, and its key once issued. */
  serials: Record<string, string>;
  keys: Record<string, string>;
}

const decode = (s: string) => Buffer.from(s, 'base64').toString();

function credentials(h: Home): Credentials {
  const config = JSON.parse(h.ok('config', 'view', '--raw', '-o', 'json'));
  const tokens = JSON.parse(h.ok('get', 'secrets', '-n', 'kube-system', '--field-selector', 'type=bootstrap.kubernetes.io/token', '-o', 'json')).items as {
    metadata: { name: string };
    data: Record<string, string>;
  }[];
  for (const t of tokens) expect(t.metadata.name).toBe(`bootstrap-token-${decode(t.data['token-id'])}`);
  // The control plane's disk as the store holds it (the collection file and the journal after it).
  const store = Store.open(path.join(h.dir, 'store.json'));
  const serials: Record<string, string> = {};
  const keys: Record<string, string> = {};
  for (const key of store.keys('/node/kubeadm', 'cert/')) {
    const rec = store.get('/node/kubeadm', key) as { spec: { serial: string }; keyPem?: string };
    serials[key] = rec.spec.serial;
    if (rec.keyPem) keys[key] = rec.keyPem;
  }
  return {
    admin: config.users[0].user.token,
    tokenIds: tokens.map((t) => decode(t.data['token-id'])),
    tokenSecrets: tokens.map((t) => decode(t.data['token-secret'])),
    serials,
    keys,
  };
}

/** What the seeded generator names: nodes, pods (kube-system's and the user's) and their UIDs. */
function identities(h: Home): string {
  return h.ok('get', 'nodes,pods,deployments,replicasets', '-A', '-o', 'jsonpath={range .items[*]}{.kind} {.metadata.name} {.metadata.uid}{"\\n"}{end}');
}

function expectNothingShared(x: Credentials, y: Credentials): void {
  expect(x.admin).toMatch(/^[a-z0-9]{32}$/);
  expect(y.admin).not.toBe(x.admin);
  expect(x.tokenIds.length).toBeGreaterThan(0);
  for (const id of [...x.tokenIds, ...y.tokenIds]) expect(id).toMatch(/^[a-z0-9]{6}$/);
  for (const s of [...x.tokenSecrets, ...y.tokenSecrets]) expect(s).toMatch(/^[a-z0-9]{16}$/);
  expect(x.tokenIds.filter((id) => y.tokenIds.includes(id))).toEqual([]);
  expect(x.tokenSecrets.filter((s) => y.tokenSecrets.includes(s))).toEqual([]);
  // The same certificates, none with the other's serial or key.
  expect(Object.keys(y.serials)).toEqual(Object.keys(x.serials));
  expect(Object.keys(x.serials)).toContain('cert/ca');
  const serialsY = new Set(Object.values(y.serials));
  for (const [name, serial] of Object.entries(x.serials)) {
    // kubeadm's range: a positive int64, never zero.
    expect(serial, name).toMatch(/^[0-7][0-9a-f]{15}$/);
    expect(BigInt(`0x${serial}`)).toBeGreaterThan(0n);
    expect(serialsY.has(serial), name).toBe(false);
  }
  expect(new Set(Object.values(x.serials)).size).toBe(Object.keys(x.serials).length);
  expect(x.keys['cert/ca']).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
  const keysY = new Set(Object.values(y.keys));
  for (const [name, key] of Object.entries(x.keys)) expect(keysY.has(key), name).toBe(false);
}

describe('credentials are the home\'s own, names are the seed\'s', () => {
  it('in two default clusters made from the template', () => {
    const a = home();
    const b = home();
    for (const h of [a, b]) h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3');
    expect(identities(a)).toBe(identities(b));
    expect(identities(a)).toContain('Pod web-');
    expectNothingShared(credentials(a), credentials(b));
  });

  it('in two clusters built by kubeadm init and join, and in the tokens they create', () => {
    const a = home();
    const b = home();
    for (const h of [a, b]) {
      h.ok('kubeadm', 'init');
      h.ok('kubeadm', 'join');
      h.ok('kubeadm', 'token', 'create', '--ttl', '2h');
      h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    }
    expect(identities(a)).toBe(identities(b));
    expect(identities(a)).toContain('Node pocket-worker ');
    const x = credentials(a);
    const y = credentials(b);
    expect(x.tokenIds).toHaveLength(2);
    expectNothingShared(x, y);
  });

  it('in the tokens kubeadm token generate prints, one after another', () => {
    const a = home();
    a.ok('kubeadm', 'init');
    const tokens = [a.ok('kubeadm', 'token', 'generate'), a.ok('kubeadm', 'token', 'generate')].map((t) => t.trim());
    for (const t of tokens) expect(t).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(tokens[1].slice(0, 6)).not.toBe(tokens[0].slice(0, 6));
    expect(tokens[1].slice(7)).not.toBe(tokens[0].slice(7));
  });
});
