// What kubeadm works with on the simulated machines: the API (as the admin), cluster time, the
// seeded generator, the event sequence and the control plane's disk.
import type { Random } from '../../../api/random';
import type { Clock } from '../../../api/time';
import type { Client } from '../../../client/client';
import type { EventSequence } from '../../../client/events';
import type { NodeDisk } from '../../../engine/controller';
import { ControlPlaneFiles } from './files';

export interface KubeadmEnv {
  client: Client;
  clock: Clock;
  random: Random;
  events: EventSequence;
  disk: NodeDisk;
}

export function filesOf(env: KubeadmEnv): ControlPlaneFiles {
  return new ControlPlaneFiles(env.disk, env.random);
}

/** A disk kept in memory, for a cluster built without a store (unit tests). */
export function memoryDisk(): NodeDisk {
  const areas = new Map<string, Map<string, unknown>>();
  const area = (a: string) => areas.get(a) ?? areas.set(a, new Map()).get(a)!;
  return {
    get: <T>(a: string, k: string) => area(a).get(k) as T | undefined,
    put: (a, k, v) => void (v === undefined ? area(a).delete(k) : area(a).set(k, v)),
    keys: (a, prefix = '') => [...area(a).keys()].filter((k) => k.startsWith(prefix)).sort(),
  };
}
