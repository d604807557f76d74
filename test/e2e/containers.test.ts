// Containers end to end through bin/pocketkube: kubectl run, logs and exec against nginx, their
// errors as kubectl prints them, crash loops and readiness over simulated time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

let h: Home;
beforeEach(() => {
  h = new Home();
});
afterEach(() => h.remove());

const lines = (...l: string[]) => `${l.join('\n')}\n`;

function pod(name: string, spec: string, annotations: Record<string, string> = {}): string {
  const notes = Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return h.file(`${name}.yaml`, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${notes.length ? `  annotations:\n${notes.join('\n')}\n` : ''}spec:\n${spec}`);
}

describe('kubectl run and logs', () => {
  it('runs nginx and shows its start-up log, with timestamps and --tail', () => {
    expect(h.ok('run', 'web', '--image=nginx:1.27')).toBe('pod/web created\n');
    const log = h.ok('logs', 'web');
    expect(log.split('\n').slice(0, 2)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    ]);
    expect(log).toContain('2026/11/26 12:00:00 [notice] 1#1: nginx/1.27.5\n');
    expect(h.ok('logs', 'pod/web', '--tail=1', '--timestamps')).toBe('2026-11-26T12:00:00Z 2026/11/26 12:00:00 [notice] 1#1: start worker process 32\n');
    expect(h.ok('get', 'pod', 'web', '-o', 'jsonpath={.metadata.labels.run} {.spec.restartPolicy} {.status.phase}')).toBe('web Always Running');
  });

  it('refuses what kubectl refuses', () => {
    h.ok('run', 'bad', '--image=nginx:1.91');
    expect(h.run(['logs', 'bad'])).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: image can\'t be pulled\n',
      code: 1,
    });
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(h.run(['logs', 'web', '--previous']).stderr).toBe('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
    expect(h.run(['logs', 'web', '-c', 'nope']).stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n');
    // kubectl v1.32's logs wraps the builder's NotFound (logs.go) — recorded through the oracle.
    expect(h.run(['logs', 'nothere']).stderr).toBe('error: error from server (NotFound): pods "nothere" not found in namespace "default"\n');
    expect(h.run(['run', 'x', '--image=nginx', '--rm']).stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
  });

  it('picks a workload\'s pod and the default container, and says so', () => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2');
    const r = h.run(['logs', 'deploy/web', '--tail=1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    h.ok('apply', '-f', pod('two', '  containers:\n  - name: a\n    image: nginx:1.27\n  - name: b\n    image: redis:7\n'));
  });
});

describe('logs -l and QoS', () => {
  it('prints the log of every pod a selector picks, and each pod has its QoS class', () => {
    h.ok('run', 'a', '--image=redis:7', '--labels=tier=cache');
    h.ok('run', 'b', '--image=redis:7', '--labels=tier=cache');
    expect(h.ok('logs', '-l', 'tier=cache', '--tail=1', '--prefix')).toBe(
      '[pod/a/a] 1:M 26 Nov 2026 12:00:00.000 * Ready to accept connections tcp\n[pod/b/b] 1:M 26 Nov 2026 12:00:00.000 * Ready to accept connections tcp\n',
    );
    expect(h.run(['logs', '-l', 'tier=none']).stderr).toBe('No resources found in default namespace.\n');
    const pod = (name: string, resources: string) =>
      h.file(`${name}.yaml`, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n${resources}`);
    h.ok('apply', '-f', pod('guaranteed', '    resources:\n      limits: {cpu: 100m, memory: 64Mi}\n'));
    h.ok('apply', '-f', pod('burstable', '    resources:\n      requests: {cpu: 100m}\n'));
    expect(h.ok('get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.qosClass} {end}')).toBe('a=BestEffort b=BestEffort burstable=Burstable guaranteed=Guaranteed ');
  });
});

describe('kubectl run --attach', () => {
  it('follows the container to its end, prints its output, passes its exit code and removes the pod', () => {
    const r = h.run(['run', 'x', '--image=nginx:1.27', '--restart=Never', '--annotations=pocketkube.io/exit.x=3 after 3s', '--attach', '--rm']);
    expect(r.code).toBe(3);
    expect(r.stdout.endsWith('2026/11/26 12:00:00 [notice] 1#1: start worker process 32\npod "x" deleted\n')).toBe(true);
    expect(r.stderr).toBe('pod default/x terminated (Error)\n');
    expect(h.ok('clock', 'show')).toBe('2026-11-26T12:00:03Z\n');
    expect(h.run(['get', 'pod', 'x']).stderr).toBe('Error from server (NotFound): pods "x" not found\n');
  });

  it('under Always returns when the first run ends, whatever its exit code', () => {
    const r = h.run(['run', 'y', '--image=nginx:1.27', '--annotations=pocketkube.io/exit.y=1 after 3s', '-i']);
    expect(r.code).toBe(0);
    expect(h.ok('get', 'pod', 'y', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}')).toBe('1');
  });
});

describe('logs --follow', () => {
  it('follows a container until it ends, as the cluster clock runs', () => {
    h.ok('run', 'y', '--image=nginx:1.27', '--restart=Never', '--annotations=pocketkube.io/exit.y=0 after 10s');
    expect(h.ok('logs', 'y', '-f', '--tail=1')).toBe('2026/11/26 12:00:00 [notice] 1#1: start worker process 32\n');
    expect(h.ok('clock', 'show')).toBe('2026-11-26T12:00:10Z\n');
  });
});

describe('exec', () => {
  it('refuses a completed pod, an unknown container and a missing command', () => {
    h.ok('apply', '-f', pod('done', '  restartPolicy: Never\n  containers:\n  - name: app\n    image: nginx:1.27\n', { 'pocketkube.io/exit.app': '0 after 1s' }));
    h.ok('clock', 'advance', '5s');
    expect(h.run(['exec', 'done', '--', 'ls']).stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(h.run(['exec', 'web', '-c', 'nope', '--', 'ls']).stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n');
    expect(h.run(['exec', 'web']).stderr).toBe('error: you must specify at least one command for the container\n');
  });

  it('keeps what an exec probe writes, in the container and in its volumes', () => {
    const spec = [
      '  containers:',
      '  - name: app',
      '    image: busybox:1.37',
      '    command: ["sh", "-c", "sleep 3600"]',
      '    volumeMounts: [{name: data, mountPath: /data}]',
      '    readinessProbe:',
      '      exec: {command: ["sh", "-c", "echo probed >> /data/probe; echo probed >> /tmp/probe"]}',
      '  volumes: [{name: data, emptyDir: {}}]',
      '',
    ].join('\n');
    h.ok('apply', '-f', pod('probed', spec));
    expect(h.ok('exec', 'probed', '--', 'cat', '/data/probe', '/tmp/probe')).toBe('probed\nprobed\n');
  });

  it('keeps a running container\'s environment when the ConfigMap it came from is deleted', () => {
    h.ok('create', 'configmap', 'cfg', '--from-literal=a=1');
    const spec = [
      '  containers:',
      '  - name: app',
      '    image: busybox:1.37',
      '    command: ["sh", "-c", "while true; do echo A=$A; sleep 5; done"]',
      '    env: [{name: A, valueFrom: {configMapKeyRef: {name: cfg, key: a}}}]',
      '',
    ].join('\n');
    h.ok('apply', '-f', pod('envp', spec));
    h.ok('delete', 'configmap', 'cfg');
    expect(h.ok('clock', 'advance', '10s')).toBe('2026-11-26T12:00:10Z\n');
    expect(h.ok('logs', 'envp')).toBe('A=1\nA=1\nA=1\n');
    expect(h.ok('exec', 'envp', '--', 'sh', '-c', 'echo $A')).toBe('1\n');
  });

  it('cannot reach a container through a stopped kubelet', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    const node = h.ok('get', 'pod', 'web', '-o', 'jsonpath={.spec.nodeName}');
    const ip = h.ok('get', 'node', node, '-o', 'jsonpath={.status.addresses[0].address}');
    h.ok('node', 'stop', node);
    expect(h.run(['exec', 'web', '--', 'echo', 'hi'])).toEqual({
      stdout: '',
      stderr: `Error from server: error dialing backend: dial tcp ${ip}:10250: connect: connection refused\n`,
      code: 1,
    });
    expect(h.run(['logs', 'web', '--tail=1']).stderr).toBe(
      `Error from server: Get "https://${ip}:10250/containerLogs/default/web/web?tailLines=1": dial tcp ${ip}:10250: connect: connection refused\n`,
    );
    h.ok('node', 'start', node);
    expect(h.ok('exec', 'web', '--', 'echo', 'hi')).toBe('hi\n');
  });

  it('expands $(VAR) references to the service variables in env values', () => {
    h.ok('run', 'u', '--image=busybox:1.37', '--env=U=https://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)/x', '--', 'sleep', '3600');
    expect(h.ok('exec', 'u', '--', 'printenv', 'U')).toBe('https://10.96.0.1:443/x\n');
  });

  it('answers a malformed %-escape with nginx\'s 400', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    expect(h.ok('exec', 'web', '--', 'curl', '-s', 'localhost/%zz')).toBe(
      '<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(h.ok('logs', 'web', '--tail=1')).toBe('127.0.0.1 - - [26/Nov/2026:12:00:00 +0000] "GET /%zz HTTP/1.1" 400 157 "-" "curl/7.88.1" "-"\n');
  });
});

describe('probes', () => {
  it('notices a file an exec removed at the next ticks, and probes nginx once per tick, not during the initial delay', () => {
    const live = [
      '  containers:',
      '  - name: app',
      '    image: busybox:1.37',
      '    command: ["sh", "-c", "touch /tmp/healthy; sleep 3600"]',
      '    livenessProbe: {exec: {command: [cat, /tmp/healthy]}, periodSeconds: 5}',
      '',
    ].join('\n');
    h.ok('apply', '-f', pod('lv', live));
    h.ok('clock', 'advance', '12s');
    h.ok('exec', 'lv', '--', 'rm', '/tmp/healthy');
    h.ok('clock', 'advance', '1m');
    // Failures at 15s, 20s and 25s; sh as PID 1 ignores SIGTERM and is killed 30s later.
    expect(h.ok('get', 'pod', 'lv', '-o', 'jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.finishedAt}')).toBe(
      '1 2026-11-26T12:00:55Z',
    );
    const web = [
      '  containers:',
      '  - name: app',
      '    image: nginx:1.27',
      '    readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 30, periodSeconds: 10}',
      '',
    ].join('\n');
    h.ok('apply', '-f', pod('rp', web));
    expect(h.ok('logs', 'rp')).not.toContain('kube-probe');
    h.ok('clock', 'advance', '30s');
    expect(h.ok('logs', 'rp').split('\n').filter((l) => l.includes('kube-probe'))).toEqual([
      '172.18.0.4 - - [26/Nov/2026:12:01:42 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"',
    ]);
  });
});

describe('restarts over simulated time', () => {
  it('crash loops with kubectl\'s STATUS, RESTARTS and describe', () => {
    h.ok('apply', '-f', pod('crash', '  containers:\n  - name: app\n    image: nginx:1.27\n', { 'pocketkube.io/exit.app': '1 after 2s' }));
    h.ok('clock', 'advance', '3s');
    // Exited at 2s, restarted at once; exits again at 4s and waits out a 10s back-off.
    expect(h.ok('get', 'pod', 'crash')).toBe(lines('NAME    READY   STATUS    RESTARTS     AGE', 'crash   1/1     Running   1 (1s ago)   3s'));
    h.ok('clock', 'advance', '2s');
    const out = h.ok('get', 'pod', 'crash');
    expect(out).toBe(lines('NAME    READY   STATUS             RESTARTS     AGE', 'crash   0/1     CrashLoopBackOff   1 (1s ago)   5s'));
    const describe = h.ok('describe', 'pod', 'crash');
    expect(describe).toContain(
      [
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Thu, 26 Nov 2026 12:00:02 +0000',
        '      Finished:     Thu, 26 Nov 2026 12:00:04 +0000',
        '    Ready:          False',
        '    Restart Count:  1',
      ].join('\n'),
    );
    expect(describe).toMatch(/Warning {2}BackOff +\d+s +kubelet +Back-off restarting failed container app in pod crash_default\([0-9a-f-]{36}\)\n/);
  });

  it('keeps a pod whose readiness fails out of Ready', () => {
    h.ok('apply', '-f', pod('r', '  containers:\n  - name: app\n    image: nginx:1.27\n', { 'pocketkube.io/readiness.app': 'fail' }));
    expect(h.ok('get', 'pod', 'r')).toBe(lines('NAME   READY   STATUS    RESTARTS   AGE', 'r      0/1     Running   0          0s'));
    expect(h.run(['wait', '--for=condition=Ready', 'pod/r', '--timeout=30s']).stderr).toBe('error: timed out waiting for the condition on pods/r\n');
  });
});
