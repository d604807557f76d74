// Rollout arithmetic (pkg/controller/deployment/util: ResolveFenceposts, MaxSurge, MaxUnavailable,
// NewRSNewReplicas and intstr.GetScaledValueFromIntOrPercent), checked against §9.2 of the reference.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../src/api/types';
import {
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
  scaledValue,
} from '../../src/controllers/deployment/replicas';

type IntOrString = number | string;

function deployment(replicas: number, surge?: IntOrString, unavailable?: IntOrString, type: 'RollingUpdate' | 'Recreate' = 'RollingUpdate'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Deployment['spec']['template'],
      strategy:
        type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  };
}

function rs(name: string, replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: {}, spec: { containers: [] } } as unknown as ReplicaSet['spec']['template'] },
  };
}

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  const cases: [IntOrString | undefined, number, boolean, number][] = [
    [undefined, 10, true, 0],
    [undefined, 10, false, 0],
    [3, 10, true, 3],
    [3, 10, false, 3],
    [0, 10, true, 0],
    [15, 10, false, 15],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['25%', 4, true, 1],
    ['25%', 4, false, 1],
    ['0%', 5, true, 0],
    ['33%', 3, true, 1],
    ['33%', 3, false, 0],
    ['100%', 7, true, 7],
    ['100%', 7, false, 7],
    ['150%', 2, true, 3],
    ['1%', 1, true, 1],
    ['1%', 1, false, 0],
    ['50%', 0, true, 0],
    ['50%', 0, false, 0],
    ['10%', 25, true, 3],
    ['10%', 25, false, 2],
  ];
  it.each(cases)('%j of %d (roundUp %s) = %d', (v, total, up, expected) => {
    expect(scaledValue(v, total, up)).toBe(expected);
  });
});

describe('resolveFenceposts / maxSurge / maxUnavailable', () => {
  // [maxSurge, maxUnavailable, replicas, fencepost surge, fencepost unavailable, MaxSurge, MaxUnavailable]
  // surge rounds up, unavailable rounds down; both zero -> unavailable 1; MaxUnavailable is
  // capped at replicas and is 0 for 0 replicas.
  const cases: [IntOrString, IntOrString, number, number, number, number, number][] = [
    ['25%', '25%', 0, 0, 1, 0, 0],
    ['25%', '25%', 1, 1, 0, 1, 0],
    ['25%', '25%', 2, 1, 0, 1, 0],
    ['25%', '25%', 3, 1, 0, 1, 0],
    ['25%', '25%', 4, 1, 1, 1, 1],
    ['25%', '25%', 5, 2, 1, 2, 1],
    ['25%', '25%', 6, 2, 1, 2, 1],
    ['25%', '25%', 7, 2, 1, 2, 1],
    ['25%', '25%', 8, 2, 2, 2, 2],
    ['25%', '25%', 9, 3, 2, 3, 2],
    ['25%', '25%', 10, 3, 2, 3, 2],
    [0, 1, 0, 0, 1, 0, 0],
    [0, 1, 1, 0, 1, 0, 1],
    [0, 1, 2, 0, 1, 0, 1],
    [0, 1, 3, 0, 1, 0, 1],
    [0, 1, 4, 0, 1, 0, 1],
    [0, 1, 5, 0, 1, 0, 1],
    [0, 1, 6, 0, 1, 0, 1],
    [0, 1, 7, 0, 1, 0, 1],
    [0, 1, 8, 0, 1, 0, 1],
    [0, 1, 9, 0, 1, 0, 1],
    [0, 1, 10, 0, 1, 0, 1],
    ['50%', '0%', 0, 0, 1, 0, 0],
    ['50%', '0%', 1, 1, 0, 1, 0],
    ['50%', '0%', 2, 1, 0, 1, 0],
    ['50%', '0%', 3, 2, 0, 2, 0],
    ['50%', '0%', 4, 2, 0, 2, 0],
    ['50%', '0%', 5, 3, 0, 3, 0],
    ['50%', '0%', 6, 3, 0, 3, 0],
    ['50%', '0%', 7, 4, 0, 4, 0],
    ['50%', '0%', 8, 4, 0, 4, 0],
    ['50%', '0%', 9, 5, 0, 5, 0],
    ['50%', '0%', 10, 5, 0, 5, 0],
    [2, '10%', 0, 2, 0, 2, 0],
    [2, '10%', 1, 2, 0, 2, 0],
    [2, '10%', 2, 2, 0, 2, 0],
    [2, '10%', 3, 2, 0, 2, 0],
    [2, '10%', 4, 2, 0, 2, 0],
    [2, '10%', 5, 2, 0, 2, 0],
    [2, '10%', 6, 2, 0, 2, 0],
    [2, '10%', 7, 2, 0, 2, 0],
    [2, '10%', 8, 2, 0, 2, 0],
    [2, '10%', 9, 2, 0, 2, 0],
    [2, '10%', 10, 2, 1, 2, 1],
    [0, 0, 0, 0, 1, 0, 0],
    [0, 0, 1, 0, 1, 0, 1],
    [0, 0, 2, 0, 1, 0, 1],
    [0, 0, 3, 0, 1, 0, 1],
    [0, 0, 4, 0, 1, 0, 1],
    [0, 0, 5, 0, 1, 0, 1],
    [0, 0, 6, 0, 1, 0, 1],
    [0, 0, 7, 0, 1, 0, 1],
    [0, 0, 8, 0, 1, 0, 1],
    [0, 0, 9, 0, 1, 0, 1],
    [0, 0, 10, 0, 1, 0, 1],
    ['0%', '0%', 0, 0, 1, 0, 0],
    ['0%', '0%', 1, 0, 1, 0, 1],
    ['0%', '0%', 2, 0, 1, 0, 1],
    ['0%', '0%', 3, 0, 1, 0, 1],
    ['0%', '0%', 4, 0, 1, 0, 1],
    ['0%', '0%', 5, 0, 1, 0, 1],
    ['0%', '0%', 6, 0, 1, 0, 1],
    ['0%', '0%', 7, 0, 1, 0, 1],
    ['0%', '0%', 8, 0, 1, 0, 1],
    ['0%', '0%', 9, 0, 1, 0, 1],
    ['0%', '0%', 10, 0, 1, 0, 1],
    [5, 5, 0, 5, 5, 5, 0],
    [5, 5, 1, 5, 5, 5, 1],
    [5, 5, 2, 5, 5, 5, 2],
    [5, 5, 3, 5, 5, 5, 3],
    [5, 5, 4, 5, 5, 5, 4],
    [5, 5, 5, 5, 5, 5, 5],
    [5, 5, 6, 5, 5, 5, 5],
    [5, 5, 7, 5, 5, 5, 5],
    [5, 5, 8, 5, 5, 5, 5],
    [5, 5, 9, 5, 5, 5, 5],
    [5, 5, 10, 5, 5, 5, 5],
    ['100%', '100%', 0, 0, 1, 0, 0],
    ['100%', '100%', 1, 1, 1, 1, 1],
    ['100%', '100%', 2, 2, 2, 2, 2],
    ['100%', '100%', 3, 3, 3, 3, 3],
    ['100%', '100%', 4, 4, 4, 4, 4],
    ['100%', '100%', 5, 5, 5, 5, 5],
    ['100%', '100%', 6, 6, 6, 6, 6],
    ['100%', '100%', 7, 7, 7, 7, 7],
    ['100%', '100%', 8, 8, 8, 8, 8],
    ['100%', '100%', 9, 9, 9, 9, 9],
    ['100%', '100%', 10, 10, 10, 10, 10],
    [1, '30%', 0, 1, 0, 1, 0],
    [1, '30%', 1, 1, 0, 1, 0],
    [1, '30%', 2, 1, 0, 1, 0],
    [1, '30%', 3, 1, 0, 1, 0],
    [1, '30%', 4, 1, 1, 1, 1],
    [1, '30%', 5, 1, 1, 1, 1],
    [1, '30%', 6, 1, 1, 1, 1],
    [1, '30%', 7, 1, 2, 1, 2],
    [1, '30%', 8, 1, 2, 1, 2],
    [1, '30%', 9, 1, 2, 1, 2],
    [1, '30%', 10, 1, 3, 1, 3],
  ];
  it.each(cases)('surge %j unavailable %j replicas %d -> %d/%d, max %d/%d', (s, u, r, fs, fu, ms, mu) => {
    const d = deployment(r, s, u);
    expect(resolveFenceposts(d)).toEqual({ surge: fs, unavailable: fu });
    expect(maxSurge(d)).toBe(ms);
    expect(maxUnavailable(d)).toBe(mu);
  });

  it('matches the reference table for the default 25%/25%', () => {
    // R: [surge, unavailable, max pods, min available]
    const table: Record<number, [number, number, number, number]> = {
      1: [1, 0, 2, 1],
      2: [1, 0, 3, 2],
      3: [1, 0, 4, 3],
      4: [1, 1, 5, 3],
      5: [2, 1, 7, 4],
      10: [3, 2, 13, 8],
    };
    for (const [r, [s, u, maxPods, minAvailable]] of Object.entries(table)) {
      const d = deployment(Number(r), '25%', '25%');
      expect([maxSurge(d), maxUnavailable(d), Number(r) + maxSurge(d), Number(r) - maxUnavailable(d)]).toEqual([s, u, maxPods, minAvailable]);
    }
  });

  it('unset rollingUpdate values count as 0 (ValueOrDefault(nil, 0)), so unavailable becomes 1', () => {
    const d = deployment(4);
    expect(resolveFenceposts(d)).toEqual({ surge: 0, unavailable: 1 });
    expect(maxSurge(d)).toBe(0);
    expect(maxUnavailable(d)).toBe(1);
  });

  it('replicas defaults to 1 when unset', () => {
    const d = deployment(1, '25%', '25%');
    delete d.spec.replicas;
    expect(maxSurge(d)).toBe(1);
    expect(maxUnavailable(d)).toBe(0);
  });

  it('Recreate has neither surge nor unavailability', () => {
    for (const r of [0, 1, 3, 10]) {
      const d = deployment(r, undefined, undefined, 'Recreate');
      expect(maxSurge(d)).toBe(0);
      expect(maxUnavailable(d)).toBe(0);
    }
  });
});

describe('newRSNewReplicas (deploymentutil.NewRSNewReplicas)', () => {
  // [replicas, maxSurge, maxUnavailable, new RS size, old RS sizes, expected new RS size]
  const rolling: [number, IntOrString, IntOrString, number, number[], number][] = [
    [3, '25%', '25%', 0, [3], 1],
    [3, '25%', '25%', 1, [3], 1],
    [3, '25%', '25%', 1, [2], 2],
    [3, '25%', '25%', 2, [2], 2],
    [3, '25%', '25%', 2, [1], 3],
    [3, '25%', '25%', 2, [0], 3],
    [3, '25%', '25%', 0, [], 3],
    [1, '25%', '25%', 0, [1], 1],
    [10, '25%', '25%', 0, [10], 3],
    [10, '25%', '25%', 3, [10], 3],
    [10, '25%', '25%', 3, [8], 5],
    [10, '25%', '25%', 5, [5, 2], 6],
    [3, 0, 1, 0, [3], 0],
    [3, 0, 1, 0, [2], 1],
    [3, 0, 1, 1, [2], 1],
    [3, 0, 1, 1, [1], 2],
    [4, '50%', '0%', 0, [4], 2],
    [4, '50%', '0%', 2, [4], 2],
    [4, '50%', '0%', 2, [3], 3],
    [5, 2, '10%', 0, [5], 2],
    [5, 2, '10%', 2, [4], 3],
    [5, 2, '10%', 4, [0], 5],
  ];
  it.each(rolling)('RollingUpdate replicas %d surge %j unavail %j: new %d, old %j -> %d', (r, s, u, cur, old, expected) => {
    const d = deployment(r, s, u);
    const newRS = rs('web-new', cur);
    const all = [...old.map((n, i) => rs(`web-old${i}`, n)), newRS];
    expect(newRSNewReplicas(d, all, newRS)).toBe(expected);
  });

  it.each([
    [3, 0, [3]],
    [3, 1, [2]],
    [5, 0, []],
    [0, 0, [2]],
  ])('Recreate replicas %d (new %d, old %j) -> replicas', (r, cur, old) => {
    const d = deployment(r as number, undefined, undefined, 'Recreate');
    const newRS = rs('web-new', cur as number);
    const all = [...(old as number[]).map((n, i) => rs(`web-old${i}`, n)), newRS];
    expect(newRSNewReplicas(d, all, newRS)).toBe(r);
  });
});

describe('surge rounds up and unavailability down, for replicas 1..10', () => {
  // Worked by hand from ceil(p·r/100) and floor(p·r/100); index i is replicas i+1.
  const table: Record<string, { surge: number[]; unavailable: number[] }> = {
    '10%': { surge: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], unavailable: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
    '25%': { surge: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3], unavailable: [0, 0, 0, 1, 1, 1, 1, 2, 2, 2] },
    '33%': { surge: [1, 1, 1, 2, 2, 2, 3, 3, 3, 4], unavailable: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3] },
    '50%': { surge: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5], unavailable: [0, 1, 1, 2, 2, 3, 3, 4, 4, 5] },
    '100%': { surge: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], unavailable: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  };
  for (const [pct, want] of Object.entries(table)) {
    it(`maxSurge = maxUnavailable = ${pct}`, () => {
      const got = { surge: [] as number[], unavailable: [] as number[] };
      for (let r = 1; r <= 10; r++) {
        const f = resolveFenceposts(deployment(r, pct, pct));
        got.surge.push(f.surge);
        got.unavailable.push(f.unavailable);
      }
      expect(got).toEqual(want);
    });
  }

  it('when both round to 0, one pod may be unavailable (0% surge, 25% unavailable)', () => {
    const unavailable = [];
    for (let r = 1; r <= 10; r++) unavailable.push(resolveFenceposts(deployment(r, '0%', '25%')).unavailable);
    expect(unavailable).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('counts are used as they are, and capped by nothing', () => {
    expect(resolveFenceposts(deployment(3, 1, 1))).toEqual({ surge: 1, unavailable: 1 });
    expect(resolveFenceposts(deployment(3, 5, 0))).toEqual({ surge: 5, unavailable: 0 });
  });
});
