// describe pod's container sections against kubectl v1.32's text (recorded from the real kubectl
// over the same objects): a sidecar prints no restart policy, seccomp profiles, resourceFieldRef
// values, an http-get path without its slash, topology spread constraints.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types';
import { describePod } from '../../src/printers/describe/pod';
import { podTemplateText } from '../../src/printers/describe';

const ctx = { now: Date.parse('2026-11-26T12:00:00Z'), showEvents: false, lookup: { events: () => [], list: () => [] } };

const waiting = (name: string) => ({ name, image: 'busybox:1.36', imageID: '', lastState: {}, ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } } });

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'fancy', namespace: 'default', labels: { app: 'fancy' } },
  spec: {
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'fancy' } } },
      { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
    ],
    initContainers: [{ name: 'side', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'sleep 3600'], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }],
    containers: [
      {
        name: 'web',
        image: 'nginx:1.25',
        resources: { requests: { cpu: '250m', memory: '64Mi' } },
        readinessProbe: { httpGet: { path: 'healthz', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        env: [
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
          { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '0' } } },
          { name: 'CPU_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
          { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } },
          { name: 'CPU_REQ1', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '0' } } },
          { name: 'EPH', valueFrom: { resourceFieldRef: { resource: 'requests.ephemeral-storage', divisor: '0' } } },
        ],
      },
    ],
    tolerations: [],
  },
  status: { phase: 'Pending', initContainerStatuses: [waiting('side')], containerStatuses: [{ ...waiting('web'), image: 'nginx:1.25' }] },
} as unknown as Pod;

describe('describe pod: containers as kubectl v1.32 prints them', () => {
  it('prints seccomp profiles and no restart policy for a sidecar, resourceFieldRef values, probes and spread constraints', () => {
    expect(describePod(pod, ctx)).toBe(
      [
        'Name:         fancy',
        'Namespace:    default',
        'Node:         <none>',
        'Labels:       app=fancy',
        'Annotations:  <none>',
        'Status:       Pending',
        'IP:           ',
        'IPs:          <none>',
        'Init Containers:',
        '  side:',
        '    Container ID:    ',
        '    Image:           busybox:1.36',
        '    Image ID:        ',
        '    Port:            <none>',
        '    Host Port:       <none>',
        '    SeccompProfile:  RuntimeDefault',
        '    Command:',
        '      sh',
        '      -c',
        '      sleep 3600',
        '    State:          Waiting',
        '      Reason:       PodInitializing',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Containers:',
        '  web:',
        '    Container ID:   ',
        '    Image:          nginx:1.25',
        '    Image ID:       ',
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Waiting',
        '      Reason:       PodInitializing',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      CPU_LIMIT:              node allocatable (limits.cpu)',
        '      MEM_LIMIT:              node allocatable (limits.memory)',
        '      CPU_REQ:                250 (requests.cpu)',
        '      MEM_REQ:                64 (requests.memory)',
        '      CPU_REQ1:               1 (requests.cpu)',
        '      EPH:                    0 (requests.ephemeral-storage)',
        '    Mounts:                   <none>',
        'Volumes:                      <none>',
        'QoS Class:                    Burstable',
        'Node-Selectors:               <none>',
        'Tolerations:                  <none>',
        'Topology Spread Constraints:  kubernetes.io/hostname:ScheduleAnyway when max skew 2 is exceeded',
        '                              zone:ScheduleAnyway when max skew 1 is exceeded for selector app=fancy',
        '',
      ].join('\n'),
    );
  });

  it('prints a template container\'s Localhost seccomp profile and the template\'s spread constraints', () => {
    const text = podTemplateText({
      metadata: { labels: { app: 'spread' } },
      spec: {
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'spread' } } }],
        containers: [{ name: 'c', image: 'nginx:1.25', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'prof.json' } } }],
      },
    } as never);
    expect(text).toBe(
      [
        'Pod Template:',
        '  Labels:\tapp=spread',
        '  Containers:',
        '   c:',
        '    Image:\tnginx:1.25',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    SeccompProfile:\tLocalhost',
        '      LocalhostProfile:\tprof.json',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Topology Spread Constraints:\tzone:ScheduleAnyway when max skew 1 is exceeded for selector app=spread',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ].join('\n'),
    );
  });
});
