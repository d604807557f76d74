// Containers that run commands, end to end through bin/pocketkube: exit codes under each
// restartPolicy, crash loops as time passes, exec probes, kubectl exec of the everyday tools,
// what a pod's containers share (files, localhost, processes), /etc/hosts, the seed's pi Job,
// and a shell that ignores SIGTERM holding its pod for the grace period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

let h: Home;
beforeEach(() => {
  h = new Home();
});
afterEach(() => h.remove());

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** A pod manifest; `containers` and `extra` are YAML indented for `spec:`. */
function podFile(name: string, containers: string, extra = ''): string {
  return h.file(`${name}.yaml`, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n${containers}`);
}

function shellPod(name: string, script: string, restartPolicy?: string, image = 'busybox:1.36'): string {
  const policy = restartPolicy ? `  restartPolicy: ${restartPolicy}\n` : '';
  return podFile(name, `  - name: app\n    image: ${image}\n    command: ["sh", "-c", ${JSON.stringify(script)}]\n`, policy);
}

describe('exit codes and restartPolicy', () => {
  it('Never: the pod ends Completed or Error and keeps its log', () => {
    h.ok('apply', '-f', shellPod('ok', 'echo hello; exit 0', 'Never'));
    h.ok('apply', '-f', shellPod('bad', 'echo oops >&2; exit 3', 'Never'));
    expect(h.ok('get', 'pods')).toBe(lines('NAME   READY   STATUS      RESTARTS   AGE', 'bad    0/1     Error       0          0s', 'ok     0/1     Completed   0          0s'));
    expect(h.ok('logs', 'ok')).toBe('hello\n');
    expect(h.ok('logs', 'bad')).toBe('oops\n');
    expect(h.ok('get', 'pod', 'bad', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}')).toBe('Failed 3');
  });

  it('OnFailure restarts a failing container; Always restarts one that succeeded', () => {
    h.ok('apply', '-f', shellPod('retry', 'echo try; sleep 2; exit 1', 'OnFailure'));
    h.ok('apply', '-f', shellPod('again', 'echo done; sleep 2', 'Always'));
    h.ok('clock', 'advance', '3s');
    const out = h.ok('get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.reason}{"\\n"}{end}');
    expect(out).toBe(lines('again Running 1 Completed', 'retry Running 1 Error'));
    expect(h.ok('logs', 'retry', '--previous')).toBe('try\n');
  });

  it('crash loops as the cluster clock advances, backing off longer each time', () => {
    h.ok('apply', '-f', shellPod('loop', 'echo start; sleep 5; exit 1'));
    h.ok('clock', 'advance', '2m');
    const restarts = Number(h.ok('get', 'pod', 'loop', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'));
    // 5s runs with back-offs of 0, 10, 20, 40s (each plus the kubelet's 10-15s resync): 4 or 5 restarts.
    expect(restarts).toBeGreaterThanOrEqual(4);
    expect(restarts).toBeLessThanOrEqual(5);
    expect(h.ok('logs', 'loop')).toBe('start\n');
  });
});

describe('probes', () => {
  it('an exec readiness probe keeps the pod out of Ready until its file appears', () => {
    const probe = '    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/ready"]\n      periodSeconds: 5\n';
    h.ok('apply', '-f', podFile('slow', `  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 20; touch /tmp/ready; sleep 3600"]\n${probe}`));
    h.ok('clock', 'advance', '10s');
    expect(h.ok('get', 'pod', 'slow')).toBe(lines('NAME   READY   STATUS    RESTARTS   AGE', 'slow   0/1     Running   0          10s'));
    expect(h.ok('describe', 'pod', 'slow')).toMatch(/Warning {2}Unhealthy {2}.*kubelet +Readiness probe failed: cat: can't open '\/tmp\/ready': No such file or directory\n/);
    h.ok('clock', 'advance', '15s');
    expect(h.ok('get', 'pod', 'slow')).toBe(lines('NAME   READY   STATUS    RESTARTS   AGE', 'slow   1/1     Running   0          25s'));
  });

  it('a liveness probe restarts a container whose health file goes away', () => {
    const probe = '    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/healthy"]\n      initialDelaySeconds: 5\n      periodSeconds: 5\n';
    h.ok('apply', '-f', podFile('live', `  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]\n${probe}`));
    h.ok('clock', 'advance', '30s');
    expect(h.ok('get', 'pod', 'live', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}')).toBe('0');
    h.ok('clock', 'advance', '50s');
    const describe = h.ok('describe', 'pod', 'live');
    expect(describe).toContain('Container app failed liveness probe, will be restarted');
    expect(Number(h.ok('get', 'pod', 'live', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'))).toBeGreaterThanOrEqual(1);
  });
});

describe('kubectl exec', () => {
  it('runs hostname, printenv and a failing command, passing the exit code through', () => {
    h.ok('apply', '-f', podFile('box', '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n    env:\n    - name: GREETING\n      value: hello\n'));
    expect(h.ok('exec', 'box', '--', 'hostname')).toBe('box\n');
    expect(h.ok('exec', 'box', '--', 'printenv', 'GREETING')).toBe('hello\n');
    expect(h.ok('exec', 'box', '--', 'sh', '-c', 'echo $HOSTNAME')).toBe('box\n');
    expect(h.run(['exec', 'box', '--', 'sh', '-c', 'exit 7'])).toEqual({ stdout: '', stderr: 'command terminated with exit code 7\n', code: 7 });
    expect(h.run(['exec', 'box', '--', 'sh', '-c', 'curl http://example.com'])).toEqual({ stdout: '', stderr: 'sh: curl: not found\ncommand terminated with exit code 127\n', code: 127 });
  });

  it('passes stdin with -i, and reports a missing program as the runtime does', () => {
    h.ok('run', 'box', '--image=busybox:1.36', '--', 'sleep', '3600');
    expect(h.run(['exec', '-i', 'box', '--', 'cat'], { input: 'hello\n' }).stdout).toBe('hello\n');
    const r = h.run(['exec', 'box', '--', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('a container whose program does not exist fails with StartError', () => {
    h.ok('run', 'miss', '--image=busybox:1.36', '--restart=Never', '--command', '--', '/bin/nope');
    expect(h.ok('get', 'pod', 'miss')).toBe(lines('NAME   READY   STATUS       RESTARTS   AGE', 'miss   0/1     StartError   0          0s'));
    expect(h.ok('describe', 'pod', 'miss')).toContain(
      '      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown\n      Exit Code:    128\n',
    );
  });

  it('sleeps on the cluster clock', () => {
    h.ok('run', 'box', '--image=busybox:1.36', '--', 'sleep', '3600');
    const before = Date.parse(h.ok('clock', 'show').trim());
    h.ok('exec', 'box', '--', 'sleep', '5');
    expect(Date.parse(h.ok('clock', 'show').trim()) - before).toBe(5000);
  });

  it('resolves cluster names and fetches nginx\'s page from another pod', () => {
    h.ok('run', 'web', '--image=nginx:1.27');
    h.ok('run', 'box', '--image=busybox:1.36', '--', 'sleep', '3600');
    const ip = h.ok('get', 'pod', 'web', '-o', 'jsonpath={.status.podIP}');
    const page = h.ok('exec', 'box', '--', 'wget', '-qO-', `http://${ip}/`);
    expect(page).toContain('<title>Welcome to nginx!</title>');
    expect(h.ok('exec', 'web', '--', 'curl', '-s', `http://${ip}/`)).toBe(page);
    expect(h.ok('logs', 'web', '--tail=1')).toMatch(new RegExp(`^${ip.replace(/\./g, '\\.')} - - \\[26/Nov/2026:12:00:00 \\+0000\\] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\\n$`));
    const lookup = h.ok('exec', 'box', '--', 'nslookup', 'kubernetes.default.svc.cluster.local');
    expect(lookup).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
  });
});

describe('what a pod\'s containers share', () => {
  it('hostAliases in /etc/hosts', () => {
    const aliases = '  hostAliases:\n  - ip: "10.1.2.3"\n    hostnames: ["foo.remote", "bar.remote"]\n';
    h.ok('apply', '-f', podFile('hosts', '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n', aliases));
    const ip = h.ok('get', 'pod', 'hosts', '-o', 'jsonpath={.status.podIP}');
    expect(h.ok('exec', 'hosts', '--', 'cat', '/etc/hosts')).toBe(
      lines(
        '# Kubernetes-managed hosts file.',
        '127.0.0.1\tlocalhost',
        '::1\tlocalhost ip6-localhost ip6-loopback',
        'fe00::0\tip6-localnet',
        'fe00::0\tip6-mcastprefix',
        'fe00::1\tip6-allnodes',
        'fe00::2\tip6-allrouters',
        `${ip}\thosts`,
        '',
        '# Entries added by HostAliases.',
        '10.1.2.3\tfoo.remote\tbar.remote',
      ),
    );
  });

  it('localhost and an emptyDir between containers', () => {
    const containers = [
      '  - name: web',
      '    image: nginx:1.27',
      '    volumeMounts:',
      '    - name: html',
      '      mountPath: /usr/share/nginx/html',
      '  - name: writer',
      '    image: busybox:1.36',
      '    command: ["sh", "-c", "echo hello from the sidecar > /html/index.html; sleep 3600"]',
      '    volumeMounts:',
      '    - name: html',
      '      mountPath: /html',
      '',
    ].join('\n');
    h.ok('apply', '-f', podFile('pair', containers, '  volumes:\n  - name: html\n    emptyDir: {}\n'));
    expect(h.ok('exec', 'pair', '-c', 'writer', '--', 'wget', '-qO-', 'http://localhost/')).toBe('hello from the sidecar\n');
  });

  it('processes with shareProcessNamespace', () => {
    const containers = '  - name: web\n    image: nginx:1.27\n  - name: shell\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n';
    h.ok('apply', '-f', podFile('shared', containers, '  shareProcessNamespace: true\n'));
    const ps = h.ok('exec', 'shared', '-c', 'shell', '--', 'ps');
    expect(ps).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n/);
    expect(ps).toContain('/pause');
    expect(ps).toContain('sleep 3600');
    expect(ps).toContain('nginx');
  });
});

describe('the seed', () => {
  it('computes pi to 2000 digits in perl and reads it from the log', () => {
    const pi = '  - name: pi\n    image: perl:5.34.0\n    command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]\n';
    h.ok('apply', '-f', podFile('pi', pi, '  restartPolicy: Never\n'));
    const digits = h.ok('logs', 'pi');
    expect(digits.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(digits.trimEnd().length).toBe(2001);
    expect(h.ok('get', 'pod', 'pi', '-o', 'jsonpath={.status.phase}')).toBe('Succeeded');
  });
});

describe('hooks, sidecars, startup probes and the host network', () => {
  const manifest = (withSidecar: boolean) =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: hooks',
      'spec:',
      '  hostNetwork: true',
      ...(withSidecar
        ? ['  initContainers:', '  - name: side', '    image: busybox:1.36', '    restartPolicy: Always', '    command: ["sh", "-c", "echo sidecar up; sleep 3600"]']
        : []),
      '  containers:',
      '  - name: app',
      '    image: busybox:1.36',
      '    command: ["sh", "-c", "trap \'echo bye; exit 0\' TERM; echo started; while true; do sleep 1; done"]',
      '    lifecycle:',
      '      postStart:',
      '        exec:',
      '          command: ["sh", "-c", "echo hello > /tmp/poststart"]',
      '      preStop:',
      '        exec:',
      '          command: ["sh", "-c", "sleep 5"]',
      '    startupProbe:',
      '      exec:',
      '        command: ["cat", "/tmp/poststart"]',
      '      periodSeconds: 2',
      '',
    ].join('\n');

  it('runs postStart, passes the startup probe, starts the sidecar first, and uses the node\'s network', () => {
    h.ok('apply', '-f', h.file('hooks.yaml', manifest(true)));
    expect(h.ok('get', 'pod', 'hooks', '-o', 'jsonpath={.status.podIP} {.status.hostIP} {.status.containerStatuses[0].started}')).toBe('172.18.0.3 172.18.0.3 true');
    expect(h.ok('get', 'pod', 'hooks')).toBe(lines('NAME    READY   STATUS    RESTARTS   AGE', 'hooks   2/2     Running   0          0s'));
    expect(h.ok('exec', 'hooks', '-c', 'app', '--', 'sh', '-c', 'hostname; cat /tmp/poststart; head -1 /etc/hosts')).toBe(
      lines('pocket-worker', 'hello', '# Kubernetes-managed hosts file (host network).'),
    );
    expect(h.ok('logs', 'hooks', '-c', 'side')).toBe('sidecar up\n');
  });

  it('runs preStop before SIGTERM, and a trapped SIGTERM ends the shell', () => {
    h.ok('apply', '-f', h.file('hooks.yaml', manifest(false)));
    h.ok('delete', 'pod', 'hooks', '--wait=false');
    h.ok('clock', 'advance', '5500ms');
    expect(h.ok('get', 'pod', 'hooks')).toBe(lines('NAME    READY   STATUS        RESTARTS   AGE', 'hooks   1/1     Terminating   0          5s'));
    h.ok('clock', 'advance', '1s');
    expect(h.run(['get', 'pod', 'hooks']).stderr).toBe('Error from server (NotFound): pods "hooks" not found\n');
  });

  it('a failing postStart hook kills the container', () => {
    const spec = '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "echo no; exit 2"]\n';
    h.ok('apply', '-f', podFile('bad', spec, '  restartPolicy: Never\n'));
    h.ok('clock', 'advance', '31s');
    const describe = h.ok('describe', 'pod', 'bad');
    expect(describe).toMatch(/Warning {2}FailedPostStartHook {2}\d+s +kubelet +PostStartHook failed\n/);
    expect(describe).toMatch(/Normal +Killing +\d+s +kubelet +FailedPostStartHook\n/);
    expect(h.ok('get', 'pod', 'bad', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}')).toBe('Failed 137');
  });
});

describe('termination', () => {
  it('a shell that ignores SIGTERM holds its pod for the grace period', () => {
    h.ok('apply', '-f', shellPod('stubborn', 'sleep 3600'));
    const before = Date.parse(h.ok('clock', 'show').trim());
    expect(h.ok('delete', 'pod', 'stubborn')).toBe('pod "stubborn" deleted\n');
    expect(Date.parse(h.ok('clock', 'show').trim()) - before).toBe(30_000);
    expect(h.run(['get', 'pod', 'stubborn']).stderr).toBe('Error from server (NotFound): pods "stubborn" not found\n');
  });

  it('shows Terminating while the grace period runs', () => {
    h.ok('apply', '-f', shellPod('stubborn', 'sleep 3600'));
    h.ok('delete', 'pod', 'stubborn', '--wait=false');
    expect(h.ok('get', 'pod', 'stubborn')).toBe(lines('NAME       READY   STATUS        RESTARTS   AGE', 'stubborn   1/1     Terminating   0          0s'));
  });
});
