// PodDisruptionBudgets through the launcher: create pdb as kubectl builds it and refuses it, the
// table and describe page as the disruption controller counts, and drain held back by a budget —
// retried every 5s of cluster time until its timeout, or until the budget allows it.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

describe('PodDisruptionBudgets', () => {
  it('create pdb --dry-run=client prints what kubectl builds, and refuses what kubectl refuses', () => {
    const h = home();
    expect(h.ok('create', 'pdb', 'x', '--selector=app=a,tier=b', '--min-available=50%', '--dry-run=client', '-o', 'yaml')).toBe(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: x
spec:
  minAvailable: 50%
  selector:
    matchLabels:
      app: a
      tier: b
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`);
    expect(h.ok('create', 'poddisruptionbudget', 'x', '--selector=app=a', '--max-unavailable=25%', '--dry-run=client', '-o', 'json')).toBe(`{
    "kind": "PodDisruptionBudget",
    "apiVersion": "policy/v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null
    },
    "spec": {
        "selector": {
            "matchLabels": {
                "app": "a"
            }
        },
        "maxUnavailable": "25%"
    },
    "status": {
        "disruptionsAllowed": 0,
        "currentHealthy": 0,
        "desiredHealthy": 0,
        "expectedPods": 0
    }
}
`);
    const refused = (args: string[]) => h.run(['create', 'pdb', ...args]);
    expect(refused(['x', '--min-available=1'])).toEqual({ code: 1, stdout: '', stderr: 'error: a selector must be specified\n' });
    expect(refused(['x', '--selector=app=a'])).toEqual({ code: 1, stdout: '', stderr: 'error: one of min-available or max-unavailable must be specified\n' });
    expect(refused(['x', '--selector=app=a', '--min-available=1', '--max-unavailable=1'])).toEqual({ code: 1, stdout: '', stderr: 'error: min-available and max-unavailable cannot be both specified\n' });
    expect(refused(['x', '--selector=app=a', '--min-available=1Gb'])).toEqual({ code: 1, stdout: '', stderr: 'error: invalid format specified for min-available\n' });
    expect(refused(['x', '--selector=app!=a', '--min-available=1'])).toEqual({ code: 1, stdout: '', stderr: 'error: "!=" is not a valid label selector operator\n' });
    expect(refused(['--selector=app=a', '--max-unavailable=1'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create poddisruptionbudget -h' for help and examples\n",
    });
    expect(refused(['x', '--selector=app=a', '--max-unavailable=101%'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy "x" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%\n',
    });
    expect(h.run(['get', 'pdb'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('counts the pods of a Deployment, in the table and on the describe page', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=3');
    expect(h.ok('create', 'pdb', 'web', '--selector=app=web', '--min-available=2')).toBe('poddisruptionbudget.policy/web created\n');
    h.ok('create', 'pdb', 'half', '--selector=app=web', '--max-unavailable=50%');
    expect(h.ok('get', 'pdb')).toBe(
      'NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nhalf   N/A             50%               2                     0s\nweb    2               N/A               1                     0s\n',
    );
    expect(h.ok('describe', 'pdb', 'web')).toBe(`Name:           web
Namespace:      default
Min available:  2
Selector:       app=web
Status:
    Allowed disruptions:  1
    Current:              3
    Desired:              2
    Total:                3
Events:                   <none>
`);
    expect(h.ok('get', 'pdb', 'web', '-o', 'jsonpath={.status.conditions[0].reason}')).toBe('SufficientPods');
    expect(h.ok('api-resources', '--api-group=policy')).toBe('NAME                   SHORTNAMES   APIVERSION   NAMESPACED   KIND\npoddisruptionbudgets   pdb          policy/v1    true         PodDisruptionBudget\n');
  });

  it('holds a drain back until its timeout while the budget allows no disruption', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    h.ok('create', 'pdb', 'web', '--selector=app=web', '--min-available=2');
    const pod = h.ok('get', 'pods', '--field-selector=spec.nodeName=pocket-worker', '-l', 'app=web', '-o', 'name').trim().slice('pod/'.length);
    const coredns = h.ok('get', 'pods', '-n', 'kube-system', '--field-selector=spec.nodeName=pocket-worker', '-l', 'k8s-app=kube-dns', '-o', 'name').trim().slice('pod/'.length);
    const proxy = h.ok('get', 'pods', '-n', 'kube-system', '--field-selector=spec.nodeName=pocket-worker', '-l', 'k8s-app=kube-proxy', '-o', 'name').trim().slice('pod/'.length);
    const r = h.run(['drain', 'pocket-worker', '--ignore-daemonsets', '--timeout=12s']);
    const refusal = `error when evicting pods/"${pod}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const timedOut = `error when evicting pods/"${pod}" -n "default": global timeout reached: 12s`;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `node/pocket-worker cordoned\nevicting pod default/${pod}\nevicting pod kube-system/${coredns}\npod/${coredns} evicted\nevicting pod default/${pod}\nevicting pod default/${pod}\nevicting pod default/${pod}\n`,
    );
    expect(r.stderr).toBe(
      `Warning: ignoring DaemonSet-managed Pods: kube-system/${proxy}\n` +
        refusal.repeat(3) +
        `There are pending pods in node "pocket-worker" when an error occurred: ${timedOut}\npod/${pod}\n` +
        `error: unable to drain node "pocket-worker" due to error: ${timedOut}, continuing command...\nThere are pending nodes to be drained:\n pocket-worker\n${timedOut}\n`,
    );
    expect(h.ok('get', 'pods', pod, '-o', 'jsonpath={.status.phase}')).toBe('Running');
  });

  it('lets a drain through once a replacement is ready elsewhere', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=3');
    h.ok('create', 'pdb', 'web', '--selector=app=web', '--min-available=2');
    const onWorker2 = h.ok('get', 'pods', '--field-selector=spec.nodeName=pocket-worker2', '-l', 'app=web', '-o', 'name').trim().split('\n');
    expect(onWorker2).toHaveLength(2);
    const r = h.run(['drain', 'pocket-worker2', '--ignore-daemonsets']);
    expect(r.code).toBe(0);
    const [first, second] = onWorker2.map((p) => p.slice('pod/'.length));
    expect(r.stdout).toContain(`evicting pod default/${first}\nevicting pod default/${second}\n`);
    expect(r.stdout).toContain(`pod/${first} evicted\n`);
    expect(r.stdout).toMatch(new RegExp(`evicting pod default/${second}\\npod/${second} evicted\\nnode/pocket-worker2 drained\\n$`));
    expect(r.stderr).toContain(`error when evicting pods/"${second}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`);
    expect(h.ok('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.nodeName}')).toBe('pocket-worker pocket-worker pocket-worker');
    expect(h.ok('get', 'pdb', 'web', '--no-headers')).toBe('web   2     N/A   1     5s\n');
  });
});
