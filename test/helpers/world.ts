// An in-process cluster for unit tests: a store that is never saved, a fixed clock, the seeded
// generator, the API server, an admin client and the controller manager.
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiServer } from '../../src/apiserver/server';
import { LocalClient, type Client } from '../../src/client/client';
import { EventSequence } from '../../src/client/events';
import { controllerBindings } from '../../src/engine/controllers';
import { Engine } from '../../src/engine/engine';
import { SimClock } from '../../src/sim/clock';
import { bootstrapCluster } from '../../src/sim/cluster/bootstrap';
import { SeededRandom } from '../../src/sim/rand';
import { StoreAreas } from '../../src/store/areas';
import { Store } from '../../src/store/store';
import { StatusError } from '../../src/api/errors';

export const T0 = Date.parse('2026-11-26T12:00:00Z');

export interface World {
  store: Store;
  clock: SimClock;
  random: SeededRandom;
  server: ApiServer;
  client: Client;
  engine: Engine;
}

/** A store that is never saved, the fixed clock, the seeded generator, the API server and an admin client. */
export function newApi(): Pick<World, 'store' | 'clock' | 'random' | 'server' | 'client'> {
  const store = Store.open(path.join(os.tmpdir(), `pocketkube-unit-${process.pid}-${Math.floor(performance.now() * 1000)}`, 'store.json'));
  const clock = SimClock.fixed(T0);
  const random = new SeededRandom();
  const server = new ApiServer(store, clock, random);
  const client = new LocalClient(server, { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] });
  return { store, clock, random, server, client };
}

export function newWorld(opts: { bootstrap?: boolean } = {}): World {
  const { store, clock, random, server, client } = newApi();
  const events = new EventSequence();
  let ca = '';
  if (opts.bootstrap !== false) ca = bootstrapCluster(client, clock, random, events).ca.certPem;
  const engine = new Engine(controllerBindings(client, clock, events, () => ca), { clock, random, writes: server, disk: new StoreAreas(store) });
  if (opts.bootstrap !== false) engine.converge();
  return { store, clock, random, server, client, engine };
}

/** The StatusError `fn` throws (anything else thrown is passed on; nothing thrown fails the test). */
export function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}
