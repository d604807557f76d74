// The pods table's READY/STATUS/RESTARTS/IP cells as v1.32's printPod computes them.
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../src/api/types';
import { podSummary, podTable } from '../../src/printers/table/pod';

const NOW = Date.parse('2026-11-26T12:10:00Z');

function cs(name: string, extra: Partial<ContainerStatus>): ContainerStatus {
  return { name, image: 'busybox:1.36', imageID: '', lastState: {}, ready: false, restartCount: 0, started: false, state: {}, ...extra };
}

const terminated = (finishedAt: string, exitCode = 1) => ({ terminated: { exitCode, reason: 'Error', startedAt: finishedAt, finishedAt } });

function pod(spec: Partial<Pod['spec']>, status: Pod['status']): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'main' }], ...spec }, status } as Pod;
}

describe('printPod cells', () => {
  it('once initialized, counts only sidecar and regular restarts and their dates (a regular init container\'s is dropped)', () => {
    const p = pod(
      { initContainers: [{ name: 'init' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        // the init container failed once and then succeeded; main restarted but its last state is gone
        initContainerStatuses: [cs('init', { restartCount: 1, lastState: terminated('2026-11-26T12:00:05Z'), state: terminated('2026-11-26T12:00:20Z', 0) })],
        containerStatuses: [cs('main', { restartCount: 2, ready: true, started: true, state: { running: { startedAt: '2026-11-26T12:01:00Z' } } })],
      },
    );
    expect(podSummary(p, NOW)).toEqual({ ready: '1/1', status: 'Running', restarts: '2' });
  });

  it('a sidecar\'s last restart dates the restarts of an initialized pod', () => {
    const p = pod(
      { initContainers: [{ name: 'init' }, { name: 'side', restartPolicy: 'Always' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          cs('init', { restartCount: 1, lastState: terminated('2026-11-26T12:09:00Z'), state: terminated('2026-11-26T12:09:30Z', 0) }),
          cs('side', { restartCount: 1, ready: true, started: true, lastState: terminated('2026-11-26T12:05:00Z'), state: { running: { startedAt: '2026-11-26T12:05:01Z' } } }),
        ],
        containerStatuses: [cs('main', { ready: true, started: true, state: { running: { startedAt: '2026-11-26T12:01:00Z' } } })],
      },
    );
    expect(podSummary(p, NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '1 (5m ago)' });
  });

  it('IP is the first of podIPs, else <none> (podIP alone is not read)', () => {
    const ip = podTable.columns.find((c) => c.name === 'IP')!;
    const ctx = { now: NOW } as never;
    expect(ip.cell(pod({}, { podIP: '10.0.0.1' }), ctx)).toBe('<none>');
    expect(ip.cell(pod({}, { podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }] }), ctx)).toBe('10.0.0.1');
    expect(ip.cell(pod({}, { podIPs: [{ ip: '' }] }), ctx)).toBe('<none>');
  });
});
