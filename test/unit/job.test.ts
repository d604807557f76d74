// The Job controller through the engine: parallel pods up to completions, counted once and let go
// (the tracking finalizer), v1.32's conditions on success and on failure after the pod failure
// back-off, Indexed Jobs' pods and completed indexes; the kind's defaults, labels and validation.
import { describe, expect, it } from 'vitest';
import { event } from '../../src/api/kinds/event';
import { job as jobKind } from '../../src/api/kinds/job';
import { pod } from '../../src/api/kinds/pod';
import type { Event, Job, Pod } from '../../src/api/types';
import { completedIndexesText, parseIndexes, pendingIndexes } from '../../src/controllers/job/indexes';
import { StoreAreas } from '../../src/store/areas';
import { newWorld, statusOf, type World } from '../helpers/world';

function createJob(w: World, name: string, spec: Partial<Job['spec']>, command: string[], restartPolicy = 'Never'): Job {
  return w.client.create<Job>(jobKind.type, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox:1.36', command }] } }, ...spec },
  } as Job);
}

const getJob = (w: World, name: string) => w.client.get<Job>(jobKind.type, 'default', name);
const podsOf = (w: World, name: string) =>
  w.client
    .list<Pod>(pod.type, 'default')
    .filter((p) => p.metadata.labels?.['job-name'] === name)
    .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.name! < b.metadata.name! ? -1 : 1));
const events = (w: World, name: string) =>
  w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message}`.replace(/-[a-z0-9]{5}$/, '-x'));

describe('the Job controller', () => {
  it('runs pods two at a time until three succeed, counts each once, and completes as v1.32 does', () => {
    const w = newWorld();
    createJob(w, 'hello', { completions: 3, parallelism: 2 }, ['sh', '-c', 'echo hello; sleep 5']);
    w.engine.converge();
    expect(podsOf(w, 'hello')).toHaveLength(2);
    expect(podsOf(w, 'hello')[0].metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(getJob(w, 'hello').status).toMatchObject({ active: 2, ready: 2, terminating: 0, uncountedTerminatedPods: {}, startTime: '2026-11-26T12:00:00Z' });
    w.engine.advanceTo(w.clock.now() + 30_000);
    const j = getJob(w, 'hello');
    const at = '2026-11-26T12:00:10Z';
    expect(j.status).toEqual({
      completionTime: at,
      conditions: [
        { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: at, lastTransitionTime: at },
        { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: at, lastTransitionTime: at },
      ],
      ready: 0,
      startTime: '2026-11-26T12:00:00Z',
      succeeded: 3,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    const pods = podsOf(w, 'hello');
    expect(pods.map((p) => [p.status?.phase, p.metadata.finalizers])).toEqual(Array(3).fill(['Succeeded', undefined]));
    expect(events(w, 'hello')).toEqual(['SuccessfulCreate: Created pod: hello-x', 'SuccessfulCreate: Created pod: hello-x', 'SuccessfulCreate: Created pod: hello-x', 'Completed: Job completed']);
  });

  it('replaces failed pods after 10s, then 20s, and fails past backoffLimit with FailureTarget then Failed', () => {
    const w = newWorld();
    createJob(w, 'fail', { backoffLimit: 2 }, ['sh', '-c', 'exit 1']);
    const t0 = w.clock.now();
    w.engine.converge();
    w.engine.advanceTo(t0 + 9_000);
    expect(podsOf(w, 'fail')).toHaveLength(1);
    w.engine.advanceTo(t0 + 10_000);
    expect(podsOf(w, 'fail')).toHaveLength(2);
    w.engine.advanceTo(t0 + 29_000);
    expect(podsOf(w, 'fail')).toHaveLength(2);
    w.engine.advanceTo(t0 + 120_000);
    const j = getJob(w, 'fail');
    expect(podsOf(w, 'fail')).toHaveLength(3);
    expect(j.status?.failed).toBe(3);
    expect(j.status?.completionTime).toBeUndefined();
    expect(j.status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(events(w, 'fail').at(-1)).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it("with restartPolicy OnFailure counts its containers' restarts against backoffLimit", () => {
    const w = newWorld();
    createJob(w, 'crash', { backoffLimit: 2 }, ['sh', '-c', 'exit 1'], 'OnFailure');
    const t0 = w.clock.now();
    w.engine.converge();
    expect(podsOf(w, 'crash')).toHaveLength(1);
    w.engine.advanceTo(t0 + 120_000);
    const j = getJob(w, 'crash');
    expect(j.status?.conditions?.map((c) => [c.type, c.reason])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded'],
      ['Failed', 'BackoffLimitExceeded'],
    ]);
    // One pod, restarted in place, then deleted when the Job failed.
    expect(events(w, 'crash')).toEqual([
      'SuccessfulCreate: Created pod: crash-x',
      'SuccessfulDelete: Deleted pod: crash-x',
      'BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
  });

  it('follows its podFailurePolicy: an exit code a FailJob rule names fails the Job at once; an ignored one is not counted', () => {
    const w = newWorld();
    const policy = {
      rules: [
        { action: 'FailJob', onExitCodes: { containerName: 'c', operator: 'In', values: [42] } },
        { action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } },
      ],
    };
    createJob(w, 'fatal', { podFailurePolicy: policy, backoffLimit: 6 }, ['sh', '-c', 'exit 42']);
    w.engine.converge();
    const fatal = getJob(w, 'fatal');
    const pod0 = podsOf(w, 'fatal')[0].metadata.name;
    const message = `Container c for pod default/${pod0} failed with exit code 42 matching FailJob rule at index 0`;
    expect(fatal.status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'PodFailurePolicy', message],
      ['Failed', 'PodFailurePolicy', message],
    ]);
    expect(fatal.spec.podReplacementPolicy).toBe('Failed');
    createJob(w, 'flaky', { podFailurePolicy: policy, backoffLimit: 0 }, ['sh', '-c', 'exit 3']);
    w.engine.advanceTo(w.clock.now() + 30_000);
    // Ignored failures never reach backoffLimit 0: the Job keeps replacing its pod.
    const flaky = getJob(w, 'flaky');
    expect(flaky.status?.failed).toBeUndefined();
    expect(flaky.status?.conditions).toBeUndefined();
    expect(podsOf(w, 'flaky').length).toBeGreaterThan(1);
    expect(statusOf(() => createJob(w, 'bad', { podFailurePolicy: policy }, ['true'], 'OnFailure')).message).toBe(
      'Job.batch "bad" is invalid: spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    );
  });

  it('gives an Indexed Job one pod per index, with its hostname, annotation, label and JOB_COMPLETION_INDEX', () => {
    const w = newWorld();
    createJob(w, 'idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }, ['sh', '-c', 'echo $JOB_COMPLETION_INDEX']);
    w.engine.converge();
    const pods = podsOf(w, 'idx');
    expect(pods.map((p) => p.metadata.generateName).sort()).toEqual(['idx-0-', 'idx-1-', 'idx-2-']);
    const zero = pods.find((p) => p.metadata.generateName === 'idx-0-')!;
    expect(zero.spec.hostname).toBe('idx-0');
    expect(zero.metadata.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '0' });
    expect(zero.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('0');
    expect(zero.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
    w.engine.advanceTo(w.clock.now() + 10_000);
    expect(getJob(w, 'idx').status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
  });

  it('past its deadline, is FailureTarget while its pods terminate, and Failed once they are gone', () => {
    const w = newWorld();
    // A finalizer of someone else's keeps the deleted pod, and its node's kubelet is stopped: it stays terminating.
    w.client.create<Job>(jobKind.type, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'slow', namespace: 'default' },
      spec: {
        activeDeadlineSeconds: 5,
        template: { metadata: { finalizers: ['example.com/hold'] }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '600'] }] } },
      },
    } as Job);
    w.engine.converge();
    const [p] = podsOf(w, 'slow');
    new StoreAreas(w.store).put('machines', p!.spec.nodeName!, { kubeletStoppedAt: w.clock.now() });
    w.engine.advanceTo(w.clock.now() + 6_000);
    const j = getJob(w, 'slow');
    expect(j.status?.conditions?.map((c) => `${c.type}/${c.reason}`)).toEqual(['FailureTarget/DeadlineExceeded']);
    expect(j.status?.terminating).toBe(1);
    expect(events(w, 'slow').at(-1)).toBe('SuccessfulDelete: Deleted pod: slow-x');
    w.client.patch(pod.type, 'default', p!.metadata.name!, 'merge', { metadata: { finalizers: null } });
    w.engine.converge();
    expect(getJob(w, 'slow').status?.conditions?.map((c) => `${c.type}/${c.reason}`)).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(events(w, 'slow').at(-1)).toBe('DeadlineExceeded: Job was active longer than specified deadline');
  });

  it('suspended, deletes its pods and says so; resumed, runs again from a new start time', () => {
    const w = newWorld();
    createJob(w, 'later', {}, ['sh', '-c', 'sleep 60']);
    w.engine.converge();
    expect(podsOf(w, 'later')).toHaveLength(1);
    const j = getJob(w, 'later');
    w.client.update(jobKind.type, { ...j, spec: { ...j.spec, suspend: true } });
    w.engine.advanceTo(w.clock.now() + 40_000);
    expect(podsOf(w, 'later').filter((p) => !p.metadata.deletionTimestamp)).toEqual([]);
    const suspended = getJob(w, 'later');
    expect(suspended.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
    expect(suspended.status?.active).toBeUndefined();
    w.client.update(jobKind.type, { ...suspended, spec: { ...suspended.spec, suspend: false } });
    w.engine.converge();
    const resumed = getJob(w, 'later');
    expect(resumed.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([['Suspended', 'False', 'JobResumed', 'Job resumed']]);
    expect(resumed.status?.startTime).toBe('2026-11-26T12:00:40Z');
    expect(resumed.status?.active).toBe(1);
    expect(events(w, 'later').filter((e) => !e.startsWith('SuccessfulCreate'))).toEqual(['SuccessfulDelete: Deleted pod: later-x', 'Suspended: Job suspended', 'Resumed: Job resumed']);
  });

  it('is deleted with its pods ttlSecondsAfterFinished after it finished', () => {
    const w = newWorld();
    createJob(w, 'brief', { ttlSecondsAfterFinished: 100 }, ['sh', '-c', 'echo done']);
    const t0 = w.clock.now();
    w.engine.converge();
    expect(getJob(w, 'brief').status?.completionTime).toBe('2026-11-26T12:00:00Z');
    w.engine.advanceTo(t0 + 99_000);
    expect(w.client.tryGet(jobKind.type, 'default', 'brief')).toBeDefined();
    w.engine.advanceTo(t0 + 101_000);
    expect(w.client.tryGet(jobKind.type, 'default', 'brief')).toBeUndefined();
    expect(podsOf(w, 'brief')).toEqual([]);
  });

  it('deletes its pods with it, tracked or not', () => {
    const w = newWorld();
    createJob(w, 'long', {}, ['sh', '-c', 'sleep 3600']);
    w.engine.converge();
    w.client.delete(jobKind.type, 'default', 'long', { propagationPolicy: 'Background' });
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(podsOf(w, 'long')).toEqual([]);
  });
});

describe('per-index back-off and success policies', () => {
  const FAIL_ONE = ['sh', '-c', 'if [ $JOB_COMPLETION_INDEX = 1 ]; then exit 1; fi; echo ok'];
  const failureCounts = (w: World, name: string) =>
    podsOf(w, name).map((p) => `${p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']}:${p.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count']}:${p.status?.phase}`);

  it('retries a failing index after its own back-off, then fails it and the Job once every index is done', () => {
    const w = newWorld();
    createJob(w, 'pi', { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }, FAIL_ONE);
    w.engine.converge();
    expect(getJob(w, 'pi').status).toMatchObject({ completedIndexes: '0,2', failedIndexes: '', failed: 1 });
    expect(getJob(w, 'pi').spec.backoffLimit).toBe(2147483647);
    w.engine.advanceTo(w.clock.now() + 9_000);
    expect(podsOf(w, 'pi')).toHaveLength(3);
    w.engine.advanceTo(w.clock.now() + 2_000);
    expect(failureCounts(w, 'pi').sort()).toEqual(['0:0:Succeeded', '1:0:Failed', '1:1:Failed', '2:0:Succeeded']);
    const at = '2026-11-26T12:00:10Z';
    expect(getJob(w, 'pi').status).toMatchObject({
      failedIndexes: '1',
      failed: 2,
      succeeded: 2,
      conditions: [
        { type: 'FailureTarget', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: at, lastTransitionTime: at },
        { type: 'Failed', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: at, lastTransitionTime: at },
      ],
    });
    expect(events(w, 'pi').at(-1)).toBe('FailedIndexes: Job has failed indexes');
  });

  it('fails the Job as soon as more indexes failed than maxFailedIndexes allows', () => {
    const w = newWorld();
    createJob(w, 'mf', { completions: 3, parallelism: 1, completionMode: 'Indexed', backoffLimitPerIndex: 0, maxFailedIndexes: 0 }, FAIL_ONE);
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(getJob(w, 'mf').status).toMatchObject({ completedIndexes: '0', failedIndexes: '1' });
    expect(getJob(w, 'mf').status?.conditions?.map((c) => `${c.type}/${c.reason}`)).toEqual(['FailureTarget/MaxFailedIndexesExceeded', 'Failed/MaxFailedIndexesExceeded']);
    // Index 2 never ran.
    expect(failureCounts(w, 'mf')).toEqual(['0:0:Succeeded', '1:0:Failed']);
  });

  it('fails an index at once on a FailIndex rule', () => {
    const w = newWorld();
    createJob(
      w,
      'fi',
      { completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimitPerIndex: 5, podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }] } },
      FAIL_ONE,
    );
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(getJob(w, 'fi').status).toMatchObject({ completedIndexes: '0', failedIndexes: '1', failed: 1 });
    expect(podsOf(w, 'fi')).toHaveLength(2);
  });

  it('completes once a success policy rule is met, letting the other pods go uncounted', () => {
    const w = newWorld();
    createJob(w, 'leader', { completions: 3, parallelism: 3, completionMode: 'Indexed', successPolicy: { rules: [{ succeededIndexes: '0' }] } }, [
      'sh',
      '-c',
      'if [ $JOB_COMPLETION_INDEX = 0 ]; then echo done; else sleep 600; fi',
    ]);
    w.engine.advanceTo(w.clock.now() + 60_000);
    const j = getJob(w, 'leader');
    const at = '2026-11-26T12:00:00Z';
    expect(j.status?.conditions).toEqual([
      { type: 'SuccessCriteriaMet', status: 'True', reason: 'SuccessPolicy', message: 'Matched rules at index 0', lastProbeTime: at, lastTransitionTime: at },
      { type: 'Complete', status: 'True', reason: 'SuccessPolicy', message: 'Matched rules at index 0', lastProbeTime: at, lastTransitionTime: at },
    ]);
    expect(j.status).toMatchObject({ completedIndexes: '0', succeeded: 1, completionTime: at });
    expect(j.status?.failed).toBeUndefined();
    expect(podsOf(w, 'leader').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running')).toEqual([]);
  });

  it('refuses per-index limits and success policies where the API server refuses them', () => {
    const w = newWorld();
    const refused = (spec: Partial<Job['spec']>) => statusOf(() => createJob(w, 'bad', spec, ['true'])).message;
    expect(refused({ backoffLimitPerIndex: 1 })).toBe('Job.batch "bad" is invalid: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode');
    expect(refused({ completionMode: 'Indexed', completions: 2, maxFailedIndexes: 3 })).toBe(
      'Job.batch "bad" is invalid: [spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified, spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions]',
    );
    expect(refused({ completionMode: 'Indexed', completions: 2, podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }] } })).toBe(
      'Job.batch "bad" is invalid: spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
    );
    expect(refused({ completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{ succeededIndexes: '0-5', succeededCount: 4 }] } })).toBe(
      'Job.batch "bad" is invalid: [spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-5": error parsing succeededIndexes: too large index: "5", spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of specified completions), spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)]',
    );
    expect(refused({ completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{}] } })).toBe(
      'Job.batch "bad" is invalid: spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified',
    );
  });
});

describe('completion indexes', () => {
  it('are written as intervals and read back', () => {
    // Two in a row are written as two (orderedIntervals.String).
    expect(completedIndexesText(new Set([0, 1, 2, 4, 7, 8]))).toBe('0-2,4,7,8');
    expect(parseIndexes('0-2,4,7,8')).toEqual([0, 1, 2, 4, 7, 8]);
    expect(pendingIndexes(5, new Set([0, 2]), [1, undefined])).toEqual([3, 4]);
  });
});

describe('the Job kind', () => {
  it('defaults as v1.32 does and labels the template, the selector and the Job with its name and uid', () => {
    const w = newWorld();
    const j = createJob(w, 'pi', {}, ['perl', '-v']);
    const uid = j.metadata.uid!;
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed' });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(j.spec.template.metadata?.labels).toEqual(labels);
    expect(j.metadata.labels).toEqual(labels);
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  });

  it('shares its template labels with the Job, generated ones included, when the Job has none of its own', () => {
    const w = newWorld();
    const make = (name: string, labels?: Record<string, string>) =>
      w.client.create<Job>(jobKind.type, {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
        spec: { template: { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['true'] }] } } },
      } as Job);
    const shared = make('shared');
    const uid = shared.metadata.uid!;
    expect(shared.metadata.labels).toEqual({ app: 'x', 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'shared', 'controller-uid': uid, 'job-name': 'shared' });
    expect(make('own', { team: 'a' }).metadata.labels).toEqual({ team: 'a' });
  });

  it("refuses what the API server refuses, in its words", () => {
    const w = newWorld();
    expect(statusOf(() => createJob(w, 'bad', {}, ['true'], 'Always')).message).toBe(
      'Job.batch "bad" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(statusOf(() => createJob(w, 'bad', { parallelism: -1 }, ['true'])).message).toBe('Job.batch "bad" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0');
    expect(statusOf(() => createJob(w, 'bad', { completionMode: 'Indexed', parallelism: 2 }, ['true'])).message).toBe(
      'Job.batch "bad" is invalid: spec.completions: Required value: when completion mode is Indexed',
    );
  });
});
