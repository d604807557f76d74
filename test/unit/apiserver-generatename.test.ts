// Creating with generateName as kube-apiserver v1.32 does (RetryGenerateName, GA): a generated
// name that is already taken is generated again, up to eight attempts, before the create fails.
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Random } from '../../src/api/random';
import type { ConfigMap } from '../../src/api/types';
import { ApiServer } from '../../src/apiserver/server';
import { LocalClient } from '../../src/client/client';
import { configmap as configMap } from '../../src/api/kinds/configmap';
import { namespace as namespaceKind } from '../../src/api/kinds/namespace';
import { SimClock } from '../../src/sim/clock';
import { SeededRandom } from '../../src/sim/rand';
import { Store } from '../../src/store/store';

/** The seeded generator, except that name suffixes come from `suffixes` in turn. */
function scripted(suffixes: string[]): Random {
  const seeded = new SeededRandom();
  return {
    string: (n, alphabet) => suffixes.shift() ?? seeded.string(n, alphabet),
    uuid: () => seeded.uuid(),
    int: (n) => seeded.int(n),
    secret: (n, alphabet) => seeded.secret(n, alphabet),
  };
}

function client(random: Random): LocalClient {
  const store = Store.open(path.join(os.tmpdir(), `pocketkube-unit-${process.pid}-${Math.floor(performance.now() * 1000)}`, 'store.json'));
  const c = new LocalClient(new ApiServer(store, SimClock.fixed(Date.parse('2026-01-01T00:00:00Z')), random), { name: 'admin', groups: ['system:masters'] });
  c.create(namespaceKind.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return c;
}

const cm = (): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-', namespace: 'default' } });

describe('generateName', () => {
  it('generates another name when the first is taken', () => {
    const c = client(scripted(['aaaaa', 'aaaaa', 'aaaaa', 'bbbbb']));
    expect(c.create<ConfigMap>(configMap.type, cm()).metadata.name).toBe('web-aaaaa');
    expect(c.create<ConfigMap>(configMap.type, cm()).metadata.name).toBe('web-bbbbb');
  });

  it('fails after eight names that are all taken, as the API server words it', () => {
    const c = client(scripted(['aaaaa', ...Array(8).fill('aaaaa')]));
    c.create(configMap.type, cm());
    expect(() => c.create(configMap.type, cm())).toThrow('configmaps "web-aaaaa" already exists, the server was not able to generate a unique name for the object');
  });

  it('still refuses a name given outright that is taken', () => {
    const c = client(new SeededRandom());
    const named = (): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'default' } });
    c.create(configMap.type, named());
    expect(() => c.create(configMap.type, named())).toThrow('configmaps "web" already exists');
  });
});
