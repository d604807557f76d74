// The StatefulSet controller through the engine: ordinals and identity, OrderedReady one pod at
// a time behind readiness, scale-down from the highest ordinal, Parallel, ordinals.start,
// minReadySeconds, claims per ordinal kept or deleted per the retention policy, partitioned and
// OnDelete updates with the revisions in status; the kinds' defaults and validation.
import { describe, expect, it } from 'vitest';
import { event } from '../../src/api/kinds/event';
import { persistentvolumeclaim as pvcKind } from '../../src/api/kinds/persistentvolumeclaim';
import { pod as podKind } from '../../src/api/kinds/pod';
import { statefulset as stsKind } from '../../src/api/kinds/statefulset';
import type { Event, PersistentVolumeClaim, Pod, StatefulSet } from '../../src/api/types';
import { newWorld, statusOf, type World } from '../helpers/world';

function createSet(w: World, spec: Partial<StatefulSet['spec']> & Record<string, unknown> = {}, readyAfter?: number): StatefulSet {
  const container: Record<string, unknown> = { name: 'nginx', image: 'nginx:1.27' };
  if (readyAfter !== undefined) container.readinessProbe = { exec: { command: ['true'] }, initialDelaySeconds: readyAfter, periodSeconds: 1 };
  return w.client.create<StatefulSet>(stsKind.type, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [container] } },
      ...spec,
    },
  } as unknown as StatefulSet);
}

const pods = (w: World) =>
  w.client
    .list<Pod>(podKind.type, 'default')
    .filter((p) => p.metadata.labels?.app === 'nginx' && !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();
const getSet = (w: World) => w.client.get<StatefulSet>(stsKind.type, 'default', 'web');
const stsEvents = (w: World) =>
  w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.kind === 'StatefulSet')
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => e.message);
const claimTemplate = { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };

describe('the StatefulSet controller', () => {
  it('makes web-0..2 one at a time, each once the one before is ready, with their identity', () => {
    const w = newWorld();
    createSet(w, {}, 10);
    w.engine.converge();
    expect(pods(w)).toEqual(['web-0']);
    w.engine.advanceTo(w.clock.now() + 11_000);
    expect(pods(w)).toEqual(['web-0', 'web-1']);
    w.engine.advanceTo(w.clock.now() + 30_000);
    expect(pods(w)).toEqual(['web-0', 'web-1', 'web-2']);
    const p = w.client.get<Pod>(podKind.type, 'default', 'web-1');
    expect(p.spec.hostname).toBe('web-1');
    expect(p.spec.subdomain).toBe('nginx');
    const revision = getSet(w).status?.updateRevision;
    expect(p.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': revision });
    expect(getSet(w).status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: 3,
    });
    expect(revision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(stsEvents(w)).toEqual(['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful', 'create Pod web-2 in StatefulSet web successful']);
  });

  it('scales down from the highest ordinal, one at a time', () => {
    const w = newWorld();
    createSet(w, { replicas: 4 });
    w.engine.converge();
    w.client.patch(stsKind.type, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    w.engine.advanceTo(w.clock.now() + 120_000);
    expect(pods(w)).toEqual(['web-0']);
    expect(stsEvents(w).filter((m) => m?.startsWith('delete'))).toEqual([
      'delete Pod web-3 in StatefulSet web successful',
      'delete Pod web-2 in StatefulSet web successful',
      'delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('with Parallel makes every pod at once, and starts at ordinals.start', () => {
    const w = newWorld();
    createSet(w, { podManagementPolicy: 'Parallel', ordinals: { start: 5 } }, 10);
    w.engine.converge();
    expect(pods(w)).toEqual(['web-5', 'web-6', 'web-7']);
  });

  it('counts a pod available only after minReadySeconds, and waits for it before the next', () => {
    const w = newWorld();
    createSet(w, { replicas: 2, minReadySeconds: 30 });
    w.engine.converge();
    expect(pods(w)).toEqual(['web-0']);
    expect(getSet(w).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    w.engine.advanceTo(w.clock.now() + 31_000);
    expect(pods(w)).toEqual(['web-0', 'web-1']);
  });

  it('makes each ordinal\'s claims before its pod and keeps them when the set goes', () => {
    const w = newWorld();
    createSet(w, { replicas: 2, volumeClaimTemplates: [claimTemplate] } as never);
    w.engine.converge();
    const claim = w.client.get<PersistentVolumeClaim>(pvcKind.type, 'default', 'www-web-0');
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(claim.status).toEqual({ phase: 'Pending' });
    expect(w.client.get<Pod>(podKind.type, 'default', 'web-0').spec.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(stsEvents(w).slice(0, 2)).toEqual(['create Claim www-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
    w.client.delete(stsKind.type, 'default', 'web');
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(pods(w)).toEqual([]);
    expect(w.client.list<PersistentVolumeClaim>(pvcKind.type, 'default').map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1']);
  });

  it('gives a recreated pod its old claim back', () => {
    const w = newWorld();
    createSet(w, { replicas: 1, volumeClaimTemplates: [claimTemplate] } as never);
    w.engine.converge();
    const uid = w.client.get<PersistentVolumeClaim>(pvcKind.type, 'default', 'www-web-0').metadata.uid;
    w.client.delete(podKind.type, 'default', 'web-0');
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(pods(w)).toEqual(['web-0']);
    expect(w.client.get<PersistentVolumeClaim>(pvcKind.type, 'default', 'www-web-0').metadata.uid).toBe(uid);
  });

  it('deletes the claims of pods scaled away, and of the set, when the retention policy says Delete', () => {
    const w = newWorld();
    createSet(w, { replicas: 2, volumeClaimTemplates: [claimTemplate], persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } } as never);
    w.engine.converge();
    w.client.patch(stsKind.type, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(w.client.list<PersistentVolumeClaim>(pvcKind.type, 'default').map((c) => c.metadata.name)).toEqual(['www-web-0']);
    w.client.delete(stsKind.type, 'default', 'web');
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(w.client.list<PersistentVolumeClaim>(pvcKind.type, 'default')).toEqual([]);
  });

  it('rolls an update out from the highest ordinal down to the partition, and completes it at partition 0', () => {
    const w = newWorld();
    createSet(w, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    w.engine.converge();
    const first = getSet(w).status!.currentRevision!;
    w.client.patch(stsKind.type, 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    w.engine.advanceTo(w.clock.now() + 120_000);
    const second = getSet(w).status!.updateRevision!;
    expect(second).not.toBe(first);
    const rev = (name: string) => w.client.get<Pod>(podKind.type, 'default', name).metadata.labels?.['controller-revision-hash'];
    expect(['web-0', 'web-1', 'web-2'].map(rev)).toEqual([first, first, second]);
    expect(getSet(w).status).toMatchObject({ currentRevision: first, updateRevision: second, currentReplicas: 2, updatedReplicas: 1 });
    w.client.patch(stsKind.type, 'default', 'web', 'merge', { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    w.engine.advanceTo(w.clock.now() + 120_000);
    expect(['web-0', 'web-1', 'web-2'].map(rev)).toEqual([second, second, second]);
    expect(getSet(w).status).toMatchObject({ currentRevision: second, updateRevision: second, currentReplicas: 3, updatedReplicas: 3 });
  });

  it('with OnDelete leaves running pods alone until they are deleted', () => {
    const w = newWorld();
    createSet(w, { replicas: 2, updateStrategy: { type: 'OnDelete' } });
    w.engine.converge();
    const first = getSet(w).status!.currentRevision!;
    w.client.patch(stsKind.type, 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    w.engine.advanceTo(w.clock.now() + 60_000);
    const rev = (name: string) => w.client.get<Pod>(podKind.type, 'default', name).metadata.labels?.['controller-revision-hash'];
    expect(['web-0', 'web-1'].map(rev)).toEqual([first, first]);
    w.client.delete(podKind.type, 'default', 'web-1');
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(rev('web-1')).toBe(getSet(w).status!.updateRevision);
    expect(getSet(w).status?.currentRevision).toBe(first);
  });
});

describe('the StatefulSet kind', () => {
  it('defaults as the API server does, claim templates included', () => {
    const w = newWorld();
    const sts = createSet(w, { volumeClaimTemplates: [claimTemplate] } as never);
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(sts.spec.volumeClaimTemplates?.[0]).toMatchObject({ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(sts.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it('refuses changes to the fields an update may not touch', () => {
    const w = newWorld();
    createSet(w);
    const e = statusOf(() => w.client.patch(stsKind.type, 'default', 'web', 'merge', { spec: { serviceName: 'other' } }));
    expect(e.message).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });

  it('refuses a restart policy other than Always, and drops maxUnavailable (its feature is off in v1.32)', () => {
    const w = newWorld();
    const e = statusOf(() =>
      createSet(w, { template: { metadata: { labels: { app: 'nginx' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] } } } as never),
    );
    expect(e.message).toBe('StatefulSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
    const sts = createSet(w, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } });
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  });
});
