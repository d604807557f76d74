// Node health through the launcher: `pocketkube node pressure` starves a worker of memory and its
// kubelet evicts a BestEffort, a Burstable and a Guaranteed pod in that order, one per 10s, while
// the node is tainted so new pods go elsewhere; `node stop` makes the node NotReady after the 50s
// grace period, tainted unreachable, its pods marked for deletion by the taint eviction
// controller 300s on (Terminating until the kubelet is back);
// `node devices` advertises GPUs that pods then request.
import { afterAll, describe, expect, it } from 'vitest';
import { Home, throwawayHomes } from '../helpers/cli';

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: besteffort
  annotations:
    pocketkube.io/memory-usage: 300Mi
spec:
  nodeSelector:
    kubernetes.io/hostname: pocket-worker
  containers:
  - name: app
    image: nginx:1.25
---
apiVersion: v1
kind: Pod
metadata:
  name: burstable
  annotations:
    pocketkube.io/memory-usage: 150Mi
spec:
  nodeSelector:
    kubernetes.io/hostname: pocket-worker
  containers:
  - name: app
    image: nginx:1.25
    resources:
      requests:
        memory: 100Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: guaranteed
spec:
  nodeSelector:
    kubernetes.io/hostname: pocket-worker
  containers:
  - name: app
    image: nginx:1.25
    resources:
      requests: {cpu: 100m, memory: 200Mi}
      limits: {cpu: 100m, memory: 200Mi}
`;

const DIRECT = `apiVersion: v1
kind: Pod
metadata:
  name: direct
spec:
  nodeName: pocket-worker
  containers:
  - name: app
    image: nginx:1.25
`;

const LONELY = `apiVersion: v1
kind: Pod
metadata:
  name: lonely
spec:
  nodeSelector:
    kubernetes.io/hostname: pocket-worker
  containers:
  - name: app
    image: nginx:1.25
`;

/** The lines of a describe section, from its title to the next unindented line. */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${title}:`));
  const end = lines.findIndex((l, i) => i > start && l !== '' && !/^\s/.test(l));
  return lines.slice(start, end < 0 ? undefined : end);
}

const home = throwawayHomes();

describe('memory pressure and eviction', () => {
  // Each step reads what the cluster clock brought about in the ones before: one story, in order.
  it('in sequence: evicts a BestEffort, a Burstable and a Guaranteed pod in that order as time passes, words the eviction as the kubelet does, reports MemoryPressure and taints the node, and clears both 5m after the pressure is relieved', () => {
    const h = home();

    // Evicts a BestEffort, a Burstable and a Guaranteed pod in that order as time passes.
    h.ok('apply', '-f', h.file('pods.yaml', PODS));
    expect(h.ok('node', 'pressure', 'pocket-worker', '--memory=on')).toBe('node/pocket-worker memory.available forced to 50Mi\n');
    // Evicted pods are Failed with reason Evicted; kubectl v1.32 shows the reason their killed
    // container ended with in STATUS (nginx shuts down on SIGTERM: Completed), as on a real cluster.
    expect(h.ok('get', 'pods')).toBe(
      [
        'NAME         READY   STATUS      RESTARTS   AGE',
        'besteffort   0/1     Completed   0          0s',
        'burstable    1/1     Running     0          0s',
        'guaranteed   1/1     Running     0          0s',
        '',
      ].join('\n'),
    );
    h.ok('clock', 'advance', '9s');
    expect(h.ok('get', 'pod', 'burstable', '--no-headers')).toBe('burstable   1/1   Running   0     9s\n');
    h.ok('clock', 'advance', '1s');
    expect(h.ok('get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.status.reason}{"\\n"}{end}')).toBe(
      'besteffort Failed Evicted\nburstable Failed Evicted\nguaranteed Running \n',
    );
    h.ok('clock', 'advance', '10s');
    expect(h.ok('get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.status.reason}{"\\n"}{end}')).toBe('besteffort Evicted\nburstable Evicted\nguaranteed Evicted\n');

    // Words the eviction as the kubelet does, on the pod and in its events.
    const out = h.ok('describe', 'pod', 'besteffort');
    const message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 300Mi, request is 0, has larger consumption of memory. ';
    expect(out).toContain(`Status:           Failed\nReason:           Evicted\nMessage:          ${message}\n`);
    expect(out).toContain('    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n');
    expect(out).toContain('  DisruptionTarget            True \n');
    // describe trims event messages, the eviction's trailing space included.
    expect(out).toContain(`  Warning  Evicted    20s   kubelet            ${message.trimEnd()}\n  Normal   Killing    20s   kubelet            Stopping container app\n`);
    expect(h.ok('describe', 'pod', 'guaranteed')).toContain('Message:          The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. \n');

    // Reports MemoryPressure and taints the node, so new pods go elsewhere.
    const node = h.ok('describe', 'node', 'pocket-worker');
    expect(section(node, 'Taints')).toEqual(['Taints:             node.kubernetes.io/memory-pressure:NoSchedule']);
    expect(node).toContain(
      '  MemoryPressure   True    Thu, 26 Nov 2026 12:00:00 +0000   Thu, 26 Nov 2026 12:00:00 +0000   KubeletHasInsufficientMemory   kubelet has insufficient memory available\n',
    );
    expect(node).toContain('  Normal   NodeHasInsufficientMemory  20s               kubelet          Node pocket-worker status is now: NodeHasInsufficientMemory\n');
    expect(node).toContain('  Warning  EvictionThresholdMet       0s (x3 over 20s)  kubelet          Attempting to reclaim memory\n');
    // CoreDNS is system-cluster-critical and kube-proxy system-node-critical: the kubelet never evicts them.
    expect(node).toMatch(/\nNon-terminated Pods: {10}\(2 in total\)\n.*\n.*\n {2}kube-system {17}coredns-.*\n {2}kube-system {17}kube-proxy-/);
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=4');
    const nodes = h.ok('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}');
    expect(nodes).toBe('pocket-worker2\n'.repeat(4));
    // A BestEffort pod bound to the node past the scheduler is refused by the kubelet's admission:
    // it never runs, so STATUS is its reason.
    h.ok('apply', '-f', h.file('direct.yaml', DIRECT));
    expect(h.ok('get', 'pod', 'direct')).toBe('NAME     READY   STATUS    RESTARTS   AGE\ndirect   0/1     Evicted   0          0s\n');
    expect(h.ok('get', 'pod', 'direct', '-o', 'jsonpath={.status.message}')).toBe('The node had condition: [MemoryPressure]. ');

    // Clears the condition and the taint 5m after the pressure is relieved.
    expect(h.ok('node', 'pressure', 'pocket-worker', '--memory=off')).toBe('node/pocket-worker memory.available measured\n');
    h.ok('clock', 'advance', '4m59s');
    expect(section(h.ok('describe', 'node', 'pocket-worker'), 'Taints')).toEqual(['Taints:             node.kubernetes.io/memory-pressure:NoSchedule']);
    h.ok('clock', 'advance', '1s');
    const relieved = h.ok('describe', 'node', 'pocket-worker');
    expect(section(relieved, 'Taints')).toEqual(['Taints:             <none>']);
    expect(relieved).toContain(
      '  MemoryPressure   False   Thu, 26 Nov 2026 12:05:20 +0000   Thu, 26 Nov 2026 12:05:20 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available\n',
    );
  });
});

describe('disk pressure', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('evicts by ephemeral-storage use and reports DiskPressure', () => {
    h.ok('apply', '-f', h.file('pods.yaml', PODS.replace('pocketkube.io/memory-usage: 300Mi', 'pocketkube.io/disk-usage: 2Gi')));
    expect(h.ok('node', 'pressure', 'pocket-worker', '--disk-available=3Gi')).toBe('node/pocket-worker nodefs.available forced to 3Gi\n');
    expect(h.ok('get', 'pod', 'besteffort', '-o', 'jsonpath={.status.message}')).toBe(
      'The node was low on resource: ephemeral-storage. Threshold quantity: 10508926313, available: 3Gi. Container app was using 2Gi, request is 0, has larger consumption of ephemeral-storage. ',
    );
    const node = h.ok('describe', 'node', 'pocket-worker');
    expect(section(node, 'Taints')).toEqual(['Taints:             node.kubernetes.io/disk-pressure:NoSchedule']);
    expect(node).toContain('  DiskPressure     True    Thu, 26 Nov 2026 12:00:00 +0000   Thu, 26 Nov 2026 12:00:00 +0000   KubeletHasDiskPressure       kubelet has disk pressure\n');
    expect(h.ok('get', 'pods', '--no-headers')).toBe('besteffort   0/1   Completed   0     0s\nburstable    1/1   Running     0     0s\nguaranteed   1/1   Running     0     0s\n');
    expect(node).toContain('  Warning  EvictionThresholdMet     0s    kubelet          Attempting to reclaim ephemeral-storage\n');
  });
});

describe('a node whose kubelet stops', () => {
  // Each step reads what the cluster clock brought about in the ones before: one story, in order.
  it('in sequence: goes NotReady after the 50s grace period and is tainted unreachable, has its pods marked for deletion when their 300s toleration of unreachable runs out, and comes back Ready with its taints removed when the kubelet starts again', () => {
    const h = home();

    // Goes NotReady after the 50s grace period and is tainted unreachable.
    h.ok('apply', '-f', h.file('lonely.yaml', LONELY));
    expect(h.ok('node', 'stop', 'pocket-worker')).toBe('node/pocket-worker stopped\n');
    expect(h.ok('node', 'stop', 'pocket-worker')).toBe('node/pocket-worker already stopped\n');
    h.ok('clock', 'advance', '49s');
    expect(h.ok('get', 'node', 'pocket-worker', '--no-headers')).toBe('pocket-worker   Ready   <none>   49s   v1.32.0\n');
    h.ok('clock', 'advance', '1s');
    expect(h.ok('get', 'nodes')).toBe(
      [
        'NAME                   STATUS     ROLES           AGE   VERSION',
        'pocket-control-plane   Ready      control-plane   50s   v1.32.0',
        'pocket-worker          NotReady   <none>          50s   v1.32.0',
        'pocket-worker2         Ready      <none>          50s   v1.32.0',
        '',
      ].join('\n'),
    );
    const node = h.ok('describe', 'node', 'pocket-worker');
    expect(section(node, 'Taints')).toEqual(['Taints:             node.kubernetes.io/unreachable:NoExecute', '                    node.kubernetes.io/unreachable:NoSchedule']);
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready          '])
      expect(node).toContain(`  ${type.trim().padEnd(15)}  Unknown   Thu, 26 Nov 2026 12:00:00 +0000   Thu, 26 Nov 2026 12:00:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.\n`);
    expect(node).toContain('  Normal  NodeNotReady             0s    node-controller  Node pocket-worker status is now: NodeNotReady\n');
    expect(h.ok('get', 'node', 'pocket-worker', '-o', 'jsonpath={.spec.taints}')).toBe(
      '[{"effect":"NoSchedule","key":"node.kubernetes.io/unreachable","timeAdded":"2026-11-26T12:00:50Z"},{"effect":"NoExecute","key":"node.kubernetes.io/unreachable","timeAdded":"2026-11-26T12:00:50Z"}]',
    );
    expect(h.ok('get', 'events', '--field-selector', 'involvedObject.name=lonely,reason=NodeNotReady', '--no-headers')).toMatch(/^0s\s+Warning\s+NodeNotReady\s+pod\/lonely\s+Node is not ready\n$/);
    // The pod is marked not ready; its containers' statuses, which READY counts, are the kubelet's.
    expect(h.ok('get', 'pod', 'lonely', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}')).toBe('False');
    expect(h.ok('get', 'pods')).toBe('NAME     READY   STATUS    RESTARTS   AGE\nlonely   1/1     Running   0          50s\n');

    // Has its pods marked for deletion when their 300s toleration of unreachable runs out.
    h.ok('clock', 'advance', '299s');
    expect(h.ok('get', 'events', '--field-selector', 'reason=TaintManagerEviction', '--no-headers')).toBe('');
    h.ok('clock', 'advance', '1s');
    expect(h.ok('get', 'events', '--field-selector', 'reason=TaintManagerEviction', '--no-headers')).toMatch(
      /^0s\s+Normal\s+TaintManagerEviction\s+pod\/lonely\s+Marking for deletion Pod default\/lonely\n$/,
    );
    // Its kubelet is not there to finish the deletion: the pod stays Terminating.
    expect(h.ok('get', 'pods')).toBe('NAME     READY   STATUS        RESTARTS   AGE\nlonely   1/1     Terminating   0          5m50s\n');

    // Comes back Ready with its taints removed when the kubelet starts again.
    expect(h.ok('node', 'start', 'pocket-worker')).toBe('node/pocket-worker started\n');
    expect(h.ok('node', 'start', 'pocket-worker')).toBe('node/pocket-worker already started\n');
    const back = h.ok('describe', 'node', 'pocket-worker');
    expect(section(back, 'Taints')).toEqual(['Taints:             <none>']);
    expect(back).toContain(
      '  Ready            True    Thu, 26 Nov 2026 12:05:50 +0000   Thu, 26 Nov 2026 12:05:50 +0000   KubeletReady                 kubelet is posting ready status\n',
    );
    // The kubelet's events repeat those of its registration, so they are counted.
    expect(back).toContain('  Normal  NodeReady                0s (x2 over 5m50s)  kubelet          Node pocket-worker status is now: NodeReady\n');
    // Back, the kubelet finishes what was asked of it while it was away.
    expect(h.run(['get', 'pods'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });
});

describe('device plugins', () => {
  /** A home of its own whose pocket-worker2 advertises two GPUs. */
  const withGpus = () => {
    const h = home();
    h.ok('node', 'devices', 'pocket-worker2', 'nvidia.com/gpu=2');
    return h;
  };
  const gpuPod = (name: string, count: number) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: cuda
    image: nginx:1.25
    resources:
      limits:
        nvidia.com/gpu: ${count}
`;

  it('advertises extended resources in capacity and allocatable', () => {
    const h = home();
    expect(h.ok('node', 'devices', 'pocket-worker2', 'nvidia.com/gpu=2')).toBe('node/pocket-worker2 nvidia.com/gpu=2\n');
    expect(h.ok('node', 'devices', 'pocket-worker2')).toBe('nvidia.com/gpu=2\n');
    expect(h.ok('get', 'node', 'pocket-worker2', '-o', 'jsonpath={.status.capacity.nvidia\\.com/gpu} {.status.allocatable.nvidia\\.com/gpu}')).toBe('2 2');
    const node = h.ok('describe', 'node', 'pocket-worker2');
    expect(section(node, 'Capacity')).toContain('  nvidia.com/gpu:     2');
    expect(section(node, 'Allocatable')).toContain('  nvidia.com/gpu:     2');
  });

  it('places a pod that requests a GPU on the node that has one, and counts it', () => {
    const h = withGpus();
    h.ok('apply', '-f', h.file('cuda.yaml', gpuPod('cuda', 1)));
    expect(h.ok('get', 'pod', 'cuda', '-o', 'jsonpath={.spec.nodeName} {.status.phase}')).toBe('pocket-worker2 Running');
    expect(section(h.ok('describe', 'node', 'pocket-worker2'), 'Allocated resources')).toContain('  nvidia.com/gpu     1          1');
    h.ok('apply', '-f', h.file('cuda2.yaml', gpuPod('cuda2', 2)));
    expect(h.ok('get', 'pod', 'cuda2', '-o', 'jsonpath={.status.phase} {.spec.nodeName}')).toBe('Pending ');
  });

  it('leaves a removed plugin\'s resource at 0, as the kubelet does', () => {
    const h = withGpus();
    expect(h.ok('node', 'devices', 'pocket-worker2', 'nvidia.com/gpu-')).toBe('node/pocket-worker2 nvidia.com/gpu=0\n');
    expect(h.ok('get', 'node', 'pocket-worker2', '-o', 'jsonpath={.status.allocatable.nvidia\\.com/gpu}')).toBe('0');
  });
});

describe('pocketkube node errors', () => {
  const h = new Home();
  afterAll(() => h.remove());
  const fails = (args: string[], stderr: string) => expect(h.run(args)).toEqual({ code: 1, stdout: '', stderr });

  it('reports what kubectl would', () => {
    fails(['node', 'stop', 'nosuch'], 'Error from server (NotFound): nodes "nosuch" not found\n');
    fails(['node', 'pressure', 'nosuch', '--memory=on'], 'Error from server (NotFound): nodes "nosuch" not found\n');
    fails(['node', 'stop'], "error: USAGE: node stop NODE [flags]\nSee 'kubectl node stop -h' for help and examples\n");
    fails(['node', 'pressure', 'pocket-worker'], 'error: at least one of --memory, --memory-available, --disk or --disk-available is required\n');
    fails(['node', 'pressure', 'pocket-worker', '--memory=yes'], 'error: --memory must be "on" or "off", not "yes"\n');
    fails(['node', 'pressure', 'pocket-worker', '--memory=on', '--memory-available=1Mi'], 'error: --memory and --memory-available cannot be used together\n');
    fails(
      ['node', 'pressure', 'pocket-worker', '--disk-available=lots'],
      `error: invalid --disk-available "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
    );
    fails(['node', 'devices', 'pocket-worker', 'gpu=1'], 'error: "gpu" is not an extended resource name: it must be a domain-qualified name outside kubernetes.io, e.g. example.com/gpu\n');
    fails(['node', 'devices', 'pocket-worker', 'nvidia.com/gpu=two'], 'error: invalid count "two" for nvidia.com/gpu: must be a non-negative integer\n');
    fails(['node', 'frobnicate'], "error: unknown command \"frobnicate\"\nSee 'kubectl node -h' for help and examples\n");
  });
});
