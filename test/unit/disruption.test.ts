// PodDisruptionBudgets: the disruption controller's arithmetic (counts and percentages, rounded up;
// healthy pods; expected pods from the controllers' scale), the eviction API spending and refusing
// disruptions, unhealthy pods, pending evictions expiring, failures it reports; the kind's validation.
import { describe, expect, it } from 'vitest';
import { deployment } from '../../src/api/kinds/deployment';
import { event } from '../../src/api/kinds/event';
import { job as jobKind } from '../../src/api/kinds/job';
import { pod as podKind } from '../../src/api/kinds/pod';
import { poddisruptionbudget as pdbKind } from '../../src/api/kinds/poddisruptionbudget';
import type { Event, Job, Pod, PodDisruptionBudget } from '../../src/api/types';
import { deploymentObject } from '../helpers/manifests';
import { newWorld, statusOf, type World } from '../helpers/world';

function web(w: World, replicas: number): void {
  const d = deploymentObject('web', replicas, { name: 'nginx', image: 'nginx:1.27' });
  w.client.create(deployment.type, d);
  w.engine.converge();
}

function budget(w: World, name: string, spec: PodDisruptionBudget['spec']): PodDisruptionBudget {
  w.client.create(pdbKind.type, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec } as PodDisruptionBudget);
  w.engine.converge();
  return w.client.get<PodDisruptionBudget>(pdbKind.type, 'default', name);
}

const counts = (b: PodDisruptionBudget) => {
  const s = b.status!;
  return { expected: s.expectedPods, desired: s.desiredHealthy, current: s.currentHealthy, allowed: s.disruptionsAllowed };
};
const webPods = (w: World) => w.client.list<Pod>(podKind.type, 'default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
const selector = { matchLabels: { app: 'web' } };

describe('the disruption controller', () => {
  it('counts a minAvailable number against the pods selected, and says whether a disruption is allowed', () => {
    const w = newWorld();
    web(w, 3);
    const b = budget(w, 'web', { minAvailable: 2, selector });
    expect(counts(b)).toEqual({ expected: 3, desired: 2, current: 3, allowed: 1 });
    expect(b.status?.observedGeneration).toBe(1);
    expect(b.status?.conditions).toEqual([
      { type: 'DisruptionAllowed', status: 'True', observedGeneration: 1, lastTransitionTime: '2026-11-26T12:00:00Z', reason: 'SufficientPods', message: '' },
    ]);
  });

  it('rounds percentages up, against the replicas of the pods\' Deployment', () => {
    const w = newWorld();
    web(w, 3);
    expect(counts(budget(w, 'half-down', { maxUnavailable: '50%', selector }))).toEqual({ expected: 3, desired: 1, current: 3, allowed: 2 });
  });

  it('rounds a minAvailable percentage up too', () => {
    const w = newWorld();
    web(w, 3);
    expect(counts(budget(w, 'half-up', { minAvailable: '50%', selector }))).toEqual({ expected: 3, desired: 2, current: 3, allowed: 1 });
  });

  it('selects nothing without a selector and everything in the namespace with an empty one', () => {
    const w = newWorld();
    web(w, 2);
    expect(counts(budget(w, 'none', { minAvailable: 1 }))).toEqual({ expected: 0, desired: 1, current: 0, allowed: 0 });
    expect(counts(budget(w, 'all', { minAvailable: 1, selector: {} }))).toEqual({ expected: 2, desired: 1, current: 2, allowed: 1 });
  });

  it('fails safe when the pods\' controller has no scale, and says why', () => {
    const w = newWorld();
    w.client.create(jobKind.type, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default' },
      spec: { parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '100'] }] } } },
    } as Job);
    w.engine.converge();
    const b = budget(w, 'pi', { minAvailable: '50%', selector: { matchLabels: { 'job-name': 'pi' } } });
    expect(b.status?.disruptionsAllowed).toBe(0);
    expect(b.status?.conditions?.[0]).toMatchObject({ status: 'False', reason: 'SyncFailed', message: 'jobs.batch does not implement the scale subresource' });
    const reasons = w.client.list<Event>(event.type, 'default').filter((e) => e.involvedObject.name === 'pi' && e.involvedObject.kind === 'PodDisruptionBudget');
    expect(reasons.map((e) => [e.reason, e.message, e.source?.component])).toEqual([
      ['CalculateExpectedPodCountFailed', 'Failed to calculate the number of expected pods: jobs.batch does not implement the scale subresource', 'controllermanager'],
    ]);
  });

  it('drops a pending eviction after two minutes and reports the pod that was not deleted', () => {
    const w = newWorld();
    web(w, 2);
    const b = budget(w, 'web', { minAvailable: 1, selector });
    const [p] = webPods(w);
    w.client.updateStatus(pdbKind.type, { ...b, status: { ...b.status!, disruptedPods: { [p!.metadata.name!]: '2026-11-26T12:00:00Z' } } });
    w.engine.converge();
    expect(counts(w.client.get(pdbKind.type, 'default', 'web'))).toEqual({ expected: 2, desired: 1, current: 1, allowed: 0 });
    w.engine.advanceTo(w.clock.now() + 121_000);
    const after = w.client.get<PodDisruptionBudget>(pdbKind.type, 'default', 'web');
    expect(after.status?.disruptedPods).toBeUndefined();
    expect(counts(after)).toEqual({ expected: 2, desired: 1, current: 2, allowed: 1 });
    const notDeleted = w.client.list<Event>(event.type, 'default').filter((e) => e.reason === 'NotDeleted');
    expect(notDeleted.map((e) => [e.type, e.involvedObject.name, e.message])).toEqual([['Warning', p!.metadata.name, "Pod was expected by PDB default/default to be deleted but it wasn't"]]);
  });
});

describe('the eviction API with a disruption budget', () => {
  it('spends the allowed disruption, then refuses with 429 until a replacement is ready', () => {
    const w = newWorld();
    web(w, 2);
    budget(w, 'web', { minAvailable: 1, selector });
    const [a, b] = webPods(w);
    w.client.evict('default', a!.metadata.name!);
    const spent = w.client.get<PodDisruptionBudget>(pdbKind.type, 'default', 'web');
    expect(spent.status?.disruptionsAllowed).toBe(0);
    expect(spent.status?.disruptedPods).toEqual({ [a!.metadata.name!]: '2026-11-26T12:00:00Z' });
    expect(spent.status?.conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    const refused = statusOf(() => w.client.evict('default', b!.metadata.name!));
    expect(refused.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      reason: 'TooManyRequests',
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 1 healthy pods and has 2 currently' }] },
      code: 429,
    });
    // The Deployment replaces the evicted pod; once it is ready, the budget allows one again.
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(counts(w.client.get(pdbKind.type, 'default', 'web'))).toEqual({ expected: 2, desired: 1, current: 2, allowed: 1 });
    w.client.evict('default', b!.metadata.name!);
  });

  it('lets an unready pod go without spending a disruption while the budget is met', () => {
    const w = newWorld();
    web(w, 3);
    budget(w, 'web', { minAvailable: 2, selector });
    const [p] = webPods(w);
    const unready = { ...p!, status: { ...p!.status, conditions: p!.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const } : c)) } };
    w.client.updateStatus(podKind.type, unready);
    // Not converged: the budget still counts three healthy, two desired.
    w.client.evict('default', p!.metadata.name!);
    const b = w.client.get<PodDisruptionBudget>(pdbKind.type, 'default', 'web');
    expect(b.status?.disruptedPods).toBeUndefined();
    expect(b.status?.disruptionsAllowed).toBe(1);
  });

  it('refuses an unready pod when the budget is not met, unless its policy is AlwaysAllow', () => {
    const w = newWorld();
    web(w, 3);
    budget(w, 'web', { minAvailable: 3, selector });
    const [p] = webPods(w);
    // The pod turns unready and the budget counts it so (the engine is not run: its kubelet would make the pod ready again).
    w.client.updateStatus(podKind.type, { ...p!, status: { ...p!.status, conditions: p!.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const } : c)) } });
    const b = w.client.get<PodDisruptionBudget>(pdbKind.type, 'default', 'web');
    w.client.updateStatus(pdbKind.type, { ...b, status: { ...b.status!, currentHealthy: 2, disruptionsAllowed: 0 } });
    expect(statusOf(() => w.client.evict('default', p!.metadata.name!)).code).toBe(429);
    w.client.patch(pdbKind.type, 'default', 'web', 'merge', { spec: { unhealthyPodEvictionPolicy: 'AlwaysAllow' } });
    w.client.evict('default', p!.metadata.name!);
  });

  it('evicts a pending pod without asking its budget', () => {
    const w = newWorld();
    budget(w, 'lonely', { minAvailable: 5, selector: { matchLabels: { app: 'lonely' } } });
    w.client.create(podKind.type, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'lonely', namespace: 'default', labels: { app: 'lonely' } },
      spec: { nodeSelector: { nowhere: 'true' }, containers: [{ name: 'c', image: 'nginx' }] },
    } as Pod);
    w.engine.converge();
    w.client.evict('default', 'lonely');
  });

  it('refuses a pod two budgets select, as the API server does', () => {
    const w = newWorld();
    web(w, 2);
    budget(w, 'one', { minAvailable: 1, selector });
    budget(w, 'two', { maxUnavailable: 1, selector });
    const [p] = webPods(w);
    const e = statusOf(() => w.client.evict('default', p!.metadata.name!));
    expect([e.code, e.reason, e.message]).toEqual([500, '', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.']);
  });
});

describe('the PodDisruptionBudget kind', () => {
  const refuse = (spec: Record<string, unknown>) => {
    const w = newWorld();
    return statusOf(() => w.client.create(pdbKind.type, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x', namespace: 'default' }, spec } as PodDisruptionBudget)).message;
  };

  it('starts with zero counts and generation 1, with no defaults', () => {
    const w = newWorld();
    const b = w.client.create<PodDisruptionBudget>(pdbKind.type, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x', namespace: 'default' }, spec: { selector } } as PodDisruptionBudget);
    expect(b.spec).toEqual({ selector });
    expect(b.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
    expect(b.metadata.generation).toBe(1);
  });

  it('refuses what the API server refuses, in its words', () => {
    expect(refuse({ minAvailable: 'abc', selector })).toBe(
      `PodDisruptionBudget.policy "x" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    );
    expect(refuse({ minAvailable: '101%', selector })).toBe('PodDisruptionBudget.policy "x" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%');
    expect(refuse({ maxUnavailable: -1, selector })).toBe('PodDisruptionBudget.policy "x" is invalid: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0');
    expect(refuse({ minAvailable: 1, maxUnavailable: 1 })).toMatch(/^PodDisruptionBudget\.policy "x" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{MinAvailable:\(\*intstr\.IntOrString\)\(0x[0-9a-f]+\), Selector:\(\*v1\.LabelSelector\)\(nil\), .*: minAvailable and maxUnavailable cannot be both set$/);
    expect(refuse({ unhealthyPodEvictionPolicy: 'Foo', selector })).toBe('PodDisruptionBudget.policy "x" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Foo": supported values: "AlwaysAllow", "IfHealthyBudget"');
  });
});
