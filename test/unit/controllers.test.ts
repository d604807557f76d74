// Controllers converging through the engine: Deployments and their ReplicaSets, rolling updates,
// proportional scaling, the scheduler's verdicts and the garbage collector's policies.
import { describe, expect, it } from 'vitest';
import { deployment } from '../../src/api/kinds/deployment';
import { event } from '../../src/api/kinds/event';
import { pod } from '../../src/api/kinds/pod';
import { replicaset } from '../../src/api/kinds/replicaset';
import type { Deployment, Event, Pod, ReplicaSet } from '../../src/api/types';
import type { PodView } from '../../src/api/pod/view';
import { podsToDelete } from '../../src/controllers/deletionrank';
import { T0, newWorld, type World } from '../helpers/world';

function createDeployment(w: World, name: string, replicas: number, image = 'nginx:1.25', extra: Partial<Deployment['spec']> = {}): Deployment {
  return w.client.create<Deployment>(deployment.type, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
      ...extra,
    },
  } as Deployment);
}

function setImage(w: World, name: string, image: string): void {
  const d = w.client.get<Deployment>(deployment.type, 'default', name);
  const containers = d.spec.template.spec.containers.map((c) => ({ ...c, image }));
  w.client.update(deployment.type, { ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, containers } } } });
}

function scalingEvents(w: World, name: string): string[] {
  return w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.kind === 'Deployment' && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => e.message!);
}

function replicaSets(w: World): ReplicaSet[] {
  return w.client.list<ReplicaSet>(replicaset.type, 'default');
}

describe('the deployment controller', () => {
  it('creates a ReplicaSet named after the template hash and reports a settled status', () => {
    const w = newWorld();
    createDeployment(w, 'web', 3);
    w.engine.converge();
    const [rs] = replicaSets(w);
    expect(rs.metadata.name).toMatch(/^web-[4-9bcdf]{6,10}$/);
    expect(rs.metadata.labels?.['pod-template-hash']).toBe(rs.metadata.name!.slice(4));
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.status).toEqual({ availableReplicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1, readyReplicas: 3, replicas: 3 });
    const d = w.client.get<Deployment>(deployment.type, 'default', 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ availableReplicas: 3, observedGeneration: 1, readyReplicas: 3, replicas: 3, updatedReplicas: 3 });
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    expect(scalingEvents(w, 'web')).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
  });

  it('rolls a new template out one step at a time (3 replicas, 25%/25%)', () => {
    const w = newWorld();
    createDeployment(w, 'web', 3);
    w.engine.converge();
    const old = replicaSets(w)[0].metadata.name!;
    setImage(w, 'web', 'nginx:1.26');
    w.engine.converge();
    const fresh = replicaSets(w).find((rs) => rs.metadata.name !== old)!.metadata.name!;
    expect(scalingEvents(w, 'web')).toEqual([
      `Scaled up replica set ${old} from 0 to 3`,
      `Scaled up replica set ${fresh} from 0 to 1`,
      `Scaled down replica set ${old} from 3 to 2`,
      `Scaled up replica set ${fresh} from 1 to 2`,
      `Scaled down replica set ${old} from 2 to 1`,
      `Scaled up replica set ${fresh} from 2 to 3`,
      `Scaled down replica set ${old} from 1 to 0`,
    ]);
    const d = w.client.get<Deployment>(deployment.type, 'default', 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const pods = w.client.list<Pod>(pod.type, 'default');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.containers[0].image === 'nginx:1.26')).toBe(true);
  });

  it('reuses the old ReplicaSet when the template returns to it, with a new revision', () => {
    const w = newWorld();
    createDeployment(w, 'web', 2);
    w.engine.converge();
    const first = replicaSets(w)[0].metadata.name!;
    setImage(w, 'web', 'nginx:1.26');
    w.engine.converge();
    setImage(w, 'web', 'nginx:1.25');
    w.engine.converge();
    const rs = w.client.get<ReplicaSet>(replicaset.type, 'default', first);
    expect(rs.spec.replicas).toBe(2);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(replicaSets(w)).toHaveLength(2);
  });

  it('recreates: old pods go before the new ReplicaSet comes up', () => {
    const w = newWorld();
    createDeployment(w, 'web', 2, 'nginx:1.25', { strategy: { type: 'Recreate' } });
    w.engine.converge();
    const old = replicaSets(w)[0].metadata.name!;
    setImage(w, 'web', 'nginx:1.26');
    w.engine.converge();
    const fresh = replicaSets(w).find((rs) => rs.metadata.name !== old)!.metadata.name!;
    expect(scalingEvents(w, 'web')).toEqual([
      `Scaled up replica set ${old} from 0 to 2`,
      `Scaled down replica set ${old} from 2 to 0`,
      `Scaled up replica set ${fresh} from 0 to 2`,
    ]);
  });

  it('scales the active ReplicaSet when only replicas change, without a new revision', () => {
    const w = newWorld();
    createDeployment(w, 'web', 2);
    w.engine.converge();
    const d = w.client.get<Deployment>(deployment.type, 'default', 'web');
    w.client.update(deployment.type, { ...d, spec: { ...d.spec, replicas: 5 } });
    w.engine.converge();
    const [rs] = replicaSets(w);
    expect(replicaSets(w)).toHaveLength(1);
    expect(rs.spec.replicas).toBe(5);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('5');
    expect(scalingEvents(w, 'web').at(-1)).toBe(`Scaled up replica set ${rs.metadata.name} from 2 to 5`);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const w = newWorld();
    createDeployment(w, 'web', 1, 'nginx:1.20', { revisionHistoryLimit: 1 });
    w.engine.converge();
    for (const tag of ['1.21', '1.22', '1.23']) {
      setImage(w, 'web', `nginx:${tag}`);
      w.engine.converge();
    }
    const images = replicaSets(w).map((rs) => rs.spec.template.spec.containers[0].image).sort();
    expect(images).toEqual(['nginx:1.22', 'nginx:1.23']);
  });
});

describe('the replicaset controller', () => {
  it('replaces a deleted pod and removes extra ones', () => {
    const w = newWorld();
    createDeployment(w, 'web', 2);
    w.engine.converge();
    const [victim] = w.client.list<Pod>(pod.type, 'default');
    w.client.delete(pod.type, 'default', victim.metadata.name!);
    w.engine.converge();
    const pods = w.client.list<Pod>(pod.type, 'default');
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(pods.every((p) => p.metadata.ownerReferences?.[0].kind === 'ReplicaSet')).toBe(true);
  });
});

describe('the pods a scale-down removes first', () => {
  const view = (name: string, f: { node?: string; phase?: 'Pending' | 'Running' | 'Unknown'; readySince?: number; restarts?: number; created: number }): PodView => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: new Date(f.created * 1000).toISOString().replace('.000', '') },
    spec: f.node ? { nodeName: f.node, containers: [{ name: 'c' }] } : { containers: [{ name: 'c' }] },
    status: {
      phase: f.phase,
      conditions: f.readySince === undefined ? undefined : [{ type: 'Ready', status: 'True', lastTransitionTime: new Date(f.readySince * 1000).toISOString().replace('.000', '') }],
      containerStatuses: [{ name: 'c', ready: f.readySince !== undefined, restartCount: f.restarts ?? 0 }],
    },
  });

  it('ranks unscheduled, pending, not ready, recently ready, restarting and newest first, then by name', () => {
    const pods = [
      view('ready-old', { node: 'n', phase: 'Running', readySince: 100, created: 10 }),
      view('ready-new', { node: 'n', phase: 'Running', readySince: 200, created: 10 }),
      view('running', { node: 'n', phase: 'Running', created: 10 }),
      view('restarting', { node: 'n', phase: 'Running', restarts: 3, created: 10 }),
      view('unknown', { node: 'n', phase: 'Unknown', created: 10 }),
      view('pending-b', { node: 'n', phase: 'Pending', created: 10 }),
      view('pending-a', { node: 'n', phase: 'Pending', created: 10 }),
      view('pending-new', { node: 'n', phase: 'Pending', created: 20 }),
      view('unscheduled', { phase: 'Pending', created: 5 }),
    ];
    expect(podsToDelete(pods, pods.length).map((p) => p.metadata.name)).toEqual([
      'unscheduled', 'pending-new', 'pending-a', 'pending-b', 'unknown', 'restarting', 'running', 'ready-new', 'ready-old',
    ]);
  });

  it('picks a few among thousands as the whole ordering would', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const phases = ['Pending', 'Running', 'Unknown'] as const;
    const pods = Array.from({ length: 3000 }, (_, i) =>
      view(`p-${next(500)}-${i}`, { node: next(3) ? 'n' : undefined, phase: phases[next(3)], readySince: next(2) ? next(50) : undefined, restarts: next(3), created: next(40) }),
    );
    const whole = podsToDelete(pods, pods.length).map((p) => p.metadata.name);
    for (const count of [1, 10, 150, 3000]) expect(podsToDelete(pods, count).map((p) => p.metadata.name)).toEqual(whole.slice(0, count));
  });
});

describe('the scheduler', () => {
  it('spreads a deployment over the workers and keeps off the tainted control plane', () => {
    const w = newWorld();
    createDeployment(w, 'web', 4);
    w.engine.converge();
    const nodes = w.client.list<Pod>(pod.type, 'default').map((p) => p.spec.nodeName).sort();
    expect(nodes).toEqual(['pocket-worker', 'pocket-worker', 'pocket-worker2', 'pocket-worker2']);
  });

  it('explains why nothing fits, counting each reason like the real scheduler', () => {
    const w = newWorld();
    w.client.create(pod.type, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '10' } } }] },
    } as Pod);
    w.engine.converge();
    const p = w.client.get<Pod>(pod.type, 'default', 'big');
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.conditions).toEqual([
      { lastProbeTime: null, lastTransitionTime: '2026-11-26T12:00:00Z', message: msg, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' },
    ]);
    const events = w.client.list<Event>(event.type, 'default').filter((e) => e.involvedObject.name === 'big');
    expect(events.map((e) => [e.type, e.reason, e.message])).toEqual([['Warning', 'FailedScheduling', msg]]);
    // A second pass writes nothing: the verdict is recorded once.
    const before = w.server.writeCount;
    w.engine.converge();
    expect(w.server.writeCount).toBe(before);
  });
});

describe('the garbage collector', () => {
  it('orphans dependents on request, and deletes them in the background otherwise', () => {
    const w = newWorld();
    createDeployment(w, 'keep', 1);
    createDeployment(w, 'drop', 1);
    w.engine.converge();
    w.client.delete(deployment.type, 'default', 'keep', { propagationPolicy: 'Orphan' });
    w.client.delete(deployment.type, 'default', 'drop', { propagationPolicy: 'Background' });
    w.engine.converge();
    const left = replicaSets(w);
    expect(left.map((rs) => rs.metadata.name!.split('-')[0])).toEqual(['keep']);
    expect(left[0].metadata.ownerReferences).toBeUndefined();
    expect(w.client.list<Pod>(pod.type, 'default').map((p) => p.metadata.name!.split('-')[0])).toEqual(['keep']);
  });

  it('deletes a pod whose only owner never existed, and drops the dangling one of two owners', () => {
    const w = newWorld();
    createDeployment(w, 'real', 1);
    w.engine.converge();
    const [owner] = replicaSets(w);
    const ref = (name: string, uid: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid });
    const bare = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const ghost = ref('ghost', '00000000-0000-4000-8000-000000000001');
    w.client.create(pod.type, { ...bare, metadata: { name: 'orphaned', namespace: 'default', ownerReferences: [ghost] } } as Pod);
    w.client.create(pod.type, {
      ...bare,
      metadata: { name: 'half', namespace: 'default', ownerReferences: [ref(owner.metadata.name!, owner.metadata.uid!), ghost] },
    } as Pod);
    w.engine.converge();
    expect(w.client.tryGet(pod.type, 'default', 'orphaned')).toBeUndefined();
    const half = w.client.get<Pod>(pod.type, 'default', 'half');
    expect(half.metadata.ownerReferences!.map((r) => r.uid)).toEqual([owner.metadata.uid]);
  });

  it('deletes dependents before the owner in the foreground', () => {
    const w = newWorld();
    createDeployment(w, 'web', 2);
    w.engine.converge();
    const marked = w.client.delete(deployment.type, 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion']);
    w.engine.converge();
    expect(w.client.tryGet(deployment.type, 'default', 'web')).toBeUndefined();
    expect(replicaSets(w)).toEqual([]);
    expect(w.client.list(pod.type, 'default')).toEqual([]);
  });
});

describe('rolling updates, step by step', () => {
  /** Replays ScalingReplicaSet events into each ReplicaSet's size after every step. */
  function steps(w: World, name: string): Record<string, number>[] {
    const sizes: Record<string, number> = {};
    const out: Record<string, number>[] = [];
    for (const m of scalingEvents(w, name)) {
      const [, rs, , to] = /^Scaled (?:up|down) replica set (\S+) from (\d+) to (\d+)$/.exec(m)!;
      sizes[rs] = Number(to);
      out.push({ ...sizes });
    }
    return out;
  }

  for (let replicas = 1; replicas <= 10; replicas++) {
    it(`keeps within maxSurge and maxUnavailable (25%/25%) for ${replicas} replicas`, () => {
      const w = newWorld();
      createDeployment(w, 'web', replicas);
      w.engine.converge();
      setImage(w, 'web', 'nginx:1.26');
      w.engine.converge();
      const surge = Math.ceil(replicas / 4);
      const unavailable = Math.floor(replicas / 4);
      const all = steps(w, 'web');
      for (const sizes of all.slice(1)) {
        const total = Object.values(sizes).reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(replicas + surge);
        expect(total).toBeGreaterThanOrEqual(replicas - Math.max(unavailable, surge === 0 ? 1 : 0));
      }
      const last = all[all.length - 1];
      expect(Object.values(last).sort()).toEqual([0, replicas]);
      const pods = w.client.list<Pod>(pod.type, 'default');
      expect(pods.filter((p) => p.spec.containers[0].image === 'nginx:1.26')).toHaveLength(replicas);
    });
  }

  it('stops a rollout whose image cannot be pulled where maxUnavailable says (the seed: 3 replicas, surge 1, unavailable 1)', () => {
    const w = newWorld();
    createDeployment(w, 'web', 3, 'nginx:1.25', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } });
    w.engine.converge();
    const old = replicaSets(w)[0].metadata.name!;
    setImage(w, 'web', 'nginx:1.91');
    w.engine.converge();
    const fresh = replicaSets(w).find((rs) => rs.metadata.name !== old)!.metadata.name!;
    expect(scalingEvents(w, 'web').slice(1)).toEqual([
      `Scaled up replica set ${fresh} from 0 to 1`,
      `Scaled down replica set ${old} from 3 to 2`,
      `Scaled up replica set ${fresh} from 1 to 2`,
    ]);
    // Nothing moves while the new pods cannot start: ten minutes later the deadline has passed.
    w.engine.advanceTo(T0 + 9 * 60_000);
    let d = w.client.get<Deployment>(deployment.type, 'default', 'web');
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    w.engine.advanceTo(T0 + 11 * 60_000);
    d = w.client.get<Deployment>(deployment.type, 'default', 'web');
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${fresh}" has timed out progressing.`],
    ]);
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 2 });
    expect(scalingEvents(w, 'web')).toHaveLength(4);
    const waiting = w.client
      .list<Pod>(pod.type, 'default')
      .filter((p) => p.spec.containers[0].image === 'nginx:1.91')
      .map((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason);
    expect(waiting).toHaveLength(2);
    for (const r of waiting) expect(['ErrImagePull', 'ImagePullBackOff']).toContain(r);
  });
});

describe('event expiry', () => {
  it('drops events an hour after they were last seen, and only then', () => {
    const w = newWorld();
    createDeployment(w, 'web', 1);
    w.engine.converge();
    const count = () => w.client.list<Event>(event.type).length;
    expect(count()).toBeGreaterThan(0);
    // CoreDNS's liveness probe ticks once its 60s initial delay is over; it passes, and then
    // nothing but the events' expiry is left to happen.
    expect(w.engine.nextTimer()).toBe(Date.parse('2026-11-26T12:01:00Z'));
    w.engine.advanceTo(Date.parse('2026-11-26T12:01:00Z'));
    expect(w.engine.nextTimer()).toBe(Date.parse('2026-11-26T13:00:00Z'));
    w.engine.advanceTo(Date.parse('2026-11-26T12:59:59Z'));
    expect(count()).toBeGreaterThan(0);
    w.engine.advanceTo(Date.parse('2026-11-26T13:00:01Z'));
    expect(count()).toBe(0);
  });
});
