// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status —
// the pods expected, those healthy (Ready, not being deleted, not just evicted), those wanted
// healthy, and so how many may be disrupted now — with its DisruptionAllowed condition. The
// eviction API spends disruptionsAllowed and notes each pod it let go in disruptedPods; an entry
// stands for two minutes, the time the pod has to be deleted.
import { EMPTY_PDB_STATUS, poddisruptionbudget as pdbKind } from '../../api/kinds/poddisruptionbudget';
import { pod as podKind } from '../../api/kinds/pod';
import { deepEqual } from '../../api/meta/equal';
import { labelSelectorMatches } from '../../api/meta/selector';
import { isPodReady } from '../../api/pod/status';
import { setDisruptionAllowed, withDisruptionAllowed } from '../../api/policy/budget';
import type { PodView } from '../../api/pod/view';
import { parseTime } from '../../api/time';
import type { ObjectKey, Pod, PodDisruptionBudget, PodDisruptionBudgetStatus } from '../../api/types';
import { INDEX, type Informers, keyOfObject } from '../../client/informer';
import { type PodIndex, podIndex, podInformer } from '../../client/podindex';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { ExpectedCountError, expectedPodCount } from './expected';

/** How long an evicted pod is given to be deleted before it counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** Pods filed by namespace and each label pair, so a budget's pods are found without a scan (built only once a budget asks). */
const LABEL_INDEX = 'namespace-label';

function selectedPods(informers: Informers, pdb: PodDisruptionBudget): PodView[] {
  const sel = pdb.spec.selector;
  if (!sel) return [];
  const inf = podInformer(informers);
  const ns = pdb.metadata.namespace!;
  const [key] = Object.keys(sel.matchLabels ?? {});
  let candidates: PodView[];
  if (key === undefined) candidates = inf.viewsByIndex(INDEX.namespace, ns);
  else {
    inf.addIndex(LABEL_INDEX, (p) => {
      const labels = p.metadata.labels;
      return labels ? Object.keys(labels).map((k) => `${p.metadata.namespace}/${k}=${labels[k]}`) : undefined;
    });
    candidates = inf.viewsByIndex(LABEL_INDEX, `${ns}/${key}=${sel.matchLabels![key]}`);
  }
  return candidates.filter((p) => labelSelectorMatches(sel, p.metadata.labels));
}

/** A pod write concerns the budgets of its namespace that select it (before or after). */
function budgetsOf(p: Pod | PodView, informers: Informers): ObjectKey[] {
  const budgets = informers.for<PodDisruptionBudget>(pdbKind.type);
  // Most namespaces have no budget: a pod write then costs one count.
  if (!budgets.count(INDEX.namespace, p.metadata.namespace!)) return [];
  return budgets
    .byIndex(INDEX.namespace, p.metadata.namespace!)
    .filter((b) => labelSelectorMatches(b.spec.selector, p.metadata.labels))
    .map(keyOfObject);
}

/**
 * buildDisruptedPodMap: the evictions still pending — pods that exist, are not yet being deleted
 * and were evicted less than two minutes ago; an older one is reported and dropped.
 */
function pendingDisruptions(ctx: ReconcileContext, pdb: PodDisruptionBudget, pods: readonly PodView[], now: number): { map: Record<string, string>; recheckAt?: number } {
  const old = pdb.status?.disruptedPods;
  const map: Record<string, string> = {};
  if (!old) return { map };
  let recheckAt: number | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    const at = old[p.metadata.name!];
    if (at === undefined) continue;
    const expires = (parseTime(at) ?? 0) + DELETION_TIMEOUT_MS;
    if (expires < now) {
      // Kubernetes names the budget's namespace twice here.
      ctx.events.event(p as Pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`);
      continue;
    }
    map[p.metadata.name!] = at;
    recheckAt = Math.min(recheckAt ?? Infinity, expires);
  }
  return { map, recheckAt };
}

function countHealthy(pods: readonly PodView[], disrupted: Record<string, string>): number {
  let n = 0;
  for (const p of pods) if (!p.metadata.deletionTimestamp && disrupted[p.metadata.name!] === undefined && isPodReady(p)) n++;
  return n;
}

/** ConditionsAreUpToDate: the condition is there, for this generation, and agrees with the count. */
function conditionsUpToDate(pdb: PodDisruptionBudget): boolean {
  const c = pdb.status?.conditions?.find((x) => x.type === 'DisruptionAllowed');
  if (!c || pdb.status?.observedGeneration !== pdb.metadata.generation) return false;
  return (pdb.status?.disruptionsAllowed ?? 0) > 0 ? c.status === 'True' && c.reason === 'SufficientPods' : c.status === 'False' && c.reason === 'InsufficientPods';
}

function writeStatus(ctx: ReconcileContext, pdb: PodDisruptionBudget, s: Omit<PodDisruptionBudgetStatus, 'conditions' | 'observedGeneration'>): void {
  const old = pdb.status;
  const allowed = s.expectedPods <= 0 || s.disruptionsAllowed <= 0 ? 0 : s.disruptionsAllowed;
  const same =
    old &&
    old.currentHealthy === s.currentHealthy &&
    old.desiredHealthy === s.desiredHealthy &&
    old.expectedPods === s.expectedPods &&
    old.disruptionsAllowed === allowed &&
    deepEqual(old.disruptedPods ?? {}, s.disruptedPods ?? {}) &&
    old.observedGeneration === pdb.metadata.generation;
  if (same && conditionsUpToDate(pdb)) return;
  const status: PodDisruptionBudgetStatus = {
    observedGeneration: pdb.metadata.generation,
    ...(s.disruptedPods && Object.keys(s.disruptedPods).length ? { disruptedPods: s.disruptedPods } : {}),
    disruptionsAllowed: allowed,
    currentHealthy: s.currentHealthy,
    desiredHealthy: s.desiredHealthy,
    expectedPods: s.expectedPods,
    conditions: old?.conditions,
  };
  status.conditions = withDisruptionAllowed(status, ctx.clock.now());
  ctx.client.updateStatus(pdbKind.type, { ...pdb, status });
}

/** failSafe: a budget whose count failed allows no disruption, and says why. */
function failSafe(ctx: ReconcileContext, pdb: PodDisruptionBudget, message: string): void {
  const old = pdb.status ?? EMPTY_PDB_STATUS;
  const status = { ...old, disruptionsAllowed: 0, conditions: setDisruptionAllowed(old, false, 'SyncFailed', message, ctx.clock.now()) };
  if (!deepEqual(status, pdb.status)) ctx.client.updateStatus(pdbKind.type, { ...pdb, status });
}

export const disruptionController: Controller<PodIndex> = {
  name: 'disruption-controller',

  watches: [
    { type: pdbKind.type },
    {
      type: podKind.type,
      keys: (e, informers) => {
        const now = budgetsOf(e.object as Pod, informers);
        return e.oldObject ? now.concat(budgetsOf(e.oldObject as Pod, informers)) : now;
      },
    },
  ],

  resync: (ctx) => ctx.client.list<PodDisruptionBudget>(pdbKind.type).map(keyOfObject),

  prepare: (ctx) => podIndex(ctx.informers),

  reconcile(ctx, key, pods) {
    const pdb = ctx.client.tryGet<PodDisruptionBudget>(pdbKind.type, key.namespace, key.name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const now = ctx.clock.now();
    const selected = selectedPods(ctx.informers, pdb);
    if (!selected.length) ctx.events.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let expected;
    try {
      expected = expectedPodCount(pdb, selected, ctx.informers, pods);
    } catch (e) {
      if (!(e instanceof ExpectedCountError)) throw e;
      ctx.events.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${e.message}`);
      failSafe(ctx, pdb, e.message);
      return;
    }
    if (expected.unmanaged.length)
      ctx.events.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${goSelectorString(pdb)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      );
    const disrupted = pendingDisruptions(ctx, pdb, selected, now);
    const currentHealthy = countHealthy(selected, disrupted.map);
    writeStatus(ctx, pdb, {
      disruptedPods: disrupted.map,
      disruptionsAllowed: currentHealthy - expected.desiredHealthy,
      currentHealthy,
      desiredHealthy: expected.desiredHealthy,
      expectedPods: expected.expectedCount,
    });
    return disrupted.recheckAt !== undefined ? { requeueAfterMs: Math.max(1, disrupted.recheckAt - now) } : undefined;
  },
};

/** The generated String() of a *metav1.LabelSelector, as the event's %v prints it. */
function goSelectorString(pdb: PodDisruptionBudget): string {
  const sel = pdb.spec.selector;
  if (!sel) return '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('');
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
