// The simulated kubelet's image pulls: a missing image fails with ErrImagePull, then waits out a
// back-off (10s doubling to 5m) showing ImagePullBackOff, with the kubelet's events.
import { describe, expect, it } from 'vitest';
import { event } from '../../src/api/kinds/event';
import { pod } from '../../src/api/kinds/pod';
import type { Event, Pod } from '../../src/api/types';
import { T0, newWorld, type World } from '../helpers/world';

function createPod(w: World, name: string, image: string): void {
  w.client.create<Pod>(pod.type, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image }] },
  } as Pod);
}

function waiting(w: World, name: string): string | undefined {
  return w.client.get<Pod>(pod.type, 'default', name).status?.containerStatuses?.[0]?.state?.waiting?.reason;
}

function count(w: World, reason: string): number {
  return w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.name === 'bad' && e.reason === reason)
    .reduce((n, e) => n + (e.count ?? 1), 0);
}

function podEvents(w: World, name: string): string[] {
  return w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.name === name && e.source?.component === 'kubelet')
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message} (x${e.count ?? 1})`);
}

describe('image pulls', () => {
  it('runs a pod whose image exists', () => {
    const w = newWorld();
    createPod(w, 'ok', 'nginx:1.25');
    w.engine.converge();
    const p = w.client.get<Pod>(pod.type, 'default', 'ok');
    expect(p.status?.phase).toBe('Running');
    expect(podEvents(w, 'ok')[0]).toBe('Pulling: Pulling image "nginx:1.25" (x1)');
  });

  it('fails a missing tag with ErrImagePull, then backs off between the pod\'s syncs', () => {
    const w = newWorld();
    createPod(w, 'bad', 'nginx:1.91');
    w.engine.converge();
    expect(w.client.get<Pod>(pod.type, 'default', 'bad').status?.phase).toBe('Pending');
    expect(waiting(w, 'bad')).toBe('ErrImagePull');
    expect(podEvents(w, 'bad').slice(-3)).toEqual([
      'Pulling: Pulling image "nginx:1.91" (x1)',
      expect.stringMatching(/^Failed: Failed to pull image "nginx:1\.91": .*not found.* \(x1\)$/),
      'Failed: Error: ErrImagePull (x1)',
    ]);
    // The relist a second later finds the pull in back-off.
    w.engine.advanceTo(T0 + 2_000);
    expect(waiting(w, 'bad')).toBe('ImagePullBackOff');
    expect(podEvents(w, 'bad').slice(-2)).toEqual(['BackOff: Back-off pulling image "nginx:1.91" (x1)', 'Failed: Error: ImagePullBackOff (x1)']);
    // The next pull waits for the periodic resync (one minute, plus up to half of it).
    w.engine.advanceTo(T0 + 59_000);
    expect(count(w, 'Pulling')).toBe(1);
    w.engine.advanceTo(T0 + 92_000);
    expect(count(w, 'Pulling')).toBe(2);
    // Later syncs inside a longer back-off report it again without pulling.
    w.engine.advanceTo(T0 + 11 * 60_000);
    expect(count(w, 'Pulling')).toBeGreaterThanOrEqual(5);
    expect(count(w, 'Pulling')).toBeLessThanOrEqual(7);
    expect(count(w, 'BackOff')).toBeGreaterThan(count(w, 'Pulling'));
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(waiting(w, 'bad'));
  });

  it('forgets a deleted pod\'s back-off and schedule', () => {
    const w = newWorld();
    createPod(w, 'bad', 'nginx:1.91');
    w.engine.converge();
    const uid = w.client.get<Pod>(pod.type, 'default', 'bad').metadata.uid!;
    w.client.delete(pod.type, 'default', 'bad', { gracePeriodSeconds: 0 });
    w.engine.converge();
    expect(Object.keys(w.engine.memorySnapshot()).filter((k) => k.startsWith('kubelet/') && k.includes(uid))).toEqual([]);
  });

  it('stops recording a pod\'s events beyond 25, then lets one through every five minutes', () => {
    const w = newWorld();
    createPod(w, 'bad', 'nginx:1.91');
    w.engine.converge();
    w.engine.advanceTo(T0 + 3 * 3600_000);
    const byType = (type: string) =>
      w.client
        .list<Event>(event.type, 'default')
        .filter((e) => e.involvedObject.name === 'bad' && e.type === type)
        .reduce((n, e) => n + (e.count ?? 1), 0);
    // Unfiltered, three hours of back-off would record over a hundred of each.
    expect(byType('Warning')).toBeLessThanOrEqual(25 + 36);
    expect(byType('Warning')).toBeGreaterThan(25);
    expect(byType('Normal')).toBeLessThanOrEqual(25 + 36);
  });
});
