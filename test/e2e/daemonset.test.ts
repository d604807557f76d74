// DaemonSets through the launcher: the seed's walkthrough (a log agent on every node, its image
// updated, its history and ControllerRevisions, a rollback), kubectl's tables and describe page,
// rollout's messages and errors, and a node that joins later getting its pod.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();
const MANIFEST = path.join(FIXTURES, 'fluentd-elasticsearch.yaml');
const NS = ['-n', 'kube-system'];

function agentPods(h: Home): { name: string; node: string; image: string; hash: string }[] {
  const list = JSON.parse(h.ok('get', 'pods', ...NS, '-l', 'name=fluentd-elasticsearch', '-o', 'json')).items as {
    metadata: { name: string; labels: Record<string, string> };
    spec: { nodeName: string; containers: { image: string }[] };
  }[];
  return list
    .map((p) => ({ name: p.metadata.name, node: p.spec.nodeName, image: p.spec.containers[0].image, hash: p.metadata.labels['controller-revision-hash'] }))
    .sort((a, b) => (a.node < b.node ? -1 : 1));
}

describe("the seed's DaemonSet walkthrough", () => {
  it('in sequence: a pod on every node, the image updated and rolled out, two revisions, a rollback to the first', () => {
    const h = home();
    expect(h.ok('apply', '-f', MANIFEST)).toBe('daemonset.apps/fluentd-elasticsearch created\n');
    const first = agentPods(h);
    expect(first.map((p) => [p.node, p.image])).toEqual([
      ['pocket-control-plane', 'k8s.gcr.io/fluentd-elasticsearch:1.20'],
      ['pocket-worker', 'k8s.gcr.io/fluentd-elasticsearch:1.20'],
      ['pocket-worker2', 'k8s.gcr.io/fluentd-elasticsearch:1.20'],
    ]);
    expect(h.ok('get', 'pod', ...NS, '-l', 'name=fluentd-elasticsearch')).toMatch(
      /^NAME {26}READY {3}STATUS {4}RESTARTS {3}AGE\n(fluentd-elasticsearch-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}0s\n){3}$/,
    );
    expect(h.ok('get', 'ds', ...NS, 'fluentd-elasticsearch')).toBe(
      'NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n' +
        'fluentd-elasticsearch   3         3         3       3            3           <none>          0s\n',
    );
    expect(h.ok('rollout', 'history', 'daemonset', 'fluentd-elasticsearch', ...NS)).toBe('daemonset.apps/fluentd-elasticsearch \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');

    const set = h.run(['set', 'image', 'ds/fluentd-elasticsearch', 'fluentd-elasticsearch=k8s.gcr.io/fluentd-elasticsearch:v2.2.0', '--record', '-n=kube-system']);
    expect([set.code, set.stdout, set.stderr]).toEqual([0, 'daemonset.apps/fluentd-elasticsearch image updated\n', 'Flag --record has been deprecated, --record will be removed in the future\n']);
    expect(h.ok('rollout', 'status', 'ds/fluentd-elasticsearch', ...NS)).toBe('daemon set "fluentd-elasticsearch" successfully rolled out\n');
    const second = agentPods(h);
    expect(second.map((p) => p.image)).toEqual(Array(3).fill('k8s.gcr.io/fluentd-elasticsearch:v2.2.0'));
    expect(second.some((p) => first.some((q) => q.name === p.name))).toBe(false);
    expect(h.ok('rollout', 'history', 'daemonset', 'fluentd-elasticsearch', ...NS)).toBe(
      'daemonset.apps/fluentd-elasticsearch \nREVISION  CHANGE-CAUSE\n1         <none>\n' +
        '2         kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=k8s.gcr.io/fluentd-elasticsearch:v2.2.0 --record=true --namespace=kube-system\n\n',
    );

    // The revisions, named after the hashes their pods carry.
    const revisions = h.ok('get', 'controllerrevision', ...NS, '-l', 'name=fluentd-elasticsearch');
    const h1 = first[0].hash;
    const h2 = second[0].hash;
    const rows = [`fluentd-elasticsearch-${h1}`, `fluentd-elasticsearch-${h2}`].sort();
    const width = Math.max(...rows.map((r) => r.length)) + 3;
    expect(revisions).toBe(
      `${'NAME'.padEnd(width)}CONTROLLER                             REVISION   AGE\n` +
        rows.map((r) => `${r.padEnd(width)}daemonset.apps/fluentd-elasticsearch   ${r.endsWith(h1) ? 1 : 2}          0s\n`).join(''),
    );

    // A revision as the generic describer shows it: the template it records, under Data.
    const described = h.ok('describe', 'controllerrevision', `fluentd-elasticsearch-${h2}`, ...NS);
    expect(described).toMatch(
      new RegExp(
        `^Name:         fluentd-elasticsearch-${h2}\nNamespace:    kube-system\nLabels:       controller-revision-hash=${h2}\n              name=fluentd-elasticsearch\n` +
          'Annotations:  deprecated.daemonset.template.generation: 2\n {14}kubernetes.io/change-cause:\n {16}kubectl set image .*\nAPI Version:  apps/v1\nData:\n  Spec:\n    Template:\n      \\$patch:  replace\n      Metadata:\n        Creation Timestamp:  <nil>\n',
      ),
    );
    expect(described).toContain('          Image:              k8s.gcr.io/fluentd-elasticsearch:v2.2.0\n');
    expect(described).toMatch(/\nKind:              ControllerRevision\nMetadata:\n  Creation Timestamp:  2026-11-26T12:00:\d\dZ\n  Owner References:\n    API Version:           apps\/v1\n    Block Owner Deletion:  true\n/);
    expect(described).toMatch(/\nRevision:                  2\nEvents:                    <none>\n$/);

    expect(h.ok('rollout', 'undo', 'daemonset', 'fluentd-elasticsearch', '--to-revision=1', ...NS)).toBe('daemonset.apps/fluentd-elasticsearch rolled back\n');
    const third = agentPods(h);
    expect(third.map((p) => [p.image, p.hash])).toEqual(Array(3).fill(['k8s.gcr.io/fluentd-elasticsearch:1.20', h1]));
    // Revision 1 came back as revision 3.
    expect(h.ok('rollout', 'history', 'ds/fluentd-elasticsearch', ...NS)).toBe(
      'daemonset.apps/fluentd-elasticsearch \nREVISION  CHANGE-CAUSE\n' +
        '2         kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=k8s.gcr.io/fluentd-elasticsearch:v2.2.0 --record=true --namespace=kube-system\n3         <none>\n\n',
    );
    expect(h.ok('rollout', 'undo', 'ds/fluentd-elasticsearch', '--to-revision=3', ...NS)).toBe(
      'daemonset.apps/fluentd-elasticsearch skipped rollback (current template already matches revision 3)\n',
    );
    const dry = h.ok('rollout', 'undo', 'ds/fluentd-elasticsearch', '--dry-run=client', ...NS);
    expect(dry).toMatch(/^daemonset\.apps\/fluentd-elasticsearch will roll back to Pod Template:\n {2}Labels:\tname=fluentd-elasticsearch\n/);
    expect(dry).toContain('    Image:\tk8s.gcr.io/fluentd-elasticsearch:v2.2.0\n');
    expect(dry.endsWith('\n (dry run)\n')).toBe(true);
    expect(h.ok('rollout', 'history', 'ds/fluentd-elasticsearch', '--revision=2', ...NS)).toMatch(
      /^daemonset\.apps\/fluentd-elasticsearch with revision #2\nPod Template:\n {2}Labels:\tname=fluentd-elasticsearch\n {2}Containers:\n {3}fluentd-elasticsearch:\n {4}Image:\tk8s.gcr.io\/fluentd-elasticsearch:v2.2.0\n/,
    );
  });
});

describe("kubeadm's kube-proxy", () => {
  it('runs on every node of the default cluster, on the node network, with its ConfigMap', () => {
    const h = home();
    expect(h.ok('get', 'ds', ...NS)).toBe(
      'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' +
        'kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   0s\n',
    );
    const pods = JSON.parse(h.ok('get', 'pods', ...NS, '-l', 'k8s-app=kube-proxy', '-o', 'json')).items as { spec: { nodeName: string }; status: { podIP: string; phase: string } }[];
    expect(pods.map((p) => `${p.spec.nodeName} ${p.status.phase} ${p.status.podIP}`).sort()).toEqual([
      'pocket-control-plane Running 172.18.0.2',
      'pocket-worker Running 172.18.0.3',
      'pocket-worker2 Running 172.18.0.4',
    ]);
    expect(h.ok('get', 'cm', 'kube-proxy', ...NS, '-o', 'jsonpath={.data.kubeconfig\\.conf}')).toContain('    server: https://172.18.0.2:6443\n');
    expect(h.ok('get', 'cm', 'kube-proxy', ...NS, '-o', 'jsonpath={.data.config\\.conf}')).toContain('clusterCIDR: 10.244.0.0/16\n');
    expect(h.ok('get', 'sa', 'kube-proxy', ...NS, '-o', 'name')).toBe('serviceaccount/kube-proxy\n');
  });
});

describe('DaemonSet pages and errors', () => {
  it('describe ds, get -o wide, and rollout refusals in kubectl words', () => {
    const h = home();
    h.ok('apply', '-f', MANIFEST);
    const described = h.ok('describe', 'ds', 'fluentd-elasticsearch', ...NS);
    expect(described).toMatch(
      new RegExp(
        '^Name:           fluentd-elasticsearch\n' +
          'Selector:       name=fluentd-elasticsearch\n' +
          'Node-Selector:  <none>\n' +
          'Labels:         k8s-app=fluentd-logging\n' +
          'Annotations:    deprecated.daemonset.template.generation: 1\n' +
          'Desired Number of Nodes Scheduled: 3\n' +
          'Current Number of Nodes Scheduled: 3\n' +
          'Number of Nodes Scheduled with Up-to-date Pods: 3\n' +
          'Number of Nodes Scheduled with Available Pods: 3\n' +
          'Number of Nodes Misscheduled: 0\n' +
          'Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n' +
          'Pod Template:\n' +
          ' {2}Labels:  name=fluentd-elasticsearch\n',
      ),
    );
    expect(described).toMatch(/\nEvents:\n {2}Type {4}Reason {12}Age {3}From {18}Message\n {2}---- {4}------ {12}---- {2}---- {18}-------\n( {2}Normal {2}SuccessfulCreate {2}0s {4}daemonset-controller {2}Created pod: fluentd-elasticsearch-[a-z0-9]{5}\n){3}$/);
    expect(h.ok('get', 'ds', '-A', '-o', 'wide')).toBe(
      'NAMESPACE     NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS              IMAGES                                  SELECTOR\n' +
        'kube-system   fluentd-elasticsearch   3         3         3       3            3           <none>                   0s    fluentd-elasticsearch   k8s.gcr.io/fluentd-elasticsearch:1.20   name=fluentd-elasticsearch\n' +
        'kube-system   kube-proxy              3         3         3       3            3           kubernetes.io/os=linux   0s    kube-proxy              registry.k8s.io/kube-proxy:v1.32.0      k8s-app=kube-proxy\n',
    );
    const refused = (args: string[], message: string) => expect([h.run(args).code, h.run(args).stderr]).toEqual([1, message]);
    refused(['rollout', 'undo', 'ds/fluentd-elasticsearch', ...NS], 'error: no last revision to roll back to\n');
    refused(['rollout', 'undo', 'ds/fluentd-elasticsearch', '--to-revision=7', ...NS], 'error: unable to find specified revision 7 in history\n');
    refused(['rollout', 'history', 'ds/fluentd-elasticsearch', '--revision=7', ...NS], 'error: unable to find the specified revision\n');
    refused(['rollout', 'pause', 'ds/fluentd-elasticsearch', ...NS], 'error: daemonsets.apps "fluentd-elasticsearch" pausing is not supported\n');
    refused(['rollout', 'resume', 'ds/fluentd-elasticsearch', ...NS], 'error: daemonsets.apps "fluentd-elasticsearch" resuming is not supported\n');
    expect(h.ok('rollout', 'restart', 'ds/fluentd-elasticsearch', ...NS)).toBe('daemonset.apps/fluentd-elasticsearch restarted\n');
    expect(agentPods(h).every((p) => p.hash !== undefined)).toBe(true);
    expect(h.ok('rollout', 'history', 'ds/fluentd-elasticsearch', ...NS)).toBe('daemonset.apps/fluentd-elasticsearch \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    h.ok('patch', 'ds', 'fluentd-elasticsearch', ...NS, '-p', '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}');
    refused(['rollout', 'status', 'ds/fluentd-elasticsearch', ...NS], 'error: rollout status is only available for RollingUpdate strategy type\n');
  });

  it('a node that joins gets its pod', () => {
    const h = home();
    h.ok('apply', '-f', MANIFEST);
    const token = h.ok('kubeadm', 'token', 'create', '--print-join-command').trim().split(/\s+/);
    h.ok('kubeadm', ...token.slice(1), '--node-name', 'pocket-worker3');
    expect(agentPods(h).map((p) => p.node)).toEqual(['pocket-control-plane', 'pocket-worker', 'pocket-worker2', 'pocket-worker3']);
    expect(h.ok('get', 'ds', ...NS, '--no-headers')).toMatch(/^fluentd-elasticsearch +4 +4 +4 +4 +4 +<none> +\d+s\nkube-proxy +4 +4 +4 +4 +4 +kubernetes.io\/os=linux +\d+s\n$/);
    expect(h.ok('get', 'pods', ...NS, '-l', 'k8s-app=kube-proxy', '--field-selector', 'spec.nodeName=pocket-worker3', '-o', 'jsonpath={.items[0].status.phase} {.items[0].status.podIP}')).toBe('Running 172.18.0.5');
  });

  it('a node that goes takes its pod with it: the pod garbage collector deletes it after 40s', () => {
    const h = home();
    h.ok('apply', '-f', MANIFEST);
    expect(h.ok('delete', 'node', 'pocket-worker2')).toBe('node "pocket-worker2" deleted\n');
    expect(agentPods(h).map((p) => p.node)).toEqual(['pocket-control-plane', 'pocket-worker', 'pocket-worker2']);
    h.ok('clock', 'advance', '40s');
    expect(agentPods(h).map((p) => p.node)).toEqual(['pocket-control-plane', 'pocket-worker']);
    expect(h.ok('get', 'ds', ...NS, 'fluentd-elasticsearch', '--no-headers')).toMatch(/^fluentd-elasticsearch +2 +2 +2 +2 +2 +<none> +40s\n$/);
  });
});

