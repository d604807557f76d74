// kubectl describe through the launcher: field order, alignment and events as kubectl prints them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

const T = 'Thu, 26 Nov 2026 12:00:00 +0000';

describe('kubectl describe', () => {
  const h = new Home();
  let pod: any;
  let rs = '';
  beforeAll(() => {
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=1', '--port=80');
    pod = JSON.parse(h.ok('get', 'pods', '-l', 'app=web', '-o', 'json')).items[0];
    rs = h.ok('get', 'rs', '-o', 'name').trim().replace('replicaset.apps/', '');
  });
  afterAll(() => h.remove());

  it('describes a pod', () => {
    const name = pod.metadata.name;
    const c = pod.status.containerStatuses[0];
    const vol = pod.spec.volumes[0].name;
    const ip = pod.status.podIP;
    const node = pod.spec.nodeName;
    const hostIP = pod.status.hostIP;
    expect(h.ok('describe', 'pod', name)).toBe(
      [
        `Name:             ${name}`,
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        `Node:             ${node}/${hostIP}`,
        `Start Time:       ${T}`,
        'Labels:           app=web',
        `                  pod-template-hash=${rs.slice(4)}`,
        'Annotations:      <none>',
        'Status:           Running',
        `IP:               ${ip}`,
        'IPs:',
        `  IP:           ${ip}`,
        `Controlled By:  ReplicaSet/${rs}`,
        'Containers:',
        '  nginx:',
        `    Container ID:   ${c.containerID}`,
        '    Image:          nginx:1.25',
        `    Image ID:       ${c.imageID}`,
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        `      Started:      ${T}`,
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        `      /var/run/secrets/kubernetes.io/serviceaccount from ${vol} (ro)`,
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        `  ${vol}:`,
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        `  Normal  Scheduled  0s    default-scheduler  Successfully assigned default/${name} to ${node}`,
        '  Normal  Pulling    0s    kubelet            Pulling image "nginx:1.25"',
        '  Normal  Pulled     0s    kubelet            Successfully pulled image "nginx:1.25" in 2.803s (2.803s including waiting). Image size: 72080558 bytes.',
        '  Normal  Created    0s    kubelet            Created container nginx',
        '  Normal  Started    0s    kubelet            Started container nginx',
        '',
      ].join('\n'),
    );
  });

  it('describes a deployment', () => {
    expect(h.ok('describe', 'deployment', 'web')).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        `CreationTimestamp:      ${T}`,
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.25',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        `NewReplicaSet:   ${rs} (1/1 replicas created)`,
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        `  Normal  ScalingReplicaSet  0s    deployment-controller  Scaled up replica set ${rs} from 0 to 1`,
        '',
      ].join('\n'),
    );
  });

  it('describes a namespace and separates several objects by two blank lines', () => {
    const ns = (n: string) =>
      `Name:         ${n}\nLabels:       kubernetes.io/metadata.name=${n}\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n`;
    expect(h.ok('describe', 'ns', 'default')).toBe(ns('default'));
    expect(h.ok('describe', 'ns', 'default', 'kube-public')).toBe(`${ns('default')}\n\n${ns('kube-public')}`);
  });

  it('describes a node with the pods it runs and what they hold', () => {
    const out = h.ok('describe', 'node', 'pocket-control-plane');
    expect(out).toContain('Roles:              control-plane\n');
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\nUnschedulable:      false\n');
    expect(out).toContain(
      '  Ready            True    Thu, 26 Nov 2026 12:00:00 +0000   Thu, 26 Nov 2026 12:00:00 +0000   KubeletReady                 kubelet is posting ready status\n',
    );
    expect(out).toContain('Non-terminated Pods:          (5 in total)\n');
    expect(out).toContain(
      '  kube-system                 kube-apiserver-pocket-control-plane             250m (6%)     0 (0%)      0 (0%)           0 (0%)         0s\n',
    );
    expect(out).toContain('  cpu                650m (16%)  0 (0%)\n  memory             100Mi (1%)  0 (0%)\n');
  });

  it('matches names by prefix and reports what matches nothing', () => {
    expect(h.ok('describe', 'deploy', 'we')).toMatch(/^Name: {19}web\n[\s\S]*\n\n$/);
    expect(h.run(['describe', 'deploy', 'nosuch'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nosuch" not found\n' });
    expect(h.run(['describe', 'pods', '-n', 'nothing'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in nothing namespace.\n' });
  });
});
