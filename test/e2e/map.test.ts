// pocketkube map on the default cluster with a Deployment too big for it: the launcher's output
// piped (no colour), exactly; and the real program with its standard output a terminal, where
// colour comes on unless NO_COLOR is set (to anything, the empty string too).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { WALLCLOCK, type Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

// Three replicas asking 3 CPUs each: one per worker (4 CPUs, coredns holds 100m), the third pending.
const BIG = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: 3
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: app
        image: nginx:1.25
        resources:
          requests:
            cpu: "3"
            memory: 1Gi
`;

const MAP = `Cluster at 2026-11-26T12:00:00Z: 3 nodes, 12 pods, 1 not scheduled
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ pocket-control-plane  Ready  control-plane                                               │
├─────────────────┬────────────────────────────────────────────────────────────────────────┤
│ Conditions      │ Ready=True MemoryPressure=False DiskPressure=False PIDPressure=False   │
│ Taints          │ node-role.kubernetes.io/control-plane:NoSchedule                       │
│ Unschedulable   │ false                                                                  │
│ CPU requests    │ 650m (16%) of 4                                                        │
│ Memory requests │ 100Mi (1%) of 8131940Ki                                                │
│ Pods (5)        │ kube-system/etcd-pocket-control-plane                     Running  1/1 │
│                 │ kube-system/kube-apiserver-pocket-control-plane           Running  1/1 │
│                 │ kube-system/kube-controller-manager-pocket-control-plane  Running  1/1 │
│                 │ kube-system/kube-proxy-jbx8w                              Running  1/1 │
│                 │ kube-system/kube-scheduler-pocket-control-plane           Running  1/1 │
└─────────────────┴────────────────────────────────────────────────────────────────────────┘
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ pocket-worker  Ready                                                                     │
├─────────────────┬────────────────────────────────────────────────────────────────────────┤
│ Conditions      │ Ready=True MemoryPressure=False DiskPressure=False PIDPressure=False   │
│ Taints          │ <none>                                                                 │
│ Unschedulable   │ false                                                                  │
│ CPU requests    │ 3100m (77%) of 4                                                       │
│ Memory requests │ 1094Mi (13%) of 8131940Ki                                              │
│ Pods (3)        │ default/big-7464555f74-fpt7b         Running  1/1                      │
│                 │ kube-system/coredns-fdcb9cd49-qpmk7  Running  1/1                      │
│                 │ kube-system/kube-proxy-b4kmb         Running  1/1                      │
└─────────────────┴────────────────────────────────────────────────────────────────────────┘
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ pocket-worker2  Ready                                                                    │
├─────────────────┬────────────────────────────────────────────────────────────────────────┤
│ Conditions      │ Ready=True MemoryPressure=False DiskPressure=False PIDPressure=False   │
│ Taints          │ <none>                                                                 │
│ Unschedulable   │ false                                                                  │
│ CPU requests    │ 3100m (77%) of 4                                                       │
│ Memory requests │ 1094Mi (13%) of 8131940Ki                                              │
│ Pods (3)        │ default/big-7464555f74-bbxbw         Running  1/1                      │
│                 │ kube-system/coredns-fdcb9cd49-5czs6  Running  1/1                      │
│                 │ kube-system/kube-proxy-7hsr4         Running  1/1                      │
└─────────────────┴────────────────────────────────────────────────────────────────────────┘
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ Not scheduled (1)                                                                        │
├────────────────────────────────────────────┬─────────────────────────────────────────────┤
│ default/big-7464555f74-m7nsd  Pending  0/1 │ 0/3 nodes are available: 1 node(s) had      │
│                                            │ untolerated taint                           │
│                                            │ {node-role.kubernetes.io/control-plane: },  │
│                                            │ 2 Insufficient cpu. preemption: 0/3 nodes   │
│                                            │ are available: 1 Preemption is not helpful  │
│                                            │ for scheduling, 2 No preemption victims     │
│                                            │ found for incoming pod.                     │
└────────────────────────────────────────────┴─────────────────────────────────────────────┘
`;

function withBig(): Home {
  const h = home();
  expect(h.ok('apply', '-f', h.file('big.yaml', BIG))).toBe('deployment.apps/big created\n');
  return h;
}

/** The program in process, its standard output a terminal. */
async function onTerminal(h: Home, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: ['map'],
    env: { TZ: 'UTC', POCKETKUBE_HOME: h.dir, POCKETKUBE_WALLCLOCK: WALLCLOCK, POCKETKUBE_FREEZE: '1', ...env },
    stdin: () => {
      throw new Error('map reads no input');
    },
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: (s: string) => void (stderr += s) },
    isTTY: () => true,
  });
  return { code, stdout, stderr };
}

const ANSI = /\u001b\[[0-9;]*m/g;

describe('pocketkube map', () => {
  it('draws the nodes, their pods and the pod no node can take, without colour when piped', () => {
    const h = withBig();
    expect(h.run(['map'])).toEqual({ code: 0, stdout: MAP, stderr: '' });
    // Piped, NO_COLOR changes nothing.
    expect(h.run(['map'], { env: { NO_COLOR: '1' } })).toEqual({ code: 0, stdout: MAP, stderr: '' });
  });

  it('agrees with describe node on what the pods request', () => {
    const h = withBig();
    const described = h.ok('describe', 'node', 'pocket-worker');
    expect(described).toContain('  cpu                3100m (77%)   0 (0%)\n  memory             1094Mi (13%)  170Mi (2%)\n');
    expect(h.ok('map')).toContain('│ CPU requests    │ 3100m (77%) of 4        ');
    expect(h.ok('map')).toContain('│ Memory requests │ 1094Mi (13%) of 8131940Ki        ');
  });

  it('colours a terminal, and says the same once the colour is taken out', async () => {
    const h = withBig();
    const r = await onTerminal(h);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain('\u001b[32mkube-system/coredns-fdcb9cd49-qpmk7  Running  1/1\u001b[39m');
    expect(r.stdout).toContain('\u001b[36mdefault/big-7464555f74-m7nsd  Pending  0/1\u001b[39m');
    expect(r.stdout.replace(ANSI, '')).toBe(MAP);
  });

  it('never colours with NO_COLOR set, whatever its value', async () => {
    const h = withBig();
    for (const value of ['1', ''])
      expect(await onTerminal(h, { NO_COLOR: value }), `NO_COLOR=${JSON.stringify(value)}`).toEqual({ code: 0, stdout: MAP, stderr: '' });
  });

  it('takes no arguments, as cobra refuses them', () => {
    const h = home();
    expect(h.run(['map', 'pocket-worker'])).toEqual({ code: 1, stdout: '', stderr: "error: Unexpected args: [pocket-worker]\nSee 'kubectl map -h' for help and examples\n" });
  });
});
