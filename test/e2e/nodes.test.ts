// Nodes through the launcher: the scheduler's FailedScheduling verdicts and pods placed once room
// appears; cordon, uncordon, taint and drain with kubectl's output and errors; NoExecute taints
// evicting pods at once or when tolerationSeconds run out on the cluster clock.
import { afterAll, describe, expect, it } from 'vitest';
import { Home, throwawayHomes } from '../helpers/cli';
import { deploymentManifest } from '../helpers/manifests';

/** A pod manifest; `spec` adds lines to its spec (indented two spaces). */
function podManifest(name: string, spec = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}  containers:
  - name: c
    image: nginx:1.25
`;
}

/** The scheduler's rows of `describe pod`'s Events table, with the table's header. */
function schedulerEvents(describe: string): string {
  const events = describe.slice(describe.indexOf('Events:\n'));
  return events
    .split('\n')
    .filter((l, i) => i < 3 || l.includes('default-scheduler'))
    .join('\n');
}

const CONTROL_PLANE_TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

const home = throwawayHomes();

describe('scheduling verdicts', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('explains why a pod fits nowhere, in its condition and its FailedScheduling event', () => {
    h.ok('apply', '-f', h.file('big.yaml', podManifest('big', '  resources: {}\n').replace('    image: nginx:1.25\n', '    image: nginx:1.25\n    resources:\n      requests:\n        cpu: "8"\n')));
    const message = `0/3 nodes are available: ${CONTROL_PLANE_TAINT}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`;
    expect(h.ok('get', 'pod', 'big')).toBe('NAME   READY   STATUS    RESTARTS   AGE\nbig    0/1     Pending   0          0s\n');
    const d = h.ok('describe', 'pod', 'big');
    expect(d).toContain('Conditions:\n  Type           Status\n  PodScheduled   False \n');
    expect(d.slice(d.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type     Reason            Age   From               Message',
        '  ----     ------            ----  ----               -------',
        `  Warning  FailedScheduling  0s    default-scheduler  ${message}`,
        '',
      ].join('\n'),
    );
    expect(h.ok('get', 'pod', 'big', '-o', 'jsonpath={.status.conditions[0].reason}: {.status.conditions[0].message}')).toBe(`Unschedulable: ${message}`);
  });

  it('places a pod once a node gets the label its nodeSelector asks for', () => {
    h.ok('apply', '-f', h.file('picky.yaml', podManifest('picky', '  nodeSelector:\n    disk: ssd\n')));
    expect(h.ok('get', 'pod', 'picky', '-o', 'jsonpath={.status.phase} {.spec.nodeName}')).toBe('Pending ');
    expect(h.ok('label', 'node', 'pocket-worker2', 'disk=ssd')).toBe('node/pocket-worker2 labeled\n');
    expect(h.ok('get', 'pod', 'picky', '-o', 'jsonpath={.status.phase} {.spec.nodeName}')).toBe('Running pocket-worker2');
    expect(schedulerEvents(h.ok('describe', 'pod', 'picky'))).toBe(
      [
        'Events:',
        '  Type     Reason            Age   From               Message',
        '  ----     ------            ----  ----               -------',
        `  Warning  FailedScheduling  0s    default-scheduler  0/3 nodes are available: ${CONTROL_PLANE_TAINT}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
        '  Normal   Scheduled         0s    default-scheduler  Successfully assigned default/picky to pocket-worker2',
      ].join('\n'),
    );
  });
});

describe('extended resources', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('fits pods to the devices a node advertises', () => {
    h.ok('node', 'devices', 'pocket-worker', 'nvidia.com/gpu=2');
    const gpus = (name: string, n: number) => podManifest(name).replace('    image: nginx:1.25\n', `    image: nginx:1.25\n    resources:\n      limits:\n        nvidia.com/gpu: "${n}"\n`);
    h.ok('apply', '-f', h.file('three.yaml', gpus('three', 3)));
    h.ok('apply', '-f', h.file('two.yaml', gpus('two', 2)));
    expect(h.ok('get', 'pod', 'two', '-o', 'jsonpath={.spec.nodeName}')).toBe('pocket-worker');
    expect(h.ok('get', 'pod', 'three', '-o', 'jsonpath={.status.conditions[0].message}')).toBe(
      `0/3 nodes are available: ${CONTROL_PLANE_TAINT}, 2 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
    );
  });
});

describe('kubectl cordon, uncordon and taint', () => {
  it('cordons and uncordons, saying when nothing changes', () => {
    const h = home();
    expect(h.ok('cordon', 'pocket-worker')).toBe('node/pocket-worker cordoned\n');
    expect(h.ok('cordon', 'pocket-worker')).toBe('node/pocket-worker already cordoned\n');
    expect(h.ok('cordon', 'pocket-worker2', '--dry-run=client')).toBe('node/pocket-worker2 cordoned (dry run)\n');
    expect(h.ok('get', 'nodes')).toBe(
      [
        'NAME                   STATUS                     ROLES           AGE   VERSION',
        'pocket-control-plane   Ready                      control-plane   0s    v1.32.0',
        'pocket-worker          Ready,SchedulingDisabled   <none>          0s    v1.32.0',
        'pocket-worker2         Ready                      <none>          0s    v1.32.0',
        '',
      ].join('\n'),
    );
    expect(h.ok('get', 'node', 'pocket-worker', '-o', 'jsonpath={.spec}')).toBe(
      '{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"taints":[{"effect":"NoSchedule","key":"node.kubernetes.io/unschedulable","timeAdded":"2026-11-26T12:00:00Z"}],"unschedulable":true}',
    );
    expect(h.ok('uncordon', 'pocket-worker', 'pocket-worker2')).toBe('node/pocket-worker uncordoned\nnode/pocket-worker2 already uncordoned\n');
    expect(h.ok('cordon', '-l', 'kubernetes.io/hostname=pocket-worker2')).toBe('node/pocket-worker2 cordoned\n');
    expect(h.ok('uncordon', '-l', 'kubernetes.io/hostname=pocket-worker2')).toBe('node/pocket-worker2 uncordoned\n');
  });

  it('fails like kubectl', () => {
    const h = home();
    const cases: [string[], string][] = [
      [['cordon'], "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"],
      [['uncordon', 'a', '-l', 'x=y'], "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n"],
      [['cordon', 'pocket-worker', 'nosuch'], 'Error from server (NotFound): nodes "nosuch" not found\n'],
      [['taint'], 'error: one or more resources must be specified as <resource> <name>\n'],
      [['taint', 'nodes', 'pocket-worker'], 'error: at least one taint update is required\n'],
      [['taint', 'nodes', 'x', 'k=v:Sometimes'], "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n"],
      [['taint', 'nodes', 'x', 'k=v'], "error: invalid taint spec: k=v, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n"],
      [['taint', 'nodes', 'x', 'a=b=c:NoSchedule'], "error: invalid taint spec: a=b=c:NoSchedule\nSee 'kubectl taint -h' for help and examples\n"],
      [['taint', 'nodes', 'x', 'k=v:NoSchedule', 'k=w:NoSchedule'], "error: duplicated taints with the same key and effect: {k w NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n"],
      [['taint', 'nodes', 'x', 'k=v:NoSchedule', 'y'], 'error: all resources must be specified before taint changes: y\n'],
      [['taint', 'pods', 'x', 'k=v:NoSchedule'], 'error: invalid resource type pods, only node types are supported\n'],
      [['taint', 'nodes', 'k=v:NoSchedule'], "error: at least one resource name must be specified since 'all' parameter is not set\n"],
      [['taint', 'nodes', '--all', '-l', 'a=b', 'k=v:NoSchedule'], "error: setting 'all' parameter with a non empty selector is prohibited\n"],
      [['taint', 'nodes', 'x', 'k:NoSchedule-', 'k=v:NoSchedule'], 'error: can not both modify and remove the following taint(s) in the same command: k=NoSchedule\n'],
      [['taint', 'nodes', 'nosuch', 'k=v:NoSchedule'], 'Error from server (NotFound): nodes "nosuch" not found\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = h.run(args);
      expect([args.join(' '), r.code, r.stdout, r.stderr]).toEqual([args.join(' '), 1, '', stderr]);
    }
  });

  it('taints, refuses to overwrite, modifies and untaints', () => {
    const h = home();
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'dedicated=gpu:NoSchedule')).toBe('node/pocket-worker tainted\n');
    const again = h.run(['taint', 'nodes', 'pocket-worker', 'dedicated=cpu:NoSchedule']);
    expect([again.code, again.stderr]).toEqual([1, 'error: node pocket-worker already has dedicated taint(s) with same effect(s) and --overwrite is false\n']);
    expect(h.ok('taint', 'node', 'pocket-worker', 'dedicated=cpu:NoSchedule', '--overwrite')).toBe('node/pocket-worker modified\n');
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'spot:PreferNoSchedule', '-o', 'jsonpath={.spec.taints}')).toBe(
      '[{"effect":"PreferNoSchedule","key":"spot"},{"effect":"NoSchedule","key":"dedicated","value":"cpu"}]',
    );
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'spot-', 'other=x:NoExecute', '--dry-run=client')).toBe('node/pocket-worker modified\n');
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'spot-')).toBe('node/pocket-worker untainted\n');
    const missing = h.run(['taint', 'nodes', 'pocket-worker', 'spot:PreferNoSchedule-', 'nope-']);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', 'taint "spot:PreferNoSchedule" not found\ntaint "nope" not found\n']);
    const one = h.run(['taint', 'nodes', 'pocket-worker', 'nope-']);
    expect([one.code, one.stderr]).toEqual([1, 'error: taint "nope" not found\n']);
    expect(h.ok('taint', 'nodes', '--all', 'zone=a:PreferNoSchedule')).toBe('node/pocket-control-plane tainted\nnode/pocket-worker tainted\nnode/pocket-worker2 tainted\n');
    expect(h.ok('taint', 'nodes', '-l', 'kubernetes.io/hostname=pocket-worker2', 'zone-', '-o', 'name')).toBe('node/pocket-worker2\n');
  });

  it('keeps new pods off tainted and cordoned nodes until the taint is gone', () => {
    const h = home();
    h.ok('taint', 'nodes', 'pocket-worker', 'dedicated=cpu:NoSchedule');
    h.ok('cordon', 'pocket-worker2');
    h.ok('apply', '-f', h.file('waiting.yaml', podManifest('waiting')));
    const pending = `  Warning  FailedScheduling  0s    default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: cpu}, ${CONTROL_PLANE_TAINT}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`;
    expect(schedulerEvents(h.ok('describe', 'pod', 'waiting')).split('\n')[3]).toBe(pending);
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'dedicated:NoSchedule-')).toBe('node/pocket-worker untainted\n');
    expect(h.ok('get', 'pod', 'waiting', '-o', 'jsonpath={.spec.nodeName}')).toBe('pocket-worker');
    expect(schedulerEvents(h.ok('describe', 'pod', 'waiting')).split('\n').slice(3)).toEqual([pending, '  Normal   Scheduled         0s    default-scheduler  Successfully assigned default/waiting to pocket-worker']);
  });
});

/** kube-proxy's pod, which every node runs (a DaemonSet's: drain leaves it with --ignore-daemonsets). */
const isDaemonPod = (p: string) => p.startsWith('kube-system/kube-proxy-');

describe('kubectl drain', () => {
  /** namespace/name of the pods on a node, in the order the API lists them. */
  const podsOn = (h: Home, node: string) =>
    h.ok('get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}').trim().split('\n');

  it('refuses a pod that declares no controller, and drains the rest of the way with --force', () => {
    const h = home();
    h.ok('apply', '-f', h.file('web.yaml', deploymentManifest('web', { spec: '  replicas: 4\n' })));
    h.ok('apply', '-f', h.file('bare.yaml', podManifest('bare', '  nodeName: pocket-worker\n')));
    const all = podsOn(h, 'pocket-worker');
    expect(all).toContain('default/bare');
    const before = all.filter((p) => !isDaemonPod(p));
    const proxy = all.find(isDaemonPod)!;
    const warning = `Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: ${proxy}\n`;

    const refused = h.run(['drain', 'pocket-worker', '--ignore-daemonsets']);
    expect(refused).toEqual({
      code: 1,
      stdout: 'node/pocket-worker cordoned\n',
      stderr: [
        'error: unable to drain node "pocket-worker" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...',
        'There are pending nodes to be drained:',
        ' pocket-worker',
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare',
        '',
      ].join('\n'),
    });

    const dry = h.run(['drain', 'pocket-worker', '--force', '--ignore-daemonsets', '--dry-run=client']);
    expect(dry.stdout).toBe(['node/pocket-worker already cordoned (dry run)', ...before.map((p) => `evicting pod ${p} (dry run)`), 'node/pocket-worker drained (dry run)', ''].join('\n'));
    expect(dry.stderr).toBe(warning);

    const drained = h.run(['drain', 'pocket-worker', '--force', '--ignore-daemonsets']);
    expect(drained).toEqual({
      code: 0,
      stdout: [
        'node/pocket-worker already cordoned',
        ...before.map((p) => `evicting pod ${p}`),
        ...before.map((p) => `pod/${p.split('/')[1]} evicted`),
        'node/pocket-worker drained',
        '',
      ].join('\n'),
      stderr: warning,
    });
    // The Deployment's pods come back on the other worker; the bare pod is gone for good.
    expect(h.ok('get', 'deploy', 'web')).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    4/4     4            4           0s\n');
    expect(h.ok('get', 'pods', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}').trim().split('\n')).toEqual(Array(4).fill('pocket-worker2'));
    expect(h.run(['get', 'pod', 'bare']).stderr).toBe('Error from server (NotFound): pods "bare" not found\n');
    expect(podsOn(h, 'pocket-worker')).toEqual([proxy]);
    expect(h.ok('drain', 'pocket-worker', '--ignore-daemonsets')).toBe('node/pocket-worker already cordoned\nnode/pocket-worker drained\n');
  });

  it('refuses pods with local storage and names each kind of refusal', () => {
    // A worker drained of what the cluster put there, so only this case's pods are on it.
    const h = home();
    h.ok('drain', 'pocket-worker', '--force', '--ignore-daemonsets');
    h.ok('uncordon', 'pocket-worker');
    h.ok('apply', '-f', h.file('scratch.yaml', deploymentManifest('scratch', { spec: '  replicas: 1\n' }).replace('      containers:\n', '      nodeName: pocket-worker\n      volumes:\n      - name: tmp\n        emptyDir: {}\n      containers:\n')));
    h.ok('apply', '-f', h.file('bare2.yaml', podManifest('bare2', '  nodeName: pocket-worker\n')));
    const scratch = podsOn(h, 'pocket-worker').find((p) => p.startsWith('default/scratch-'))!;
    const proxy = podsOn(h, 'pocket-worker').find(isDaemonPod)!;
    const r = h.run(['drain', 'pocket-worker', '--timeout=30s']);
    const local = `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${scratch}`;
    const unmanaged = 'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare2';
    const daemon = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${proxy}`;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        `error: unable to drain node "pocket-worker" due to error: [${unmanaged}, ${local}, ${daemon}], continuing command...`,
        'There are pending nodes to be drained:',
        ' pocket-worker',
        unmanaged,
        local,
        daemon,
        '',
      ].join('\n'),
    );
    const ok = h.run(['drain', 'pocket-worker', '--force', '--delete-emptydir-data', '--ignore-daemonsets', '--disable-eviction', '--grace-period=5']);
    expect(ok.stdout).toBe(['node/pocket-worker already cordoned', 'pod/bare2 deleted', `pod/${scratch.split('/')[1]} deleted`, 'node/pocket-worker drained', ''].join('\n'));
    expect(ok.stderr).toBe(`Warning: deleting Pods that declare no controller: default/bare2; ignoring DaemonSet-managed Pods: ${proxy}\n`);
  });

  it('checks its arguments as kubectl does', () => {
    const h = home();
    const cases: [string[], string][] = [
      [['drain'], "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n"],
      [['drain', 'x', '-l', 'a=b'], "error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples\n"],
      [['drain', 'x', '--pod-selector=a=b=c'], 'error: --pod-selector=<pod_selector> must be a valid label selector\n'],
      [['drain', 'nosuch'], 'Error from server (NotFound): nodes "nosuch" not found\n'],
      [['drain', 'x', '--timeout=5'], "Error: invalid argument \"5\" for \"--timeout\" flag: time: missing unit in duration \"5\"\nSee 'kubectl drain --help' for usage.\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = h.run(args);
      expect([args.join(' '), r.code, r.stdout, r.stderr]).toEqual([args.join(' '), 1, '', stderr]);
    }
  });
});

describe('NoExecute taints', () => {
  const h = new Home();
  afterAll(() => h.remove());

  const evictionEvents = () =>
    h.ok('get', 'events', '-o', 'jsonpath={range .items[?(@.reason=="TaintManagerEviction")]}{.source.component} {.involvedObject.name}: {.message}{"\\n"}{end}');

  it('evicts pods that do not tolerate the taint at once, and the others when their tolerationSeconds run out', () => {
    const on = '  nodeName: pocket-worker\n';
    const tolerate = (seconds: string) => `${on}  tolerations:\n  - key: maintenance\n    operator: Exists\n    effect: NoExecute\n${seconds}`;
    h.ok('apply', '-f', h.file('plain.yaml', podManifest('plain', on)));
    h.ok('apply', '-f', h.file('patient.yaml', podManifest('patient', tolerate('    tolerationSeconds: 300\n'))));
    h.ok('apply', '-f', h.file('lucky.yaml', podManifest('lucky', tolerate('    tolerationSeconds: 600\n'))));
    h.ok('apply', '-f', h.file('stubborn.yaml', podManifest('stubborn', tolerate(''))));
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'maintenance=now:NoExecute')).toBe('node/pocket-worker tainted\n');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/lucky\npod/patient\npod/stubborn\n');
    expect(evictionEvents()).toBe('taint-eviction-controller plain: Marking for deletion Pod default/plain\n');

    expect(h.ok('clock', 'advance', '4m')).toBe('2026-11-26T12:04:00Z\n');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/lucky\npod/patient\npod/stubborn\n');
    expect(h.ok('clock', 'advance', '1m')).toBe('2026-11-26T12:05:00Z\n');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/lucky\npod/stubborn\n');
    // Events list by name: the object's name, then the time.
    expect(evictionEvents()).toBe(
      'taint-eviction-controller patient: Marking for deletion Pod default/patient\ntaint-eviction-controller plain: Marking for deletion Pod default/plain\n',
    );

    // The taint goes before lucky's ten minutes are up: its eviction is cancelled.
    expect(h.ok('taint', 'nodes', 'pocket-worker', 'maintenance-')).toBe('node/pocket-worker untainted\n');
    h.ok('clock', 'advance', '10m');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/lucky\npod/stubborn\n');
    expect(evictionEvents().split('\n')[0]).toBe('taint-eviction-controller lucky: Cancelling deletion of Pod default/lucky');
  });
});

describe('a node that stops answering', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('loses its pods when the default 300s tolerations of unreachable run out, and cannot be drained in time', () => {
    h.ok('apply', '-f', h.file('web.yaml', deploymentManifest('web', { spec: '  replicas: 2\n' })));
    const onWorker = () => h.ok('get', 'pods', '-A', '--field-selector', 'spec.nodeName=pocket-worker', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}').trim().split('\n');
    const all = onWorker();
    // kube-proxy tolerates every taint: it stays, and drain leaves it with --ignore-daemonsets.
    const before = all.filter((p) => !isDaemonPod(p));
    const proxy = all.find(isDaemonPod)!;
    h.ok('node', 'stop', 'pocket-worker');
    h.ok('clock', 'advance', '1m');
    // Unreachable since 12:00:50 (the node controller's grace period): evicted at 12:05:50.
    h.ok('clock', 'advance', '4m49s');
    expect(h.ok('get', 'pods', '-A', '--field-selector', 'status.phase=Running,spec.nodeName=pocket-worker', '-o', 'name').trim().split('\n')).toHaveLength(all.length);
    h.ok('clock', 'advance', '1s');
    const events = h.ok('get', 'events', '-A', '-o', 'jsonpath={range .items[?(@.reason=="TaintManagerEviction")]}{.message}{"\\n"}{end}');
    expect(events.trim().split('\n').sort()).toEqual(before.map((p) => `Marking for deletion Pod ${p}`).sort());
    // The kubelet is not there to finish them: they stay Terminating, and drain gives up at its timeout.
    const r = h.run(['drain', 'pocket-worker', '--timeout=20s', '--ignore-daemonsets']);
    const waits = before.map((p) => `error when waiting for pod ${JSON.stringify(p.split('/')[1])} in namespace ${JSON.stringify(p.split('/')[0])} to terminate: context deadline exceeded`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(['node/pocket-worker cordoned', ...before.map((p) => `evicting pod ${p}`), ''].join('\n'));
    expect(r.stderr).toBe(
      [
        `Warning: ignoring DaemonSet-managed Pods: ${proxy}`,
        `There are pending pods in node "pocket-worker" when an error occurred: [${waits.join(', ')}]`,
        ...before.map((p) => `pod/${p.split('/')[1]}`),
        `error: unable to drain node "pocket-worker" due to error: [${waits.join(', ')}], continuing command...`,
        'There are pending nodes to be drained:',
        ' pocket-worker',
        ...waits,
        '',
      ].join('\n'),
    );
    expect(h.ok('clock', 'show')).toBe('2026-11-26T12:06:10Z\n');
    // Deleted (their grace period over) more than 5s ago: left alone.
    h.ok('clock', 'advance', '1m');
    const skipped = h.run(['drain', 'pocket-worker', '--skip-wait-for-delete-timeout=5', '--ignore-daemonsets']);
    expect([skipped.code, skipped.stdout]).toEqual([0, ['node/pocket-worker already cordoned', 'node/pocket-worker drained', ''].join('\n')]);
  });
});

describe('drain and DaemonSet pods', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('refuses DaemonSet-managed pods unless told to ignore them, and never evicts them', () => {
    // kube-proxy runs on every node, as kubeadm installs it.
    const agent = h.ok('get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy', '--field-selector', 'spec.nodeName=pocket-worker2', '-o', 'name').trim().slice('pod/'.length);
    const others = h
      .ok('get', 'pods', '-A', '--field-selector', 'spec.nodeName=pocket-worker2', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}')
      .trim()
      .split('\n')
      .filter((p) => p !== `kube-system/${agent}`);
    const refused = h.run(['drain', 'pocket-worker2']);
    const fatal = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${agent}`;
    expect(refused).toEqual({
      code: 1,
      stdout: 'node/pocket-worker2 cordoned\n',
      stderr: `error: unable to drain node "pocket-worker2" due to error: ${fatal}, continuing command...\nThere are pending nodes to be drained:\n pocket-worker2\n${fatal}\n`,
    });
    const drained = h.run(['drain', 'pocket-worker2', '--ignore-daemonsets']);
    expect(drained).toEqual({
      code: 0,
      stdout: ['node/pocket-worker2 already cordoned', ...others.map((p) => `evicting pod ${p}`), ...others.map((p) => `pod/${p.split('/')[1]} evicted`), 'node/pocket-worker2 drained', ''].join('\n'),
      stderr: `Warning: ignoring DaemonSet-managed Pods: kube-system/${agent}\n`,
    });
    // Cordoned, the node keeps its daemon pod: a DaemonSet's pods tolerate the unschedulable taint.
    expect(h.ok('get', 'pod', '-n', 'kube-system', agent, '-o', 'jsonpath={.spec.nodeName}')).toBe('pocket-worker2');
  });
});
