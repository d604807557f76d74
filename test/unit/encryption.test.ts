// Encryption at rest: each provider's stored layout (checked against node:crypto and tweetnacl
// directly, not against our own sealing), its prefix, a wrong key, rotation and staleness; the
// EncryptionConfiguration's validation and group-resource rules; and the API server's storage
// layer, where plain objects go in and come out and the store holds ciphertext.
import { createCipheriv, randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import type { EncryptionConfiguration, ProviderConfiguration } from '../../src/api/encryption';
import { isStatusError } from '../../src/api/errors';
import { configmap as cmKind } from '../../src/api/kinds/configmap';
import { type Secret, secret as secretKind } from '../../src/api/kinds/secret';
import { namespace as nsKind } from '../../src/api/kinds/namespace';
import { pod as podKind } from '../../src/api/kinds/pod';
import { serviceaccount as saKind } from '../../src/api/kinds/serviceaccount';
import { deployment as deployKind } from '../../src/api/kinds/deployment';
import { EncryptionAtRest, EncryptionConfigError, storedEncryption, withWriter } from '../../src/apiserver/encryption';
import { TransformError } from '../../src/apiserver/encryption/ciphers';
import { decodeConfig } from '../../src/apiserver/encryption/config';
import { ApiServer } from '../../src/apiserver/server';
import { LocalClient } from '../../src/client/client';
import { SimClock } from '../../src/sim/clock';
import { SeededRandom } from '../../src/sim/rand';
import { Store } from '../../src/store/store';

const K1 = Buffer.alloc(32, 1);
const K2 = Buffer.alloc(32, 2);
const CONTEXT = '/registry/secrets/default/db';
const OBJECT = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: 'aHVudGVyMg==' } };
const JSON_TEXT = JSON.stringify(OBJECT);

const keyed = (provider: 'aesgcm' | 'aescbc' | 'secretbox', ...keys: [string, Buffer][]): ProviderConfiguration => ({
  [provider]: { keys: keys.map(([name, k]) => ({ name, secret: k.toString('base64') })) },
});

function config(providers: ProviderConfiguration[], resources = ['secrets']): EncryptionConfiguration {
  return { apiVersion: 'apiserver.config.k8s.io/v1', kind: 'EncryptionConfiguration', resources: [{ resources, providers }] };
}

const transformer = (...providers: ProviderConfiguration[]) => EncryptionAtRest.of(config(providers)).transformerFor(secretKind.type)!;

/** The stored value's bytes after its prefix. */
function payload(stored: unknown, prefix: string): Buffer {
  expect(typeof stored).toBe('string');
  expect((stored as string).startsWith(prefix)).toBe(true);
  return Buffer.from((stored as string).slice(prefix.length), 'base64');
}

describe('each provider', () => {
  it('aesgcm: nonce, ciphertext and tag after k8s:enc:aesgcm:v1:<key>:, the storage key authenticated', () => {
    const t = transformer(keyed('aesgcm', ['key1', K1]));
    const stored = t.toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    expect(stored).not.toContain('aHVudGVyMg');
    const bytes = payload(stored, 'k8s:enc:aesgcm:v1:key1:');
    expect(bytes.length).toBe(12 + JSON_TEXT.length + 16);
    expect(t.fromStorage(stored, CONTEXT)).toEqual({ object: OBJECT, stale: false, by: { provider: 'aesgcm', key: 'key1' } });
    // What Go's cipher.AEAD writes, made here with node:crypto: nonce | ciphertext | tag.
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', K1, nonce).setAAD(Buffer.from(CONTEXT));
    const theirs = `k8s:enc:aesgcm:v1:key1:${Buffer.concat([nonce, c.update(JSON_TEXT), c.final(), c.getAuthTag()]).toString('base64')}`;
    expect(t.fromStorage(theirs, CONTEXT).object).toEqual(OBJECT);
    // Copied under another key, or read with another secret: not authenticated.
    expect(() => t.fromStorage(stored, '/registry/secrets/default/other')).toThrow(new TransformError('cipher: message authentication failed'));
    expect(() => transformer(keyed('aesgcm', ['key1', K2])).fromStorage(stored, CONTEXT)).toThrow(new TransformError('cipher: message authentication failed'));
    expect(() => t.fromStorage('k8s:enc:aesgcm:v1:key1:AAAA', CONTEXT)).toThrow(new TransformError('the stored data was shorter than the required size'));
  });

  it('aesgcm takes 16, 24 and 32 byte keys', () => {
    for (const n of [16, 24, 32]) {
      const t = transformer(keyed('aesgcm', ['k', Buffer.alloc(n, 7)]));
      expect(t.fromStorage(t.toStorage(OBJECT, () => JSON_TEXT, CONTEXT), CONTEXT).object).toEqual(OBJECT);
    }
  });

  it('aescbc: iv and the PKCS#7-padded ciphertext after k8s:enc:aescbc:v1:<key>:', () => {
    const t = transformer(keyed('aescbc', ['key1', K1]));
    const stored = t.toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    const bytes = payload(stored, 'k8s:enc:aescbc:v1:key1:');
    expect(bytes.length).toBe(16 + (Math.floor(JSON_TEXT.length / 16) + 1) * 16);
    expect(t.fromStorage(stored, CONTEXT).object).toEqual(OBJECT);
    // Made with node:crypto and a fixed iv: read back; with another key the padding is wrong.
    const iv = Buffer.alloc(16, 9);
    const c = createCipheriv('aes-256-cbc', K1, iv);
    const theirs = `k8s:enc:aescbc:v1:key1:${Buffer.concat([iv, c.update(JSON_TEXT), c.final()]).toString('base64')}`;
    expect(t.fromStorage(theirs, CONTEXT).object).toEqual(OBJECT);
    expect(() => transformer(keyed('aescbc', ['key1', K2])).fromStorage(theirs, CONTEXT)).toThrow(new TransformError('invalid PKCS7 data (empty or not padded)'));
    // A last block that claims two bytes of padding but is not padded so.
    const bad = createCipheriv('aes-256-cbc', K1, iv).setAutoPadding(false);
    const badText = `k8s:enc:aescbc:v1:key1:${Buffer.concat([iv, bad.update(Buffer.from('0123456789abc\x05\x05\x02')), bad.final()]).toString('base64')}`;
    expect(() => t.fromStorage(badText, CONTEXT)).toThrow(new TransformError('invalid padding on input'));
    expect(() => t.fromStorage(`k8s:enc:aescbc:v1:key1:${Buffer.alloc(20).toString('base64')}`, CONTEXT)).toThrow(
      new TransformError('the stored data is not a multiple of the block size'),
    );
  });

  it('secretbox: a 24 byte nonce and the NaCl box after k8s:enc:secretbox:v1:<key>:', () => {
    const t = transformer(keyed('secretbox', ['key1', K1]));
    const stored = t.toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    const bytes = payload(stored, 'k8s:enc:secretbox:v1:key1:');
    expect(bytes.length).toBe(24 + 16 + JSON_TEXT.length);
    expect(Buffer.from(nacl.secretbox.open(bytes.subarray(24), bytes.subarray(0, 24), new Uint8Array(K1))!).toString()).toBe(JSON_TEXT);
    expect(t.fromStorage(stored, CONTEXT)).toEqual({ object: OBJECT, stale: false, by: { provider: 'secretbox', key: 'key1' } });
    expect(() => transformer(keyed('secretbox', ['key1', K2])).fromStorage(stored, CONTEXT)).toThrow(new TransformError('output array was not large enough for encryption'));
  });

  it('identity: stores the object itself, and refuses encrypted data (the next provider reads it)', () => {
    const t = transformer({ identity: {} });
    expect(t.toStorage(OBJECT, () => JSON_TEXT, CONTEXT)).toBe(OBJECT);
    expect(t.fromStorage(OBJECT, CONTEXT)).toEqual({ object: OBJECT, stale: false, by: { provider: 'identity' } });
    const sealed = transformer(keyed('aesgcm', ['key1', K1])).toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    expect(() => t.fromStorage(sealed, CONTEXT)).toThrow(new TransformError('no matching prefix found'));
    expect(transformer({ identity: {} }, keyed('aesgcm', ['key1', K1])).fromStorage(sealed, CONTEXT)).toEqual({ object: OBJECT, stale: true, by: { provider: 'aesgcm', key: 'key1' } });
  });
});

describe('reading with every listed provider, writing with the first', () => {
  const old = transformer(keyed('aesgcm', ['key1', K1]));
  const rotated = transformer(keyed('aesgcm', ['key2', K2], ['key1', K1]), { identity: {} });

  it('reads what older keys and identity wrote, as stale; writes with the first key', () => {
    const byOld = old.toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    expect(rotated.fromStorage(byOld, CONTEXT)).toEqual({ object: OBJECT, stale: true, by: { provider: 'aesgcm', key: 'key1' } });
    expect(rotated.fromStorage(OBJECT, CONTEXT)).toEqual({ object: OBJECT, stale: true, by: { provider: 'identity' } });
    const byNew = rotated.toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    expect(payload(byNew, 'k8s:enc:aesgcm:v1:key2:').length).toBeGreaterThan(0);
    expect(rotated.fromStorage(byNew, CONTEXT).stale).toBe(false);
    expect([rotated.isStale(byOld), rotated.isStale(OBJECT), rotated.isStale(byNew)]).toEqual([true, true, false]);
    expect(rotated.writer).toEqual({ provider: 'aesgcm', key: 'key2' });
    expect(rotated.readers).toEqual([{ provider: 'aesgcm', key: 'key2' }, { provider: 'aesgcm', key: 'key1' }, { provider: 'identity' }]);
    // The old configuration cannot read what the new key wrote.
    expect(() => old.fromStorage(byNew, CONTEXT)).toThrow(new TransformError('no matching key was found for the provided AES transformer'));
  });

  it('tries a later provider that shares the prefix when the first fails, and says why none could', () => {
    const byOld = old.toStorage(OBJECT, () => JSON_TEXT, CONTEXT);
    // Two aesgcm entries, both with a key named key1: the second holds the right secret.
    const twice = transformer(keyed('aesgcm', ['key1', K2]), keyed('aesgcm', ['key1', K1]));
    expect(twice.fromStorage(byOld, CONTEXT).by).toEqual({ provider: 'aesgcm', key: 'key1' });
    expect(twice.fromStorage(byOld, CONTEXT).stale).toBe(true);
    expect(() => transformer(keyed('aesgcm', ['key1', K2]), keyed('secretbox', ['key1', K1])).fromStorage(byOld, CONTEXT)).toThrow(
      new TransformError('cipher: message authentication failed'),
    );
    expect(() => transformer(keyed('secretbox', ['key1', K1])).fromStorage(byOld, CONTEXT)).toThrow(new TransformError('no matching prefix found'));
  });
});

describe('the EncryptionConfiguration', () => {
  const file = '/home/encryption-config.yaml';

  it('reads YAML and JSON', () => {
    const yaml = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
      - configmaps
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: ${K1.toString('base64')}
      - identity: {}
`;
    const a = EncryptionAtRest.load(yaml, file);
    const b = EncryptionAtRest.load(JSON.stringify(a.config), file);
    for (const e of [a, b]) {
      expect(e.transformerFor(secretKind.type)!.writer).toEqual({ provider: 'aescbc', key: 'key1' });
      expect(e.transformerFor(cmKind.type)!.readers).toEqual([{ provider: 'aescbc', key: 'key1' }, { provider: 'identity' }]);
      expect(e.transformerFor(podKind.type)).toBeUndefined();
    }
  });

  it.each([
    ['', 'encryption provider configuration file "/home/encryption-config.yaml" is empty'],
    ['{"apiVersion":"v1","kind":"Config"}', 'error while parsing file: got "v1, Kind=Config", want an EncryptionConfiguration of apiserver.config.k8s.io/v1'],
    [JSON.stringify({ ...config([]), resources: [] }), 'error while parsing file: resources: Required value: at least one resources is required'],
    [JSON.stringify(config([{ identity: {} }], [])), 'error while parsing file: resources[0].resources: Required value: at least one resources[0].resources is required'],
    [JSON.stringify(config([], ['secrets'])), 'error while parsing file: resources[0].providers: Required value: at least one resources[0].providers is required'],
    [
      JSON.stringify(config([{ aesgcm: { keys: [{ name: 'k', secret: 'c2hvcnQ=' }] } }])),
      'error while parsing file: resources[0].providers[0].aesgcm.keys[0].secret: Invalid value: "REDACTED": secret is not of the expected length, got 5, expected one of [16 24 32]',
    ],
    [
      JSON.stringify(config([{ secretbox: { keys: [{ name: 'k', secret: Buffer.alloc(16).toString('base64') }] } }])),
      'error while parsing file: resources[0].providers[0].secretbox.keys[0].secret: Invalid value: "REDACTED": secret is not of the expected length, got 16, expected one of [32]',
    ],
    [
      JSON.stringify(config([{ aescbc: { keys: [{ name: '', secret: 'not base64!' }] } }])),
      'error while parsing file: [resources[0].providers[0].aescbc.keys[0].name: Required value: name is a mandatory field for a key, resources[0].providers[0].aescbc.keys[0].secret: Invalid value: "REDACTED": secrets must be base64 encoded]',
    ],
    [
      JSON.stringify(config([{ identity: {}, aesgcm: { keys: [] } }])),
      'error while parsing file: resources[0].providers[0]: Invalid value: config.ProviderConfiguration{...}: more than one provider specified in a single element, should split into different list elements',
    ],
    [
      JSON.stringify(config([{ identity: {} }], ['secrets', '*.'])),
      'error while parsing file: resources[0].resources: Invalid value: []string{"secrets", "*."}: using overlapping resources such as \'secrets\' and \'*.\' in the same resource list is not allowed as they will be masked',
    ],
    [JSON.stringify(config([{ identity: {} }], ['Secrets'])), 'error while parsing file: resources[0].resources[0]: Invalid value: "Secrets": resource name should not contain capital letters'],
    [
      JSON.stringify(config([{ identity: {} }], ['*'])),
      "error while parsing file: resources[0].resources[0]: Invalid value: \"*\": use '*.' to encrypt all the resources from core API group or *.* to encrypt all resources",
    ],
    [
      JSON.stringify(config([{ kms: { name: 'k', endpoint: 'unix:///kms.sock' } }])),
      'error while parsing file: resources[0].providers[0].kms: Invalid value: config.KMSConfiguration{...}: pocketkube has no KMS plugin to call: use aesgcm, aescbc or secretbox',
    ],
    [
      JSON.stringify({ ...config([]), resources: [{ resources: ['*.'], providers: [{ identity: {} }] }, { resources: ['secrets'], providers: [{ identity: {} }] }] }),
      'resource "secrets" is masked by earlier rule "*."',
    ],
  ])('refuses %j', (text, message) => {
    expect(() => EncryptionAtRest.load(text, file)).toThrow(new EncryptionConfigError(message));
  });

  it('applies a resource\'s own rule, else its group\'s, else *.*', () => {
    const e = EncryptionAtRest.of({
      ...config([]),
      resources: [
        { resources: ['secrets'], providers: [keyed('aesgcm', ['s', K1])] },
        { resources: ['*.apps'], providers: [keyed('aescbc', ['apps', K1])] },
        { resources: ['*.*'], providers: [{ identity: {} }] },
      ],
    });
    expect(e.transformerFor(secretKind.type)!.writer).toEqual({ provider: 'aesgcm', key: 's' });
    expect(e.transformerFor(deployKind.type)!.writer).toEqual({ provider: 'aescbc', key: 'apps' });
    expect(e.transformerFor(cmKind.type)!.writer).toEqual({ provider: 'identity' });
  });

  it('gets a new writer with a key of its own, keeping every provider that read before', () => {
    let n = 0;
    const key = () => Buffer.alloc(32, ++n);
    const first = withWriter(undefined, 'aesgcm', key);
    expect(first.key).toBe('key1');
    expect(first.config.resources).toEqual([{ resources: ['secrets'], providers: [keyed('aesgcm', ['key1', Buffer.alloc(32, 1)]), { identity: {} }] }]);
    const second = withWriter(first.config, 'secretbox', key);
    expect(second.key).toBe('key2');
    expect(second.config.resources[0].providers).toEqual([keyed('secretbox', ['key2', Buffer.alloc(32, 2)]), ...first.config.resources[0].providers]);
    const clear = withWriter(second.config, 'identity', key);
    expect(clear.key).toBeUndefined();
    expect(clear.config.resources[0].providers).toEqual([{ identity: {} }, ...second.config.resources[0].providers.slice(0, 2)]);
    // Each configuration it makes is one the API server accepts.
    for (const c of [first, second, clear]) expect(() => decodeConfig(JSON.stringify(c.config), 'f')).not.toThrow();
    // A rule that covers secrets already (here the core group's) gets the writer.
    const core = withWriter({ ...config([{ identity: {} }], ['*.']) }, 'aescbc', key);
    expect(core.config.resources).toHaveLength(1);
    expect(core.config.resources[0].providers.map((p) => Object.keys(p)[0])).toEqual(['aescbc', 'identity']);
  });
});

describe('the API server storing encrypted Secrets', () => {
  function api(encryption?: EncryptionAtRest) {
    const store = Store.open(path.join(os.tmpdir(), `pocketkube-unit-${process.pid}-${Math.floor(performance.now() * 1000)}`, 'store.json'));
    const server = new ApiServer(store, SimClock.fixed(Date.parse('2026-11-26T12:00:00Z')), new SeededRandom(), true, encryption);
    const client = new LocalClient(server, { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] });
    client.create(nsKind.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    return { store, server, client };
  }
  const secret = (name: string): Secret => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, stringData: { password: 'hunter2' } });
  const aesgcm1 = EncryptionAtRest.of(config([keyed('aesgcm', ['key1', K1]), { identity: {} }]));

  it('hands out plain objects and stores ciphertext, only for the configured resources', () => {
    const { store, client } = api(aesgcm1);
    const created = client.create<Secret>(secretKind.type, secret('db'));
    expect(created.data).toEqual({ password: Buffer.from('hunter2').toString('base64') });
    const stored = store.get('/registry/secrets', 'default/db');
    expect(typeof stored).toBe('string');
    expect(stored).toMatch(/^k8s:enc:aesgcm:v1:key1:[A-Za-z0-9+/]+=*$/);
    expect(client.get<Secret>(secretKind.type, 'default', 'db')).toEqual(created);
    expect(client.list<Secret>(secretKind.type, 'default')).toEqual([created]);
    client.create(cmKind.type, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: 'b' } });
    expect(store.get('/registry/configmaps', 'default/c')).toMatchObject({ data: { a: 'b' } });
    expect(storedEncryption(store, aesgcm1)).toEqual([{ resource: 'secrets', key: 'default/db', provider: 'aesgcm', keyName: 'key1', current: true }]);
  });

  it('rewrites a stale value on an update that changes nothing, and suppresses it otherwise', () => {
    const { store, server, client } = api();
    client.create<Secret>(secretKind.type, secret('db'));
    expect(store.get('/registry/secrets', 'default/db')).toMatchObject({ kind: 'Secret' });
    server.setEncryption(aesgcm1);
    expect(storedEncryption(store, aesgcm1)).toEqual([{ resource: 'secrets', key: 'default/db', provider: 'identity', current: false }]);
    const before = server.writeCount;
    const updated = client.update<Secret>(secretKind.type, client.get<Secret>(secretKind.type, 'default', 'db'));
    expect(server.writeCount).toBe(before + 1);
    expect(storedEncryption(store, aesgcm1)[0]).toMatchObject({ provider: 'aesgcm', keyName: 'key1', current: true });
    client.update<Secret>(secretKind.type, updated);
    expect(server.writeCount).toBe(before + 1);
    // Rotated: key2 writes, key1 still reads.
    const rotated = EncryptionAtRest.of(config([keyed('aesgcm', ['key2', K2], ['key1', K1])]));
    server.setEncryption(rotated);
    expect(client.get<Secret>(secretKind.type, 'default', 'db').data).toEqual(updated.data);
    client.update<Secret>(secretKind.type, client.get<Secret>(secretKind.type, 'default', 'db'));
    expect(storedEncryption(store, rotated, { decrypt: true })).toEqual([{ resource: 'secrets', key: 'default/db', provider: 'aesgcm', keyName: 'key2', current: true }]);
  });

  it('answers an InternalError for a value no configured key reads, naming its storage key', () => {
    const { server, client } = api(aesgcm1);
    client.create<Secret>(secretKind.type, secret('db'));
    server.setEncryption(EncryptionAtRest.of(config([keyed('aesgcm', ['key1', K2])])));
    for (const read of [() => client.get(secretKind.type, 'default', 'db'), () => client.list(secretKind.type)]) {
      try {
        read();
        expect.unreachable();
      } catch (e) {
        expect(isStatusError(e, 'InternalError')).toBe(true);
        expect((e as Error).message).toBe('Internal error occurred: unable to transform key "/registry/secrets/default/db": cipher: message authentication failed');
      }
    }
    server.setEncryption(undefined);
    expect(() => client.get(secretKind.type, 'default', 'db')).toThrow(
      'Internal error occurred: unable to transform key "/registry/secrets/default/db": identity transformer tried to read encrypted data',
    );
  });

  it('keeps no cache view of an encrypted kind in the clear, and makes it from the decrypted objects', () => {
    const all = EncryptionAtRest.of(config([keyed('secretbox', ['k', K1])], ['*.']));
    const { store, server, client } = api(all);
    client.create(saKind.type, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
    client.create(podKind.type, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(store.get('/registry/pods', 'default/p')).toMatch(/^k8s:enc:secretbox:v1:k:/);
    const views: [string, unknown][] = [];
    server.views({ name: 'admin', groups: ['system:masters'] }, podKind.type, (k, v) => views.push([k, v]));
    expect(views).toHaveLength(1);
    expect(views[0][0]).toBe('default/p');
    expect(JSON.stringify(views[0][1])).toContain('web');
  });

  it('reports what a check finds: how each Secret is stored, and whether it reads back', () => {
    const { store, server, client } = api();
    client.create<Secret>(secretKind.type, secret('plain'));
    server.setEncryption(aesgcm1);
    client.create<Secret>(secretKind.type, secret('sealed'));
    const other = EncryptionAtRest.of(config([keyed('aesgcm', ['key2', K2])]));
    expect(storedEncryption(store, other, { decrypt: true })).toEqual([
      { resource: 'secrets', key: 'default/plain', provider: 'identity', current: false, error: 'no matching prefix found' },
      { resource: 'secrets', key: 'default/sealed', provider: 'aesgcm', keyName: 'key1', current: false, error: 'no matching key was found for the provided AES transformer' },
    ]);
    expect(storedEncryption(store, undefined, { decrypt: true }).map((s) => [s.key, s.current, s.error])).toEqual([
      ['default/plain', true, undefined],
      ['default/sealed', false, 'identity transformer tried to read encrypted data'],
    ]);
  });
});
