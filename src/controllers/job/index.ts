// The Job controller (pkg/controller/job): runs pods of the template until enough succeed
// (completions; for Indexed Jobs one per index) or too many fail (backoffLimit), at most
// `parallelism` at a time, replacements after failures waiting out the pod failure back-off
// (10s doubling to 10m); counts what finished once per pod and ends with v1.32's conditions
// (SuccessCriteriaMet then Complete; FailureTarget then Failed). Each pod carries the tracking
// finalizer until it is counted.
import { job as jobKind } from '../../api/kinds/job';
import { pod as podKind } from '../../api/kinds/pod';
import { deepEqual } from '../../api/meta/equal';
import { newControllerRef } from '../../api/meta/ownerrefs';
import { isPodActive, isPodReady, isPodTerminal } from '../../api/pod/status';
import { parseTime, rfc3339 } from '../../api/time';
import type { Condition, Job, JobStatus, Pod } from '../../api/types';
import { keyOfObject } from '../../client/informer';
import { type PodIndex, podIndex } from '../../client/podindex';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { ownedBy } from '../ownerwatch';
import { backoffLeft, finishedAt } from './backoff';
import { type Verdict, judgeFailure } from './failurepolicy';
import { COMPLETION_INDEX, completedIndexesText, indexOf, parseIndexes, pendingIndexes } from './indexes';
import { failsIndex, indexBackoffRemaining, lastFailedByIndex, replacementCounts } from './perindex';
import { matchSuccessPolicy } from './successpolicy';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** MaxPodCreateDeletePerSync. */
const MAX_PER_SYNC = 500;

const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
const BACKOFF_EXCEEDED = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
const MAX_FAILED_INDEXES = { reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' };
const FAILED_INDEXES = { reason: 'FailedIndexes', message: 'Job has failed indexes' };

const conditionOf = (job: Job, type: string) => job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
const hasCondition = (job: Job, type: string) => !!conditionOf(job, type);
/** Pods being deleted that have not finished. */
const terminatingPods = (pods: readonly Pod[]) => pods.filter((p) => p.metadata.deletionTimestamp && !isPodTerminal(p)).length;
const isFinished = (job: Job) => hasCondition(job, 'Complete') || hasCondition(job, 'Failed');

/** The Job's pods (controlled by it), whole. */
function jobPods(job: Job, pods: PodIndex): Pod[] {
  const out: Pod[] = [];
  for (const v of pods.byController(job.metadata.uid!)) {
    const p = pods.whole(v);
    if (p) out.push(p);
  }
  return out.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

export const jobController: Controller<PodIndex> = {
  name: 'job-controller',

  watches: [{ type: jobKind.type }, ownedBy(podKind.type, jobKind.type)],

  resync: (ctx) => ctx.client.list<Job>(jobKind.type).map(keyOfObject),

  prepare: (ctx) => podIndex(ctx.informers),

  reconcile(ctx, key, pods) {
    const job = ctx.client.tryGet<Job>(jobKind.type, key.namespace, key.name);
    if (!job) return;
    const all = jobPods(job, pods);
    const now = ctx.clock.now();
    // What finished since the last sync is counted once, then let go (the tracking finalizer).
    const status: JobStatus = { ...job.status };
    const fresh = all.filter((p) => p.metadata.finalizers?.includes(TRACKING_FINALIZER) && !isPodActive(p) && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' || !!p.metadata.deletionTimestamp));
    const indexed = job.spec.completionMode === 'Indexed';
    const completions = job.spec.completions ?? 0;
    const perIndex = indexed && job.spec.backoffLimitPerIndex !== undefined;
    const completed = new Set<number>(indexed ? parseIndexes(status.completedIndexes) : []);
    const failedIndexes = new Set<number>(perIndex ? parseIndexes(status.failedIndexes).filter((i) => i < completions) : []);
    // Pods deleted because the Job had succeeded are not failures.
    const succeededAlready = hasCondition(job, 'SuccessCriteriaMet');
    // A failed pod a FailJob rule matches fails the Job at once.
    let policyFailure: { reason: string; message: string } | undefined;
    for (const p of fresh) {
      if (p.status?.phase === 'Succeeded') {
        if (indexed) {
          const i = indexOf(p);
          if (i !== undefined && i < completions) completed.add(i);
        } else status.succeeded = (status.succeeded ?? 0) + 1;
      } else if (!(succeededAlready && p.status?.phase !== 'Failed')) {
        const verdict = judgeFailure(job, p);
        if (verdict.action === 'failJob') policyFailure ??= { reason: 'PodFailurePolicy', message: verdict.message };
        if (verdict.action !== 'ignore') status.failed = (status.failed ?? 0) + 1;
        const i = indexOf(p);
        if (perIndex && i !== undefined && i < completions && failsIndex(job, p, verdict)) failedIndexes.add(i);
      }
    }
    if (indexed) {
      status.succeeded = completed.size;
      status.completedIndexes = completedIndexesText(completed);
    }
    // With per-index back-off the failed indexes are always written, "" while there are none.
    if (perIndex) status.failedIndexes = completedIndexesText(failedIndexes) ?? '';
    for (const p of fresh) releasePod(ctx, p);
    if (job.metadata.deletionTimestamp || isFinished(job)) {
      if (fresh.length) writeStatus(ctx, job, status);
      return;
    }
    const active = all.filter(isPodActive);
    status.uncountedTerminatedPods = {};
    if (job.spec.suspend) {
      // Suspended: its pods go, and its active deadline waits (startTime is set again on resuming).
      for (const p of active) deletePod(ctx, job, p);
      if (setSuspended(status, true, now)) ctx.events.event(job, 'Normal', 'Suspended', 'Job suspended');
      status.active = 0;
      status.ready = 0;
      status.terminating = terminatingPods(all) + active.length;
      writeStatus(ctx, job, status);
      return;
    }
    if (setSuspended(status, false, now)) {
      ctx.events.event(job, 'Normal', 'Resumed', 'Job resumed');
      status.startTime = rfc3339(now);
    }
    status.startTime ??= rfc3339(now);
    let retryAt: number | undefined;

    // A Job already finishing keeps the reason it was given, and ends once its pods are gone.
    const interim = conditionOf(job, 'FailureTarget') ?? conditionOf(job, 'SuccessCriteriaMet');
    if (interim) return finishing(ctx, job, status, all, active, interim.type === 'FailureTarget', interim, now);
    const failure = policyFailure ?? failureOf(job, status, active, now) ?? (perIndex ? indexesFailure(job, failedIndexes, completed) : undefined);
    if (failure) return finishing(ctx, job, status, all, active, true, failure, now);
    const policyMet = indexed ? matchSuccessPolicy(job, completions, completed) : undefined;
    // Met early: the pods still running are let go, and not counted as failures.
    if (policyMet) return finishing(ctx, job, status, all, active, false, { reason: 'SuccessPolicy', message: policyMet }, now);
    const succeeded = status.succeeded ?? 0;
    const done = job.spec.completions === undefined ? succeeded > 0 && !active.length : succeeded >= job.spec.completions && !active.length;
    if (done) return finishing(ctx, job, status, all, active, false, COMPLETIONS_REACHED, now);

    // manageJob: as many active pods as parallelism allows and completions still need.
    const parallelism = job.spec.parallelism ?? 1;
    const want = job.spec.completions === undefined ? (succeeded > 0 ? active.length : parallelism) : Math.max(0, Math.min(job.spec.completions - succeeded, parallelism));
    let live = active;
    if (active.length > want) {
      for (const p of active.slice(want)) deletePod(ctx, job, p);
      live = active.slice(0, want);
    } else if (active.length < want) {
      if (perIndex) {
        // Each index waits out its own back-off; failed indexes are not run again.
        const done = new Set([...completed, ...failedIndexes]);
        const lastFailed = lastFailedByIndex(all);
        const pending = pendingIndexes(completions, done, live.map(indexOf)).slice(0, want - active.length);
        const waits = pending.map((i) => indexBackoffRemaining(lastFailed.get(i), now));
        const ready = pending.filter((_, k) => waits[k] === 0);
        if (ready.length) live = [...live, ...createPods(ctx, job, Math.min(ready.length, MAX_PER_SYNC), ready, (i) => replacement(job, lastFailed.get(i)))];
        else if (pending.length) retryAt = now + Math.max(1000, Math.min(...waits));
      } else {
        const wait = backoffRemaining(all, now);
        if (wait > 0) retryAt = now + wait;
        else {
          const indexes = indexed ? pendingIndexes(completions, completed, live.map(indexOf)) : [];
          const count = Math.min(want - active.length, MAX_PER_SYNC, indexed ? indexes.length : Infinity);
          live = [...live, ...createPods(ctx, job, count, indexes)];
        }
      }
    }
    status.active = live.length;
    status.ready = live.filter((p) => isPodReady(p)).length;
    status.terminating = terminatingPods(all);
    writeStatus(ctx, job, status);
    const deadline = job.spec.activeDeadlineSeconds !== undefined ? (parseTime(status.startTime) ?? now) + job.spec.activeDeadlineSeconds * 1000 : undefined;
    const next = Math.min(retryAt ?? Infinity, deadline ?? Infinity);
    return next !== Infinity ? { requeueAfterMs: Math.max(1, next - now) } : undefined;
  },
};

/**
 * The Suspended condition: True with JobSuspended, or (once a Job was suspended) False with
 * JobResumed. Returns whether it changed.
 */
function setSuspended(status: JobStatus, suspended: boolean, now: number): boolean {
  const conditions = status.conditions ?? [];
  const current = conditions.find((c) => c.type === 'Suspended');
  if (suspended ? current?.status === 'True' : current?.status !== 'True') return false;
  const at = rfc3339(now);
  const condition: Condition = suspended
    ? { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: at, lastTransitionTime: at }
    : { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', lastProbeTime: at, lastTransitionTime: at };
  status.conditions = current ? conditions.map((c) => (c.type === 'Suspended' ? condition : c)) : [...conditions, condition];
  return true;
}

/** Past the backoff limit or the active deadline: the reason and message the Job fails with. */
function failureOf(job: Job, status: JobStatus, active: readonly Pod[], now: number): { reason: string; message: string } | undefined {
  const limit = job.spec.backoffLimit ?? 6;
  if ((status.failed ?? 0) > limit) return BACKOFF_EXCEEDED;
  // With OnFailure the kubelet restarts containers in place: their restarts count instead.
  if (job.spec.template.spec.restartPolicy === 'OnFailure') {
    let restarts = 0;
    for (const p of active) for (const c of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) restarts += c.restartCount ?? 0;
    if (limit === 0 ? restarts > 0 : restarts >= limit) return BACKOFF_EXCEEDED;
  }
  const start = parseTime(status.startTime);
  if (job.spec.activeDeadlineSeconds !== undefined && start !== undefined && now - start >= job.spec.activeDeadlineSeconds * 1000) return DEADLINE_EXCEEDED;
  return undefined;
}


/**
 * A Job that has failed or succeeded: its active pods are deleted and the interim condition
 * (FailureTarget, SuccessCriteriaMet) is set; the terminal one (Failed, Complete, with the same
 * reason and message) and its event wait until no pod is terminating, as v1.32's controller waits.
 */
function finishing(ctx: ReconcileContext, job: Job, status: JobStatus, all: readonly Pod[], active: readonly Pod[], failed: boolean, why: { reason?: string; message?: string }, now: number): undefined {
  for (const p of active) deletePod(ctx, job, p);
  const terminating = terminatingPods(all) + active.length;
  status.active = 0;
  status.ready = 0;
  status.terminating = terminating;
  const reason = { reason: why.reason ?? '', message: why.message ?? '' };
  const [interim, terminal] = failed ? ['FailureTarget', 'Failed'] : ['SuccessCriteriaMet', 'Complete'];
  finish(status, terminating ? [interim] : [interim, terminal], reason, now);
  if (!terminating && !failed) status.completionTime = rfc3339(now);
  writeStatus(ctx, job, status);
  if (!terminating) {
    if (failed) ctx.events.event(job, 'Warning', reason.reason, reason.message);
    else ctx.events.event(job, 'Normal', 'Completed', 'Job completed');
  }
  return undefined;
}

/** With per-index back-off: too many failed indexes, or every index finished and some failed. */
function indexesFailure(job: Job, failed: ReadonlySet<number>, completed: ReadonlySet<number>): { reason: string; message: string } | undefined {
  if (job.spec.maxFailedIndexes !== undefined && failed.size > job.spec.maxFailedIndexes) return MAX_FAILED_INDEXES;
  if (failed.size > 0 && failed.size + completed.size >= (job.spec.completions ?? 0)) return FAILED_INDEXES;
  return undefined;
}

/** The failure counts a new pod of an index carries: the last failed pod's, plus its own failure. */
function replacement(job: Job, lastFailed: Pod | undefined): Record<string, string> {
  const verdict: Verdict | undefined = lastFailed && job.spec.podFailurePolicy !== undefined ? judgeFailure(job, lastFailed) : undefined;
  return replacementCounts(lastFailed, verdict);
}

/**
 * The pod failure back-off: 10s doubling per failed pod since the last success (an ignored
 * failure too), at most 10m, counted from the last failure's end.
 */
function backoffRemaining(pods: readonly Pod[], now: number): number {
  const lastSuccess = Math.max(0, ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finishedAt));
  const failed = pods.filter((p) => p.status?.phase === 'Failed' && finishedAt(p) >= lastSuccess);
  if (!failed.length) return 0;
  return backoffLeft(failed.length, Math.max(...failed.map(finishedAt)), now);
}

/** The interim condition, then the terminal one, both with the same reason and message. */
function finish(status: JobStatus, types: string[], why: { reason: string; message: string }, now: number): void {
  const at = rfc3339(now);
  const conditions: Condition[] = [...(status.conditions ?? [])];
  for (const type of types)
    if (!conditions.some((c) => c.type === type)) conditions.push({ type, status: 'True', reason: why.reason, message: why.message, lastProbeTime: at, lastTransitionTime: at });
  status.conditions = conditions;
}

/** Writes the status when it changed (a sync that finds nothing new writes nothing). */
function writeStatus(ctx: ReconcileContext, job: Job, status: JobStatus): void {
  const next = orderedStatus(status);
  if (!deepEqual(next, job.status ?? {})) ctx.client.updateStatus(jobKind.type, { ...job, status: next });
}

/** The status with its fields in the order the API server writes them (completionTime first). */
function orderedStatus(s: JobStatus): JobStatus {
  const out: JobStatus = {};
  for (const k of ['conditions', 'startTime', 'completionTime', 'active', 'succeeded', 'failed', 'terminating', 'completedIndexes', 'failedIndexes', 'uncountedTerminatedPods', 'ready'] as const)
    if (s[k] !== undefined && !(s[k] === 0 && (k === 'active' || k === 'succeeded' || k === 'failed'))) (out as Record<string, unknown>)[k] = s[k];
  return out;
}

function releasePod(ctx: ReconcileContext, p: Pod): void {
  const finalizers = (p.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
  ctx.client.patch(podKind.type, p.metadata.namespace, p.metadata.name!, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, uid: p.metadata.uid } });
}

function deletePod(ctx: ReconcileContext, job: Job, p: Pod): void {
  ctx.client.delete(podKind.type, p.metadata.namespace, p.metadata.name!);
  ctx.events.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
}

/** `count` pods of the template (for Indexed Jobs, of the given indexes), in slow-start batches. */
function createPods(ctx: ReconcileContext, job: Job, count: number, indexes: readonly number[], annotate?: (index: number) => Record<string, string>): Pod[] {
  const made: Pod[] = [];
  for (let done = 0, batch = 1; done < count; done += batch, batch *= 2) {
    for (let i = done; i < Math.min(count, done + batch); i++) {
      try {
        const pod = newPod(job, indexes[i]);
        if (annotate && indexes[i] !== undefined) pod.metadata.annotations = { ...pod.metadata.annotations, ...annotate(indexes[i]!) };
        const p = ctx.client.create<Pod>(podKind.type, pod);
        made.push(p);
        ctx.events.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${p.metadata.name}`);
      } catch (e) {
        ctx.events.event(job, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
        return made;
      }
    }
  }
  return made;
}

function newPod(job: Job, index: number | undefined): Pod {
  const t = job.spec.template;
  const name = job.metadata.name!;
  const labels = { ...(t.metadata?.labels ?? {}) };
  const metadata: Pod['metadata'] = {
    generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
    namespace: job.metadata.namespace,
    labels,
    finalizers: [...(t.metadata?.finalizers ?? []), TRACKING_FINALIZER],
    ownerReferences: [newControllerRef(job)],
  };
  let spec = t.spec;
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (index !== undefined) {
    metadata.annotations = { ...metadata.annotations, [COMPLETION_INDEX]: String(index) };
    labels[COMPLETION_INDEX] = String(index);
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
    const withIndex = <C extends { env?: unknown[] }>(c: C): C => ({ ...c, env: [...(c.env ?? []), env] });
    spec = { ...spec, hostname: `${name}-${index}`, containers: spec.containers.map(withIndex), ...(spec.initContainers ? { initContainers: spec.initContainers.map(withIndex) } : {}) };
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

