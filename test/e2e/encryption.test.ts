// Encryption at rest end to end: `pocketkube store encrypt` writes the home's
// EncryptionConfiguration and rewrites the Secrets; from then on no file under the home's store
// holds a Secret's data in the clear (neither the value nor its base64, nor apply's last-applied
// copy), while kubectl reads them as always. Rotation, decryption, a configuration present before
// the first command, and a broken one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedEncryption } from '../../src/apiserver/encryption';
import { Store } from '../../src/store/store';
import { Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

const VALUE = 'correct-horse-battery-staple';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const SECRET = (name: string, value: string) => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
stringData:
  password: ${value}
`;

/** Whether any file of the home's store (manifest, collections, journal) holds `text`. */
function inStore(h: Home, text: string): boolean {
  return h.storeBytes().includes(Buffer.from(text));
}

/** How each Secret is stored, as a store check reads it. */
function stored(h: Home): string[] {
  return storedEncryption(Store.open(path.join(h.dir, 'store.json'))).map((s) => `${s.key} ${s.provider}${s.keyName ? `:${s.keyName}` : ''}`);
}

describe('pocketkube store encrypt', () => {
  it('encrypts the Secrets at rest, which kubectl reads as before', () => {
    const h = home();
    h.ok('apply', '-f', h.file('db.yaml', SECRET('db', VALUE)));
    expect(inStore(h, VALUE)).toBe(true);
    expect(inStore(h, b64(VALUE))).toBe(true);

    const r = h.run(['store', 'encrypt', '--provider', 'aesgcm']);
    expect(r).toEqual({ code: 0, stderr: '', stdout: `${path.join(h.dir, 'encryption-config.yaml')} written\nsecrets: 2 rewritten with aesgcm (key key1); also read with identity\n` });
    const file = path.join(h.dir, 'encryption-config.yaml');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(config).toMatchObject({ apiVersion: 'apiserver.config.k8s.io/v1', kind: 'EncryptionConfiguration', resources: [{ resources: ['secrets'], providers: [{ aesgcm: { keys: [{ name: 'key1' }] } }, { identity: {} }] }] });
    expect(Buffer.from(config.resources[0].providers[0].aesgcm.keys[0].secret, 'base64')).toHaveLength(32);

    for (const text of [VALUE, b64(VALUE)]) expect(inStore(h, text)).toBe(false);
    expect(stored(h)).toEqual(['default/db aesgcm:key1', expect.stringMatching(/^kube-system\/bootstrap-token-[a-z0-9]{6} aesgcm:key1$/)]);
    const yaml = h.ok('get', 'secret', 'db', '-o', 'yaml');
    expect(yaml).toContain(`data:\n  password: ${b64(VALUE)}\n`);
    expect(yaml).toContain(`"stringData":{"password":"${VALUE}"}`);
    expect(h.ok('get', 'secret', 'db', '-o', 'jsonpath={.data.password}')).toBe(b64(VALUE));
    expect(h.ok('get', 'secrets')).toMatch(/^NAME   TYPE     DATA   AGE\ndb     Opaque   1      \d+s\n$/);

    // Written after: encrypted in the journal as in the files.
    const later = 'tr0ub4dor-and-3';
    h.ok('create', '-f', h.file('later.yaml', SECRET('later', later)));
    for (const text of [later, b64(later)]) expect(inStore(h, text)).toBe(false);
    expect(h.ok('get', 'secret', 'later', '-o', 'jsonpath={.data.password}')).toBe(b64(later));
    // Other resources stay as they were.
    h.ok('create', 'configmap', 'plain', '--from-literal=k=visible-value');
    expect(inStore(h, 'visible-value')).toBe(true);
  });

  it('rotates to a new key, reading the old one meanwhile, and back to the clear', () => {
    const h = home();
    h.ok('create', '-f', h.file('db.yaml', SECRET('db', VALUE)));
    h.ok('store', 'encrypt', '--provider', 'aescbc');
    expect(h.ok('store', 'encrypt', '--provider', 'secretbox')).toBe(
      `${path.join(h.dir, 'encryption-config.yaml')} written\nsecrets: 2 rewritten with secretbox (key key2); also read with aescbc (key key1), identity\n`,
    );
    expect(stored(h).map((s) => s.split(' ')[1])).toEqual(['secretbox:key2', 'secretbox:key2']);
    expect(inStore(h, b64(VALUE))).toBe(false);
    expect(h.ok('get', 'secret', 'db', '-o', 'jsonpath={.data.password}')).toBe(b64(VALUE));

    // A Secret still under the older key (as after a rotation cut short) reads, and is rewritten next time.
    const config = JSON.parse(fs.readFileSync(path.join(h.dir, 'encryption-config.yaml'), 'utf8'));
    const [newest, ...older] = config.resources[0].providers;
    fs.writeFileSync(path.join(h.dir, 'encryption-config.yaml'), JSON.stringify({ ...config, resources: [{ ...config.resources[0], providers: [...older, newest] }] }));
    h.ok('create', '-f', h.file('mid.yaml', SECRET('mid', 'under-the-old-key')));
    fs.writeFileSync(path.join(h.dir, 'encryption-config.yaml'), JSON.stringify(config));
    expect(stored(h)).toContain('default/mid aescbc:key1');
    expect(h.ok('get', 'secret', 'mid', '-o', 'jsonpath={.data.password}')).toBe(b64('under-the-old-key'));
    expect(h.ok('store', 'encrypt')).toBe('secrets: 1 rewritten with secretbox (key key2); also read with aescbc (key key1), identity\n');
    expect(stored(h)).toContain('default/mid secretbox:key2');

    expect(h.ok('store', 'encrypt', '--provider', 'identity')).toBe(
      `${path.join(h.dir, 'encryption-config.yaml')} written\nsecrets: 3 rewritten with identity (in the clear); also read with secretbox (key key2), aescbc (key key1)\n`,
    );
    expect(inStore(h, b64(VALUE))).toBe(true);
    expect(stored(h).every((s) => s.endsWith(' identity'))).toBe(true);
  });

  it('keeps a new cluster\'s Secrets encrypted from the start when the home is configured first', () => {
    const h = home();
    fs.mkdirSync(h.dir, { recursive: true });
    const key = Buffer.alloc(32, 7).toString('base64');
    fs.writeFileSync(
      path.join(h.dir, 'encryption-config.yaml'),
      `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - aesgcm:
          keys:
            - name: first
              secret: ${key}
`,
    );
    const data = JSON.parse(h.ok('get', 'secrets', '-n', 'kube-system', '-o', 'jsonpath={.items[0].data}'));
    const [id, secret] = [data['token-id'], data['token-secret']].map((v: string) => Buffer.from(v, 'base64').toString());
    expect(`${id}.${secret}`).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    for (const text of [secret, b64(secret)]) expect(inStore(h, text)).toBe(false);
    expect(stored(h)).toEqual([`kube-system/bootstrap-token-${id} aesgcm:first`]);
  });

  it('refuses to run with a configuration kube-apiserver would refuse, and to rewrite without one', () => {
    const h = home();
    expect(h.run(['store', 'encrypt'])).toEqual({ code: 1, stdout: '', stderr: `error: there is no encryption provider config ${path.join(h.dir, 'encryption-config.yaml')}: --provider makes one\n` });
    expect(h.run(['store', 'encrypt', '--provider', 'rot13'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: invalid argument "rot13" for "--provider" flag: must be one of aesgcm, aescbc, secretbox, identity\n',
    });
    const file = path.join(h.dir, 'encryption-config.yaml');
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'apiserver.config.k8s.io/v1', kind: 'EncryptionConfiguration', resources: [{ resources: ['secrets'], providers: [{ aesgcm: { keys: [{ name: 'k', secret: 'c2hvcnQ=' }] } }] }] }));
    expect(h.run(['get', 'pods'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: the encryption provider config ${file}: error while parsing file: resources[0].providers[0].aesgcm.keys[0].secret: Invalid value: "REDACTED": secret is not of the expected length, got 5, expected one of [16 24 32]\n`,
    });
  });
});
