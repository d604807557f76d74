// The simulated metrics-server: what it has to report at a moment of the cluster clock. It
// scrapes every 15s from its own start; CPU is a rate between two samples, so a node or
// container is reported from its second sample on, or from its first when that came 10s to 15s
// after the container started (metrics-server's storage/pod.go, storage/node.go).
import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../src/api/time';
import type { Node, Pod } from '../../src/api/types';
import type { Client } from '../../src/client/client';
import type { NodeDisk } from '../../src/engine/controller';
import { MetricsServer, usageOf } from '../../src/sim/metrics/server';

const T = Date.parse('2026-11-26T12:00:00Z');
const s = (n: number) => T + n * 1000;

function pod(name: string, node: string, startedAt: number | undefined, annotations: Record<string, string> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', annotations, labels: { app: name } },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: '128Mi' } } }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'nginx:1.27', imageID: '', state: startedAt === undefined ? { waiting: { reason: 'ContainerCreating' } } : { running: { startedAt: rfc3339(startedAt) } } }],
    },
  } as unknown as Pod;
}

const node = (name: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '4', memory: '8Gi' } } }) as unknown as Node;

function world(pods: Pod[], now: number, facts: Record<string, unknown> = {}) {
  const client = { list: () => pods } as unknown as Client;
  const disk = { get: (_area: string, key: string) => facts[key], put: () => undefined, keys: () => [] } as unknown as NodeDisk;
  return new MetricsServer(client, disk, { now: () => now });
}

const server = pod('metrics-server', 'n1', s(0));

describe('the simulated metrics-server', () => {
  it('reports a node from its second scrape on', () => {
    const pods = [server, pod('web', 'n1', s(-300))];
    expect(world(pods, s(14)).nodes([node('n1')], server)).toEqual([]);
    const [m] = world(pods, s(29)).nodes([node('n1')], server);
    // The sample is the last scrape's (12:00:15); the server's own pod counts on its node.
    expect(m).toEqual({ metadata: { name: 'n1', creationTimestamp: '2026-11-26T12:00:29Z' }, timestamp: '2026-11-26T12:00:15Z', window: '15s', usage: { cpu: '500m', memory: '256Mi' } });
  });

  it('reports a container from two samples, or one taken 10s to 15s after it started', () => {
    const at = (started: number, now: number) => world([pod('web', 'n1', started)], now).pods([pod('web', 'n1', started)], server);
    expect(at(s(-300), s(5))).toEqual([]); // one scrape so far
    expect(at(s(-300), s(15))[0].window).toBe('15s');
    expect(at(s(25), s(34))).toEqual([]); // started after the last scrape (12:00:30 is still ahead)
    expect(at(s(25), s(35))).toEqual([]); // sampled 5s after its start
    expect(at(s(20), s(30))[0]).toMatchObject({ timestamp: '2026-11-26T12:00:30Z', window: '10s', containers: [{ name: 'c', usage: { cpu: '250m', memory: '128Mi' } }] });
    expect(at(s(15), s(30))).toEqual([]); // exactly 15s: neither fresh nor sampled before
    expect(at(s(15), s(45))[0].window).toBe('15s');
  });

  it('leaves out what it cannot scrape: a stopped kubelet, a container not running', () => {
    const web = pod('web', 'n2', s(-300));
    const stopped = { n2: { kubeletStoppedAt: s(-10) } };
    expect(world([web], s(30), stopped).nodes([node('n2')], server)).toEqual([]);
    expect(world([web], s(30), stopped).pods([web], server)).toEqual([]);
    expect(world([], s(30)).pods([pod('pending', 'n1', undefined)], server)).toEqual([]);
  });

  it("reports a node's memory as its capacity less memory.available, forced or measured", () => {
    const pods = [pod('web', 'n1', s(-300), { 'pocketkube.io/cpu-usage': '1500m', 'pocketkube.io/memory-usage': '100000000' })];
    expect(world(pods, s(30)).nodes([node('n1')], server)[0].usage).toEqual({ cpu: '1500m', memory: '100000000' });
    expect(world(pods, s(30), { n1: { memoryAvailable: '50Mi' } }).nodes([node('n1')], server)[0].usage).toEqual({ cpu: '1500m', memory: '8142Mi' });
  });

  it('writes usage as metrics-server does: nanocores and bytes, canonical', () => {
    expect(usageOf(1, 1024)).toEqual({ cpu: '1m', memory: '1Ki' });
    expect(usageOf(2000, 1536 * 1024 * 1024)).toEqual({ cpu: '2', memory: '1536Mi' });
    // Below 1024 a binary quantity is written in decimal (CanonicalizeBytes).
    expect(usageOf(0, 1000)).toEqual({ cpu: '0', memory: '1k' });
  });
});
