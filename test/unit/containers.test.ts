// Containers through their lives in the simulated kubelet: exits under each restartPolicy, the
// CrashLoopBackOff back-off (10s doubling to 5m, reset after 10m of running), phases, init
// containers, OOMKilled, readiness, and termination. Exits are forced with pocketkube.io/
// annotations on an nginx container, so these tests do not depend on the shell.
import { describe, expect, it } from 'vitest';
import { configmap } from '../../src/api/kinds/configmap';
import { event } from '../../src/api/kinds/event';
import { pod } from '../../src/api/kinds/pod';
import type { Container, ContainerStatus, Event, Pod } from '../../src/api/types';
import { podSummary } from '../../src/printers/table/pod';
import { T0, newWorld, type World } from '../helpers/world';

function createPod(w: World, name: string, spec: Partial<Pod['spec']>, annotations: Record<string, string> = {}): void {
  w.client.create<Pod>(pod.type, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', annotations },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
  } as Pod);
  w.engine.converge();
}

const get = (w: World, name: string) => w.client.get<Pod>(pod.type, 'default', name);
const status = (w: World, name: string): ContainerStatus => get(w, name).status!.containerStatuses![0];
const summary = (w: World, name: string) => podSummary(get(w, name), w.clock.now());
const at = (s: number) => T0 + s * 1000;

function kubeletEvents(w: World, name: string): Event[] {
  return w.client.list<Event>(event.type, 'default').filter((e) => e.involvedObject.name === name && e.source?.component === 'kubelet');
}

describe('exits and restartPolicy', () => {
  it('Never: a container that exits 0 completes the pod', () => {
    const w = newWorld();
    createPod(w, 'ok', { restartPolicy: 'Never' }, { 'pocketkube.io/exit.app': '0 after 5s' });
    expect(get(w, 'ok').status!.phase).toBe('Running');
    w.engine.advanceTo(at(10));
    const p = get(w, 'ok');
    expect(p.status!.phase).toBe('Succeeded');
    expect(status(w, 'ok').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(summary(w, 'ok')).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' });
    const ready = p.status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(p.status!.conditions!.find((c) => c.type === 'PodReadyToStartContainers')!.status).toBe('False');
  });

  it('Never: a container that exits 1 fails the pod', () => {
    const w = newWorld();
    createPod(w, 'bad', { restartPolicy: 'Never' }, { 'pocketkube.io/exit.app': '1 after 5s' });
    w.engine.advanceTo(at(10));
    expect(get(w, 'bad').status!.phase).toBe('Failed');
    expect(summary(w, 'bad')).toMatchObject({ status: 'Error', restarts: '0' });
    expect(get(w, 'bad').status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  it('OnFailure: restarts after an error, not after success', () => {
    const w = newWorld();
    createPod(w, 'job', { restartPolicy: 'OnFailure' }, { 'pocketkube.io/exit.app': '2 after 5s' });
    w.engine.advanceTo(at(6));
    expect(status(w, 'job').restartCount).toBe(1);
    expect(status(w, 'job').lastState.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(get(w, 'job').status!.phase).toBe('Running');
    w.client.patch(pod.type, 'default', 'job', 'merge', { metadata: { annotations: { 'pocketkube.io/exit.app': '0 after 5s' } } });
    w.engine.advanceTo(at(120));
    expect(get(w, 'job').status!.phase).toBe('Succeeded');
  });

  it('Always: crash loops with 10s, 20s, 40s ... back-offs and the kubelet\'s wording', () => {
    const w = newWorld();
    createPod(w, 'loop', {}, { 'pocketkube.io/exit.app': '1 after 1s' });
    const uid = get(w, 'loop').metadata.uid;
    const restarts: number[] = [];
    const messages = new Map<number, string>();
    let last = 0;
    for (let t = 0; t <= 400; t++) {
      w.engine.advanceTo(at(t));
      const n = status(w, 'loop').restartCount;
      const waiting = status(w, 'loop').state.waiting;
      if (waiting && !messages.has(n)) messages.set(n, `${waiting.reason}: ${waiting.message}`);
      if (n !== last) {
        restarts.push(t);
        last = n;
      }
    }
    // The first restart is immediate; later ones wait out a doubling back-off (plus the pod
    // worker's resync cadence of 10-15s).
    expect(restarts[0]).toBe(1);
    const gaps = restarts.slice(1).map((t, i) => t - restarts[i] - 1);
    expect(gaps.length).toBeGreaterThanOrEqual(4);
    for (const [i, gap] of gaps.slice(0, 4).entries()) {
      expect(gap).toBeGreaterThanOrEqual(10 * 2 ** i);
      expect(gap).toBeLessThanOrEqual(10 * 2 ** i + 15);
    }
    // After n restarts the container waits out the back-off of the (n+1)th exit.
    for (const [n, backoff] of [[1, '10s'], [2, '20s'], [3, '40s'], [4, '1m20s']] as const)
      expect(messages.get(n)).toBe(`CrashLoopBackOff: back-off ${backoff} restarting failed container=app pod=loop_default(${uid})`);
    expect(summary(w, 'loop').status).toBe('CrashLoopBackOff');
    expect(get(w, 'loop').status!.phase).toBe('Running');
    const backoff = kubeletEvents(w, 'loop').find((e) => e.reason === 'BackOff')!;
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toBe(`Back-off restarting failed container app in pod loop_default(${uid})`);
  });

  it('caps the back-off at 5m', () => {
    const w = newWorld();
    createPod(w, 'loop', {}, { 'pocketkube.io/exit.app': '1' });
    w.engine.advanceTo(at(3600));
    const s = status(w, 'loop');
    expect(s.state.waiting?.message).toMatch(/^back-off 5m0s restarting failed container=app/);
  });

  it('forgets the back-off of a container that ran for ten minutes', () => {
    const w = newWorld();
    createPod(w, 'slow', {}, { 'pocketkube.io/exit.app': '1 after 11m' });
    w.engine.advanceTo(at(11 * 60 + 1));
    expect(status(w, 'slow').restartCount).toBe(1);
    w.engine.advanceTo(at(22 * 60 + 2));
    // Each run lasted longer than twice the maximum back-off: restarted at once every time.
    expect(status(w, 'slow').restartCount).toBe(2);
    expect(status(w, 'slow').state.running).toBeDefined();
  });
});

describe('init containers', () => {
  const init = (name: string): Container => ({ name, image: 'nginx:1.27' });

  it('run one at a time before the containers, with Init:N/M', () => {
    const w = newWorld();
    createPod(w, 'p', { initContainers: [init('one'), init('two')] }, { 'pocketkube.io/exit.one': '0 after 5s', 'pocketkube.io/exit.two': '0 after 5s' });
    expect(summary(w, 'p').status).toBe('Init:0/2');
    expect(get(w, 'p').status!.phase).toBe('Pending');
    w.engine.advanceTo(at(6));
    expect(summary(w, 'p').status).toBe('Init:1/2');
    w.engine.advanceTo(at(12));
    expect(summary(w, 'p')).toMatchObject({ status: 'Running', ready: '1/1' });
    expect(get(w, 'p').status!.initContainerStatuses!.map((s) => s.state.terminated?.reason)).toEqual(['Completed', 'Completed']);
  });

  it('a failing init container crash loops (Init:CrashLoopBackOff), or fails the pod under Never', () => {
    const w = newWorld();
    createPod(w, 'p', { initContainers: [init('one')] }, { 'pocketkube.io/exit.one': '1 after 1s' });
    w.engine.advanceTo(at(30));
    expect(summary(w, 'p').status).toMatch(/^Init:(CrashLoopBackOff|Error)$/);
    createPod(w, 'q', { initContainers: [init('one')], restartPolicy: 'Never' }, { 'pocketkube.io/exit.one': '1 after 1s' });
    w.engine.advanceTo(at(60));
    expect(get(w, 'q').status!.phase).toBe('Failed');
    expect(summary(w, 'q').status).toBe('Init:Error');
  });
});

describe('resources and probes', () => {
  it('OOMKills a container using more memory than its limit', () => {
    const w = newWorld();
    createPod(
      w,
      'hog',
      { containers: [{ name: 'app', image: 'nginx:1.27', resources: { limits: { memory: '100Mi' } } }] },
      { 'pocketkube.io/memory-usage': 'app=200Mi' },
    );
    w.engine.advanceTo(at(2));
    expect(status(w, 'hog').lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('keeps a container whose readiness fails out of Ready', () => {
    const w = newWorld();
    createPod(w, 'r', {}, { 'pocketkube.io/readiness.app': 'fail' });
    expect(status(w, 'r').ready).toBe(false);
    expect(summary(w, 'r')).toMatchObject({ ready: '0/1', status: 'Running' });
    expect(get(w, 'r').status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
  });

  it('an httpGet readiness probe on nginx passes on / and fails on a missing page', () => {
    const w = newWorld();
    const probe = (path: string) => ({ httpGet: { path, port: 80 }, periodSeconds: 5 });
    createPod(w, 'good', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: probe('/') }] });
    createPod(w, 'bad', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: probe('/healthz') }] });
    w.engine.advanceTo(at(30));
    expect(status(w, 'good').ready).toBe(true);
    expect(status(w, 'bad').ready).toBe(false);
    const unhealthy = kubeletEvents(w, 'bad').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('restarts a container whose liveness probe fails three times', () => {
    const w = newWorld();
    const liveness = { tcpSocket: { port: 8080 }, periodSeconds: 10, failureThreshold: 3 };
    createPod(w, 'l', { containers: [{ name: 'app', image: 'nginx:1.27', livenessProbe: liveness }] });
    w.engine.advanceTo(at(19));
    expect(status(w, 'l').restartCount).toBe(0);
    w.engine.advanceTo(at(21));
    const s = status(w, 'l');
    expect(s.restartCount).toBe(1);
    // nginx quits on SIGTERM at once and exits 0.
    expect(s.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const messages = kubeletEvents(w, 'l').map((e) => `${e.reason}: ${e.message}`);
    expect(messages).toContain(`Unhealthy: Liveness probe failed: dial tcp ${get(w, 'l').status!.podIP}:8080: connect: connection refused`);
    expect(messages).toContain('Killing: Container app failed liveness probe, will be restarted');
  });

  it('counts the ticks a passing liveness probe slept through as passes (the documentation\'s liveness-exec)', () => {
    const w = newWorld();
    const script = 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600';
    const liveness = { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 };
    createPod(w, 'le', { containers: [{ name: 'app', image: 'busybox:1.37', args: ['/bin/sh', '-c', script], livenessProbe: liveness }] });
    w.engine.advanceTo(at(60));
    const killing = kubeletEvents(w, 'le').find((e) => e.reason === 'Killing')!;
    expect(killing.lastTimestamp).toBe('2026-11-26T12:00:40Z');
    const unhealthy = kubeletEvents(w, 'le').find((e) => e.reason === 'Unhealthy')!;
    expect([unhealthy.count, unhealthy.firstTimestamp, unhealthy.lastTimestamp]).toEqual([3, '2026-11-26T12:00:30Z', '2026-11-26T12:00:40Z']);
  });
});

describe('volumes', () => {
  it('keeps the containers in ContainerCreating while a configMap volume is missing, then starts them', () => {
    const w = newWorld();
    createPod(w, 'cfg', {
      containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'conf', mountPath: '/etc/conf' }] }],
      volumes: [{ name: 'conf', configMap: { name: 'settings' } }],
    });
    expect(summary(w, 'cfg')).toMatchObject({ status: 'ContainerCreating', ready: '0/1' });
    const failed = kubeletEvents(w, 'cfg').find((e) => e.reason === 'FailedMount')!;
    expect(failed.message).toBe('MountVolume.SetUp failed for volume "conf" : configmap "settings" not found');
    w.client.create(configmap.type, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { a: '1' } });
    w.engine.advanceTo(at(30));
    expect(summary(w, 'cfg')).toMatchObject({ status: 'Running', ready: '1/1' });
  });

  it('keeps a running pod running when its configMap is deleted (its volume stays mounted)', () => {
    const w = newWorld();
    w.client.create(configmap.type, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { a: '1' } });
    createPod(w, 'cfg', {
      containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'conf', mountPath: '/etc/conf' }] }],
      volumes: [{ name: 'conf', configMap: { name: 'settings' } }],
    }, { 'pocketkube.io/exit.app': '1 after 10s' });
    w.client.delete(configmap.type, 'default', 'settings');
    w.engine.advanceTo(at(60));
    expect(get(w, 'cfg').status!.phase).toBe('Running');
    expect(status(w, 'cfg').restartCount).toBeGreaterThan(0);
    expect(status(w, 'cfg').state.waiting?.reason).not.toBe('ContainerCreating');
  });
});

describe('a container image changed in the pod', () => {
  it('kills the running container and starts it again from the new image, whatever the restart policy', () => {
    const w = newWorld();
    createPod(w, 'img', { restartPolicy: 'Never' });
    w.engine.advanceTo(at(5));
    w.client.patch(pod.type, 'default', 'img', 'strategic', { spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } });
    w.engine.converge();
    const s = status(w, 'img');
    expect(s).toMatchObject({ image: 'docker.io/library/nginx:1.28', restartCount: 1, ready: true });
    expect(s.state.running).toBeDefined();
    expect(s.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: '2026-11-26T12:00:05Z' });
    const messages = kubeletEvents(w, 'img').map((e) => `${e.reason}: ${e.message}`);
    expect(messages).toContain('Killing: Container app definition changed, will be restarted');
    expect(messages).toContain('Pulling: Pulling image "nginx:1.28"');
  });

  it('starts a crash-looping container with its new image at once, without the old back-off', () => {
    const w = newWorld();
    createPod(w, 'fix', {}, { 'pocketkube.io/exit.app': '1 after 1s' });
    w.engine.advanceTo(at(120));
    const before = status(w, 'fix');
    expect(before.state.waiting?.reason).toBe('CrashLoopBackOff');
    w.client.patch(pod.type, 'default', 'fix', 'strategic', { spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } });
    w.engine.converge();
    const after = status(w, 'fix');
    expect(after.restartCount).toBe(before.restartCount + 1);
    expect(after.state.running).toEqual({ startedAt: '2026-11-26T12:02:00Z' });
  });
});

describe('what the kubelet refuses or enforces', () => {
  it('never pulls under imagePullPolicy Never, and rejects an invalid image name', () => {
    const w = newWorld();
    createPod(w, 'p', {
      containers: [
        { name: 'never', image: 'redis:7.2', imagePullPolicy: 'Never' },
        { name: 'upper', image: 'Nginx:1.25' },
      ],
    });
    const [never, upper] = get(w, 'p').status!.containerStatuses!;
    expect(never.state.waiting).toEqual({ reason: 'ErrImageNeverPull', message: 'Container image "redis:7.2" is not present with pull policy of Never' });
    expect(upper.state.waiting?.reason).toBe('InvalidImageName');
    expect(upper.state.waiting?.message).toBe(
      'Failed to apply default image tag "Nginx:1.25": couldn\'t parse image name "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });

  it('leaves a pod with scheduling gates unscheduled, saying so', () => {
    const w = newWorld();
    createPod(w, 'gated', { schedulingGates: [{ name: 'example.com/wait' }] } as Partial<Pod['spec']>);
    expect(summary(w, 'gated').status).toBe('SchedulingGated');
    expect(get(w, 'gated').status!.conditions).toEqual([
      { lastProbeTime: null, lastTransitionTime: null, message: 'Scheduling is blocked due to non-empty scheduling gates', reason: 'SchedulingGated', status: 'False', type: 'PodScheduled' },
    ]);
  });

  it('shows a failed postStart hook as PostStartHookError, then crash loops', () => {
    const w = newWorld();
    const hook = { postStart: { exec: { command: ['sh', '-c', 'exit 2'] } } };
    createPod(w, 'ps', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: hook }] });
    const s = status(w, 'ps');
    expect(s.state.waiting?.reason).toBe('PostStartHookError');
    expect(s.state.waiting?.message).toMatch(/^Exec lifecycle hook \(\[sh -c exit 2\]\) for Container "app" in Pod "ps_default\([0-9a-f-]{36}\)" failed - error: command 'sh -c exit 2' exited with 2: , message: ""$/);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(kubeletEvents(w, 'ps').map((e) => `${e.reason}: ${e.message}`)).toEqual(expect.arrayContaining(['FailedPostStartHook: PostStartHook failed', 'Killing: FailedPostStartHook']));
    w.engine.advanceTo(at(30));
    expect(summary(w, 'ps').status).toBe('CrashLoopBackOff');
  });

  it('refuses runAsNonRoot with an image that runs as root', () => {
    const w = newWorld();
    createPod(w, 'nr', { securityContext: { runAsNonRoot: true } } as Partial<Pod['spec']>);
    const uid = get(w, 'nr').metadata.uid;
    expect(status(w, 'nr').state.waiting).toEqual({
      reason: 'CreateContainerConfigError',
      message: `container has runAsNonRoot and image will run as root (pod: "nr_default(${uid})", container: app)`,
    });
  });

  it('fails a pod past its activeDeadlineSeconds and stops its containers', () => {
    const w = newWorld();
    createPod(w, 'dl', { activeDeadlineSeconds: 20 } as Partial<Pod['spec']>);
    w.engine.advanceTo(at(19));
    expect(get(w, 'dl').status!.phase).toBe('Running');
    w.engine.advanceTo(at(21));
    const p = get(w, 'dl');
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    expect(status(w, 'dl').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(kubeletEvents(w, 'dl').map((e) => e.reason)).toContain('DeadlineExceeded');
  });

  it('stops a pod past its deadline within the pod\'s own grace period, not an eviction\'s', () => {
    const w = newWorld();
    const script = "trap 'echo got term; sleep 5; echo bye; exit 0' TERM; while true; do sleep 1; done";
    createPod(w, 'dlg', {
      activeDeadlineSeconds: 20,
      terminationGracePeriodSeconds: 10,
      containers: [{ name: 'app', image: 'busybox:1.37', command: ['sh', '-c', script] }],
    } as Partial<Pod['spec']>);
    w.engine.advanceTo(at(40));
    expect(status(w, 'dlg').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: '2026-11-26T12:00:26Z' });
  });

  it('keeps the termination message, or the log\'s end with FallbackToLogsOnError', () => {
    const w = newWorld();
    const nginx = { image: 'nginx:1.27' };
    createPod(
      w,
      'tm',
      { restartPolicy: 'Never', containers: [{ name: 'a', ...nginx }, { name: 'b', ...nginx, terminationMessagePolicy: 'FallbackToLogsOnError' }] },
      { 'pocketkube.io/exit.a': '1 after 1s', 'pocketkube.io/exit.b': '2 after 1s' },
    );
    w.engine.advanceTo(at(2));
    const [a, b] = get(w, 'tm').status!.containerStatuses!;
    expect(a.state.terminated!.message).toBeUndefined();
    expect(b.state.terminated!.message).toMatch(/start worker process 32\n$/);
  });

  it('runs an image outside the catalog until stopped, and marks a pod placed by nodeName as scheduled', () => {
    const w = newWorld();
    createPod(w, 'own', { nodeName: 'pocket-worker', containers: [{ name: 'app', image: 'myorg/app:1.0' }] });
    expect(summary(w, 'own')).toMatchObject({ status: 'Running', ready: '1/1' });
    expect(get(w, 'own').status!.conditions!.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'True' });
  });

  it('gives a pod waiting for a volume no sandbox yet', () => {
    const w = newWorld();
    createPod(w, 'vol', { volumes: [{ name: 'v', configMap: { name: 'absent' } }] });
    const p = get(w, 'vol');
    expect(p.status!.podIP).toBeUndefined();
    expect(p.status!.conditions!.find((c) => c.type === 'PodReadyToStartContainers')!.status).toBe('False');
  });

  it('keeps the containers running when a sidecar crashes after they started', () => {
    const w = newWorld();
    createPod(w, 'sc', { initContainers: [{ name: 'log', image: 'nginx:1.27', restartPolicy: 'Always' }] }, { 'pocketkube.io/exit.log': '1 after 10s' });
    w.engine.advanceTo(at(30));
    const p = get(w, 'sc');
    expect(p.status!.phase).toBe('Running');
    expect(status(w, 'sc').state.running).toBeDefined();
    expect(p.status!.conditions!.find((c) => c.type === 'Initialized')!.status).toBe('True');
  });

  it('stops the sidecars once the regular containers are done, and the pod completes when they have', () => {
    const w = newWorld();
    createPod(
      w,
      'done',
      { restartPolicy: 'Never', initContainers: [{ name: 'side', image: 'nginx:1.27', restartPolicy: 'Always' }] },
      { 'pocketkube.io/exit.app': '0 after 5s' },
    );
    w.engine.advanceTo(at(60));
    const p = get(w, 'done');
    expect(p.status!.phase).toBe('Succeeded');
    expect(p.status!.initContainerStatuses![0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: '2026-11-26T12:00:05Z' });
    expect(kubeletEvents(w, 'done').map((e) => `${e.reason}: ${e.message}`)).toContain('Killing: Stopping container side');
    expect(summary(w, 'done')).toMatchObject({ ready: '0/2', status: 'Completed' });
  });

  it('records every failure of a failing readiness probe', () => {
    const w = newWorld();
    createPod(w, 'r', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/nope', port: 80 }, periodSeconds: 10 } }] });
    w.engine.advanceTo(at(60));
    const unhealthy = kubeletEvents(w, 'r').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.count).toBeGreaterThanOrEqual(6);
  });
});

describe('termination', () => {
  it('a deleted nginx pod stops at once and goes away', () => {
    const w = newWorld();
    createPod(w, 'web', {});
    w.client.delete(pod.type, 'default', 'web');
    w.engine.converge();
    expect(w.client.tryGet(pod.type, 'default', 'web')).toBeUndefined();
  });
});
