// Bootstrap tokens: their format, the Secret kubeadm stores, the detached JWS of cluster-info, the
// Secret kind's write rules, and the token cleaner and bootstrap signer over cluster time.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  detachedSignature,
  generateToken,
  isTokenID,
  parseToken,
  signatureIsValid,
  tokenFromSecret,
  tokenSecret,
} from '../../src/api/bootstraptoken';
import { isStatusError } from '../../src/api/errors';
import { type Secret, secret as secretKind } from '../../src/api/kinds/secret';
import { configmap as cmKind } from '../../src/api/kinds/configmap';
import type { ConfigMap } from '../../src/api/types';
import { SeededRandom } from '../../src/sim/rand';
import { T0, newWorld } from '../helpers/world';

describe('bootstrap token format', () => {
  it.each([
    ['abcdef.0123456789abcdef', { id: 'abcdef', secret: '0123456789abcdef' }],
    ['a1b2c3.zzzzzzzzzzzzzzzz', { id: 'a1b2c3', secret: 'zzzzzzzzzzzzzzzz' }],
    ['ABCDEF.0123456789abcdef', undefined],
    ['abcde.0123456789abcdef', undefined],
    ['abcdef.0123456789abcde', undefined],
    ['abcdef:0123456789abcdef', undefined],
    ['abcdef.0123456789abcdef\n', undefined],
  ])('%j parses as %j', (text, want) => {
    expect(parseToken(text)).toEqual(want);
  });

  it('tells a token id from anything else', () => {
    expect(isTokenID('abc123')).toBe(true);
    expect(isTokenID('abc12')).toBe(false);
    expect(isTokenID('abc123.0123456789abcdef')).toBe(false);
  });

  it('generates tokens of the form [a-z0-9]{6}.[a-z0-9]{16} from the seeded generator', () => {
    const a = new SeededRandom();
    const b = new SeededRandom();
    const tokens = Array.from({ length: 20 }, () => generateToken(a));
    for (const t of tokens) expect(t).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(new Set(tokens).size).toBe(20);
    expect(generateToken(b)).toBe(tokens[0]);
  });

  it('draws both the id and the secret from the source of secrets, moving the seeded generator on as if seeded', () => {
    const fresh = (n: number, alphabet: string) => alphabet[alphabet.length - 1].repeat(n);
    const a = new SeededRandom(undefined, fresh);
    const b = new SeededRandom();
    expect(generateToken(a)).toBe('zzzzzz.zzzzzzzzzzzzzzzz');
    generateToken(b);
    // What is named after the token is named alike with or without a source of secrets.
    expect(a.string(5)).toBe(b.string(5));
    expect(a.uuid()).toBe(b.uuid());
  });
});

describe('the token Secret', () => {
  const token = { id: 'abcdef', secret: '0123456789abcdef', description: 'd', expires: T0, usages: ['authentication', 'signing'], groups: ['system:bootstrappers:x'] };

  it('holds what kubeadm writes, base64-encoded, and reads back', () => {
    const s = tokenSecret(token);
    expect(s.metadata).toEqual({ name: 'bootstrap-token-abcdef', namespace: 'kube-system' });
    expect(s.type).toBe('bootstrap.kubernetes.io/token');
    const text = Object.fromEntries(Object.entries(s.data!).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
    expect(text).toEqual({
      'auth-extra-groups': 'system:bootstrappers:x',
      description: 'd',
      expiration: '2026-11-26T12:00:00Z',
      'token-id': 'abcdef',
      'token-secret': '0123456789abcdef',
      'usage-bootstrap-authentication': 'true',
      'usage-bootstrap-signing': 'true',
    });
    expect(tokenFromSecret(s)).toEqual(token);
  });

  it('reports a Secret named for another token', () => {
    const s = { ...tokenSecret(token), metadata: { name: 'bootstrap-token-xyz', namespace: 'kube-system' } };
    expect(tokenFromSecret(s)).toBe(`bootstrap token name is not of the form 'bootstrap-token-(token-id)'. Actual: "bootstrap-token-xyz". Expected: "bootstrap-token-abcdef"`);
  });
});

describe('the detached JWS of cluster-info', () => {
  const b64url = (b: Buffer) => b.toString('base64url');

  it('is an HS256 compact JWS keyed by the token secret, without its payload', () => {
    const sig = detachedSignature('content', 'abcdef', '0123456789abcdef');
    const [header, payload, mac] = sig.split('.');
    expect(payload).toBe('');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', kid: 'abcdef' });
    const expected = b64url(createHmac('sha256', '0123456789abcdef').update(`${header}.${b64url(Buffer.from('content'))}`).digest());
    expect(mac).toBe(expected);
  });

  it('verifies only with the same content, id and secret', () => {
    const sig = detachedSignature('content', 'abcdef', '0123456789abcdef');
    expect(signatureIsValid(sig, 'content', 'abcdef', '0123456789abcdef')).toBe(true);
    expect(signatureIsValid(sig, 'content2', 'abcdef', '0123456789abcdef')).toBe(false);
    expect(signatureIsValid(sig, 'content', 'abcdef', 'aaaaaaaaaaaaaaaa')).toBe(false);
  });
});

describe('Secrets through the API server', () => {
  it('folds stringData into data, defaults the type to Opaque, and keeps the type immutable', () => {
    const { client } = newWorld();
    const created = client.create<Secret>(secretKind.type, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'default' },
      data: { a: Buffer.from('x').toString('base64') },
      stringData: { b: 'hello' },
    });
    expect(created.data).toEqual({ a: 'eA==', b: 'aGVsbG8=' });
    expect(created.stringData).toBeUndefined();
    expect(created.type).toBe('Opaque');
    try {
      client.update<Secret>(secretKind.type, { ...created, type: 'kubernetes.io/tls' });
      expect.unreachable();
    } catch (e) {
      expect(isStatusError(e, 'Invalid')).toBe(true);
      expect((e as Error).message).toContain('type: Invalid value: "kubernetes.io/tls": field is immutable');
    }
  });

  it("requires the keys of a TLS Secret and checks data keys as ValidateSecret does", () => {
    const { client } = newWorld();
    try {
      client.create<Secret>(secretKind.type, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'default' }, type: 'kubernetes.io/tls', stringData: { 'bad key': 'x' } });
      expect.unreachable();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters');
      expect(msg).toContain('data[tls.crt]: Required value');
      expect(msg).toContain('data[tls.key]: Required value');
    }
  });
});

describe('token cleaner and bootstrap signer', () => {
  const HOUR = 3600 * 1000;

  it('sign cluster-info for each token, and drop both when the token expires', () => {
    const w = newWorld();
    const tokens = () => w.client.list<Secret>(secretKind.type, 'kube-system').map((s) => s.metadata.name);
    const jwsKeys = () => Object.keys(w.client.get<ConfigMap>(cmKind.type, 'kube-public', 'cluster-info').data ?? {}).filter((k) => k.startsWith('jws-'));
    const initToken = tokens()[0]!;
    expect(initToken).toMatch(/^bootstrap-token-[a-z0-9]{6}$/);
    const id = initToken.slice('bootstrap-token-'.length);
    expect(jwsKeys()).toEqual([`jws-kubeconfig-${id}`]);

    w.client.create(secretKind.type, tokenSecret({ id: 'abcdef', secret: '0123456789abcdef', expires: T0 + 2 * HOUR, usages: ['signing'], groups: [] }));
    w.client.create(secretKind.type, tokenSecret({ id: 'nosign', secret: '0123456789abcdef', usages: ['authentication'], groups: [] }));
    w.engine.converge();
    expect(jwsKeys().sort()).toEqual(['jws-kubeconfig-abcdef', `jws-kubeconfig-${id}`]);
    const cm = w.client.get<ConfigMap>(cmKind.type, 'kube-public', 'cluster-info');
    expect(signatureIsValid(cm.data!['jws-kubeconfig-abcdef'], cm.data!.kubeconfig, 'abcdef', '0123456789abcdef')).toBe(true);

    w.engine.advanceTo(T0 + 2 * HOUR);
    expect(tokens().sort()).toEqual(['bootstrap-token-nosign', initToken].sort());
    expect(jwsKeys()).toEqual([`jws-kubeconfig-${id}`]);

    w.engine.advanceTo(T0 + 24 * HOUR);
    expect(tokens()).toEqual(['bootstrap-token-nosign']);
    expect(jwsKeys()).toEqual([]);
  });
});
